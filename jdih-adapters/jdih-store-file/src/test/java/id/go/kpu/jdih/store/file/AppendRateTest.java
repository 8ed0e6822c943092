package id.go.kpu.jdih.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how many appends per second the file store makes here, each synced to disk. A measurement, not a
 * requirement: it depends on the disk, and nothing is asserted about it.
 */
class AppendRateTest {

  @TempDir
  Path dir;

  @Test
  void printsAppendsPerSecond() throws Exception {
    FileCaseStore store = new FileCaseStore(dir);
    int appends = 1_000;
    CaseId one = CaseId.of("laju-1");
    List<RecordedEvent> events = Events.chain(one, appends, "r");
    long t0 = System.nanoTime();
    for (int i = 0; i < appends; i++) {
      store.append(one, i, events.subList(i, i + 1));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("AppendRateTest: 1 thread, 1 case: %d appends in %.2f s = %.0f appends/s%n", appends, seconds,
        appends / seconds);

    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    long t1 = System.nanoTime();
    try {
      for (int t = 0; t < threads; t++) {
        CaseId id = CaseId.of("laju-paralel-" + t);
        List<RecordedEvent> own = Events.chain(id, appends / threads, "p");
        futures.add(pool.submit(() -> {
          for (int i = 0; i < own.size(); i++) {
            store.append(id, i, own.subList(i, i + 1));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    double parallel = (System.nanoTime() - t1) / 1e9;
    System.out.printf("AppendRateTest: %d threads, %d cases: %d appends in %.2f s = %.0f appends/s%n", threads,
        threads, appends, parallel, appends / parallel);
    assertThat(HashChain.verify(new FileCaseStore(dir).load(one))).isEmpty();
    assertThat(new FileCaseStore(dir).version(one)).isEqualTo(appends);
  }
}
