package id.go.kpu.jdih.benchmarks.durable;

import id.go.kpu.jdih.benchmarks.flow.JdihEngine;
import id.go.kpu.jdih.benchmarks.flow.ReferenceCase;
import id.go.kpu.jdih.benchmarks.flow.Step;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.file.FileCaseStore;
import id.go.kpu.jdih.store.jdbc.JdbcCaseStore;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.ContentCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Item 2: the same reference case (nine commands) with durable storage, in cases per second.
 *
 * <ul>
 *   <li>{@code flowableH2}: Flowable 8 embedded on an H2 file database, running the BPMN that jdih-export makes of
 *       {@code ReferenceSop.definition()} (generated and deployed at set-up): start a process instance, then per
 *       step a task query for the open task whose candidate group the actor holds (the role guard), a check that
 *       the output is present, and a completion with the actor, the output and the decision as variables. See
 *       {@link FlowableSop}.
 *   <li>{@code jdih} with {@code store=jdbc-h2}: the like-for-like comparison. jdih on jdih-store-jdbc,
 *       {@link JdbcCaseStore#h2File}: one transaction per command (read the case's head, insert the event row,
 *       write the case's summary row), on H2 in file mode.
 *   <li>{@code jdih} with {@code store=file}: jdih on its embedded default store, {@link FileCaseStore} (one
 *       JSON-lines log per case, <b>fsync on every append</b>). For orientation only: H2 does not force a commit
 *       to disk, so this is not the like-for-like comparison.
 * </ul>
 *
 * <p><b>The two H2 databases.</b> Same H2 (one class path, so one version: 2.3.232 as pinned in the parent pom),
 * same URL form and options, {@link JdbcCaseStore#h2FileUrl} of each side's own temporary folder:
 * {@code WRITE_DELAY=0} (each commit is written to the file before it returns, not forced to the disk) and
 * {@code LAZY_QUERY_EXECUTION=TRUE}. Both run at READ COMMITTED (H2's default, and what the store sets). The
 * differences: jdih pools connections with HikariCP (4), Flowable with its default MyBatis pool (16); with one
 * thread each uses one connection. The jdbc store keeps the events of the 1,000 most recently used cases in memory
 * and checks them against the database on every read (see {@link JdbcCaseStore}); Flowable caches its process
 * definitions. Neither is turned off: each runs as shipped.
 *
 * <p><b>A new database for every iteration</b>, on both sides (set-up and tear-down per iteration, outside the
 * measured time). With one database for the whole trial the faster engine fills a bigger one: in a 100-second
 * trial jdih wrote about 25,000 cases and Flowable about 3,500, and H2's commit gets slower as the file grows
 * (a profile of the late iterations: most of jdih's time in {@code FreeSpaceBitSet.allocate}, which scans the
 * file's free-space bitmap on every commit, and in rewriting the store's chunk metadata), so jdih's iterations fell
 * from about 400 to 150 cases/s while Flowable's stayed flat. Starting every iteration empty keeps both in the
 * regime of an office's database, a few thousand cases; BENCHMARKS.md gives the growing-database figure too.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 10)
@Measurement(iterations = 8, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.jboss.logging.provider=slf4j"})
@Threads(1)
public class DurableLifecycleBenchmark {

  static final List<Step> STEPS = ReferenceCase.steps();

  /** jdih on a durable store. */
  @State(Scope.Thread)
  public static class JdihStore {
    /** Which store: {@code jdbc-h2} (jdih-store-jdbc on H2) or {@code file} (for orientation). */
    @Param({"jdbc-h2", "file"})
    public String store;

    Path dir;
    JdihEngine engine;
    CaseStore opened;
    long next;

    @Setup(Level.Iteration)
    public void setUp() throws IOException {
      dir = Files.createTempDirectory("jdih-bench-" + store);
      engine = new JdihEngine(Clock.systemUTC());
      opened = open(store, dir, engine.registry());
      engine.use(opened);
      ContentCase c = engine.run(CaseId.of("check"), STEPS);
      if (c.status() != CaseStatus.PUBLISHED || c.version() != STEPS.size()) {
        throw new IllegalStateException("the reference case did not run as expected: " + c);
      }
    }

    static CaseStore open(String store, Path dir, SopRegistry registry) {
      return switch (store) {
        case "file" -> new FileCaseStore(dir.resolve("cases"));
        // As jdih-cli opens it (Home.store()): the definitions for the summaries come from the registry.
        case "jdbc-h2" -> JdbcCaseStore.h2File(dir.resolve("db"), registry::find);
        default -> throw new IllegalArgumentException("unknown store " + store);
      };
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
      if (opened instanceof JdbcCaseStore jdbc) {
        jdbc.close(); // closes its pool, and with the last connection H2 closes the database
      }
      delete(dir);
    }
  }

  /** Flowable on H2. */
  @State(Scope.Thread)
  public static class Flowable {
    Path dir;
    FlowableSop engine;
    long next;

    @Setup(Level.Iteration)
    public void setUp() throws IOException {
      dir = Files.createTempDirectory("jdih-bench-flowable");
      engine = new FlowableSop(dir, ReferenceSop.definition());
      if (!engine.run("check", STEPS)) {
        throw new IllegalStateException("the reference case did not end in Flowable");
      }
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
      engine.close();
      delete(dir);
    }
  }

  @Benchmark
  public ContentCase jdih(JdihStore s) {
    return s.engine.run(CaseId.of("case-" + s.next++), STEPS);
  }

  @Benchmark
  public boolean flowableH2(Flowable s) {
    return s.engine.run("case-" + s.next++, STEPS);
  }

  static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
