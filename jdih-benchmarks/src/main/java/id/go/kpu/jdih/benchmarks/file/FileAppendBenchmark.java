package id.go.kpu.jdih.benchmarks.file;

import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.store.file.FileCaseStore;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The file store (jdih-store-file): appends per second, each one event, each synced to the disk before it returns.
 * A measurement of this machine's disk as much as of the store; nothing is required of it. (It was
 * {@code AppendRateTest} in jdih-store-file, which printed the rate on every build.)
 *
 * <ul>
 *   <li>{@code oneWriter}: one thread appending to one case.
 *   <li>{@code fourWriters}: four threads, each appending to a case of its own, on one store (the store locks per
 *       case, so they contend only for the disk).
 * </ul>
 *
 * <p>The events are those jdih-store-file's tests append: a summary event whose text varies from about 0.5 to 2.3 KB
 * so that lines often straddle a 4 KB page, chained to the case's head. They are chained ahead at each iteration's
 * set-up, outside the measured calls, for more appends than the previous iterations made; should they run out, more
 * are made inside the measured call (and counted at the end). The store lives in a new temporary folder per trial.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FileAppendBenchmark {

  static final SopKey SOP = new SopKey("kpu-kab-kepulauan-mentawai", "6 Tahun 2023", 0);
  static final Person STAF = new Person(Nip.of("199003032015031003"), "Sari Staf",
      ImmutableSet.of(RoleId.of("staf")));
  /** Events chained ahead before the first iteration, per writer. */
  static final int FIRST_BATCH = 2_000;

  /** Event {@code sequence} of a case, chained to {@code previousHash}; its summary is 0.5 to 2.3 KB long. */
  static RecordedEvent event(CaseId id, long sequence, String previousHash) {
    int pad = (int) ((sequence * 7919) % 1800);
    return RecordedEvent.create(id, sequence, SOP, CommandId.of("laju-v" + sequence), STAF,
        Instant.ofEpochSecond(1_700_000_000L + sequence), OptionalInt.of(4),
        new CaseEvent.Summarized("ringkasan " + sequence + " " + "x".repeat(pad)), previousHash);
  }

  /** One store in a new temporary folder, shared by the writers. */
  @State(Scope.Benchmark)
  public static class Store {
    Path dir;
    FileCaseStore store;
    final AtomicInteger writers = new AtomicInteger();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      dir = Files.createTempDirectory("jdih-bench-file-append");
      store = new FileCaseStore(dir);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One writer: its own case and its events, chained ahead. */
  @State(Scope.Thread)
  public static class Writer {
    CaseId id;
    final ArrayDeque<RecordedEvent> ready = new ArrayDeque<>();
    long lastChained;
    String chainedHead = HashChain.GENESIS;
    long appendedAtIterationStart;
    long appended;
    long mostInAnIteration;
    long chainedInside;

    @Setup(Level.Trial)
    public void setUp(Store s) {
      id = CaseId.of("laju-" + s.writers.incrementAndGet());
    }

    @Setup(Level.Iteration)
    public void chainAhead() {
      long want = Math.max(FIRST_BATCH, 3 * mostInAnIteration);
      while (ready.size() < want) {
        ready.add(chainOne());
      }
      appendedAtIterationStart = appended;
    }

    @TearDown(Level.Iteration)
    public void count() {
      mostInAnIteration = Math.max(mostInAnIteration, appended - appendedAtIterationStart);
    }

    @TearDown(Level.Trial)
    public void report(Store s) {
      if (chainedInside > 0) {
        System.out.println("note: " + chainedInside + " events were chained inside the measured calls");
      }
      if (s.store.version(id) != appended) {
        throw new IllegalStateException("the store holds " + s.store.version(id) + " events of " + id + ", not "
            + appended);
      }
    }

    private RecordedEvent chainOne() {
      RecordedEvent e = event(id, ++lastChained, chainedHead);
      chainedHead = e.hash();
      return e;
    }

    RecordedEvent next() {
      RecordedEvent e = ready.poll();
      if (e == null) {
        chainedInside++;
        e = chainOne();
      }
      return e;
    }
  }

  static long append(Store s, Writer w) {
    RecordedEvent e = w.next();
    long version = s.store.append(w.id, e.sequence() - 1, List.of(e));
    w.appended++;
    return version;
  }

  /** One thread, one case. */
  @Benchmark
  @Threads(1)
  public long oneWriter(Store s, Writer w) {
    return append(s, w);
  }

  /** Four threads, a case each, one store. */
  @Benchmark
  @Threads(4)
  public long fourWriters(Store s, Writer w) {
    return append(s, w);
  }
}
