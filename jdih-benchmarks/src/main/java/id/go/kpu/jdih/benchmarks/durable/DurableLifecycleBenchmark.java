package id.go.kpu.jdih.benchmarks.durable;

import id.go.kpu.jdih.benchmarks.flow.JdihEngine;
import id.go.kpu.jdih.benchmarks.flow.ReferenceCase;
import id.go.kpu.jdih.benchmarks.flow.Step;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.file.FileCaseStore;
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
 *   <li>{@code flowableH2}: Flowable 7 embedded on an H2 file database running a hand-made BPMN model of the SOP
 *       ({@link FlowableSop}): start a process instance, then per step a task query and a completion with the
 *       actor, the output and the decision as variables; a task listener guards each completion.
 *   <li>{@code jdih} with {@code store=file}: jdih on its embedded default store, {@link FileCaseStore} (one JSON-lines
 *       log per case, <b>fsync on every append</b>). For orientation only: H2 does not force each commit to disk, so
 *       this is not the like-for-like comparison.
 * </ul>
 *
 * <p><b>TODO(jdih-store-jdbc):</b> the like-for-like comparison is jdih on jdih-store-jdbc over the same kind of H2
 * file database. That module is being written on another branch. When it is merged: add it as a dependency of
 * jdih-benchmarks, add {@code "jdbc-h2"} to {@link JdihStore#store}'s {@code @Param} values, and create the store in
 * {@link JdihStore#open} on {@code jdbc:h2:file:<dir>/jdih} (same H2 version and default settings as Flowable's
 * database here). Nothing else changes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 10)
@Measurement(iterations = 10, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.jboss.logging.provider=slf4j"})
@Threads(1)
public class DurableLifecycleBenchmark {

  static final List<Step> STEPS = ReferenceCase.steps();

  /** jdih on a durable store. */
  @State(Scope.Thread)
  public static class JdihStore {
    /** Which store. */
    @Param({"file"})
    public String store;

    Path dir;
    JdihEngine engine;
    long next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      dir = Files.createTempDirectory("jdih-bench-" + store);
      engine = new JdihEngine(Clock.systemUTC());
      engine.use(open(store, dir));
      ContentCase c = engine.run(CaseId.of("check"), STEPS);
      if (c.status() != CaseStatus.PUBLISHED || c.version() != STEPS.size()) {
        throw new IllegalStateException("the reference case did not run as expected: " + c);
      }
    }

    static CaseStore open(String store, Path dir) {
      return switch (store) {
        case "file" -> new FileCaseStore(dir.resolve("cases"));
        // TODO(jdih-store-jdbc): case "jdbc-h2" -> the JDBC store on jdbc:h2:file:<dir>/jdih
        default -> throw new IllegalArgumentException("unknown store " + store);
      };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      delete(dir);
    }
  }

  /** Flowable on H2. */
  @State(Scope.Thread)
  public static class Flowable {
    Path dir;
    FlowableSop engine;
    long next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      dir = Files.createTempDirectory("jdih-bench-flowable");
      engine = new FlowableSop(dir);
      if (!engine.run("check", STEPS)) {
        throw new IllegalStateException("the reference case did not end in Flowable");
      }
    }

    @TearDown(Level.Trial)
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
