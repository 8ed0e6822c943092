package id.go.kpu.jdih.benchmarks.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a scenario's clients, one platform thread each, through the warm-up and the measured window, and merges
 * what they recorded. Each client loops over new cases until the window ends; after a failed request it pauses
 * briefly (so a server that is down is not hammered) and starts a new case.
 */
final class LoadRun {

  private static final long PAUSE_AFTER_ERROR_MILLIS = 50;
  /** How long to wait for a client to finish its last request after the window. */
  private static final long JOIN_MILLIS = Client.REQUEST_TIMEOUT.toMillis() + 5_000;

  private LoadRun() {}

  static Recorder run(Scenario scenario, int clients, long warmupSeconds, long measuredSeconds)
      throws InterruptedException {
    Window window = Window.startingNow(TimeUnit.SECONDS.toNanos(warmupSeconds),
        TimeUnit.SECONDS.toNanos(measuredSeconds));
    List<Client> all = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Client c = new Client(window);
      scenario.types().forEach(c.recorder()::declare);
      int index = i;
      Thread t = new Thread(() -> loop(scenario, c, index, window), "client-" + i);
      all.add(c);
      threads.add(t);
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      long left = TimeUnit.NANOSECONDS.toMillis(window.measureUntil() - System.nanoTime());
      t.join(Math.max(left, 0) + JOIN_MILLIS);
      if (t.isAlive()) {
        throw new IllegalStateException(t.getName() + " did not stop after the measured window");
      }
    }
    Recorder merged = new Recorder();
    scenario.types().forEach(merged::declare);
    all.forEach(c -> merged.merge(c.recorder()));
    return merged;
  }

  private static void loop(Scenario scenario, Client c, int index, Window window) {
    long n = 0;
    while (!window.over(System.nanoTime())) {
      try {
        scenario.iteration(c, index, n++);
        continue;
      } catch (Client.Failed e) {
        // already recorded by the client
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // A bug of the scenario itself (e.g. an unexpected JSON shape): recorded like a failed request.
        long now = System.nanoTime();
        if (!window.over(now)) {
          c.recorder().error("(client)", !window.inWarmup(now), e.toString());
        }
      }
      try {
        Thread.sleep(PAUSE_AFTER_ERROR_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
