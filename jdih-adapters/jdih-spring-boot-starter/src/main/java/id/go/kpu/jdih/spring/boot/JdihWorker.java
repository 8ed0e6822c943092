package id.go.kpu.jdih.spring.boot;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.runtime.RunReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link Jdih#runDue} on a thread of its own ({@code jdih-worker}) every {@code jdih.worker.run-every}, from
 * the start of the application context until its shutdown: the outbox's deliveries and the reminders. A failing
 * pass is logged and told to the {@link RunListener}s; the next pass runs as planned. It stops before the runtime
 * is closed (a pass in progress ends first, for up to the shutdown timeout), so no pass runs on a closed runtime.
 *
 * <p>Thread-safe.
 */
public final class JdihWorker implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(JdihWorker.class);

  /** How long {@link #stop} waits for a pass in progress. */
  static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  private final Jdih jdih;
  private final Duration runEvery;
  private final ImmutableList<RunListener> listeners;
  private final Object lock = new Object();
  private ScheduledExecutorService executor;
  private ScheduledFuture<?> schedule;

  /** A worker for {@code jdih} that tells {@code listeners} of every pass. */
  public JdihWorker(Jdih jdih, Duration runEvery, List<RunListener> listeners) {
    this.jdih = checkNotNull(jdih, "jdih");
    this.runEvery = checkNotNull(runEvery, "runEvery");
    this.listeners = ImmutableList.copyOf(listeners);
    if (runEvery.isNegative() || runEvery.isZero()) {
      throw new IllegalArgumentException("jdih.worker.run-every must be positive: " + runEvery);
    }
  }

  /** One pass now, on the caller's thread, told to the listeners like a scheduled one. */
  public RunReport runOnce() {
    try {
      RunReport r = jdih.runDue(jdih.clock().instant());
      for (RunListener l : listeners) {
        l.passed(r);
      }
      return r;
    } catch (RuntimeException e) {
      for (RunListener l : listeners) {
        l.failed(e);
      }
      throw e;
    }
  }

  @Override
  public void start() {
    synchronized (lock) {
      if (executor != null) {
        return;
      }
      executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jdih-worker");
        t.setDaemon(true);
        return t;
      });
      schedule = executor.scheduleWithFixedDelay(() -> {
        try {
          LOG.debug("{}", LogSafe.of(runOnce()));
        } catch (RuntimeException e) {
          LOG.error("jdih: pass failed; the next one runs in {}", runEvery, e);
        }
      }, 0, runEvery.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("jdih: worker started, a pass every {}", runEvery);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService e;
    synchronized (lock) {
      e = executor;
      if (e == null) {
        return;
      }
      schedule.cancel(false);
      executor = null;
      schedule = null;
    }
    e.shutdown();
    try {
      if (!e.awaitTermination(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("jdih: a pass still runs after {}; interrupting it", SHUTDOWN_TIMEOUT);
        e.shutdownNow();
      }
    } catch (InterruptedException x) {
      e.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    synchronized (lock) {
      return executor != null;
    }
  }
}
