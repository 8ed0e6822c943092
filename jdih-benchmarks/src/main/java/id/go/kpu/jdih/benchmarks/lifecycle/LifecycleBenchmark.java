package id.go.kpu.jdih.benchmarks.lifecycle;

import id.go.kpu.jdih.benchmarks.flow.JdihEngine;
import id.go.kpu.jdih.benchmarks.flow.ReferenceCase;
import id.go.kpu.jdih.benchmarks.flow.SopState;
import id.go.kpu.jdih.benchmarks.flow.SpringStatemachineEngine;
import id.go.kpu.jdih.benchmarks.flow.SquirrelEngine;
import id.go.kpu.jdih.benchmarks.flow.Step;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.ContentCase;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Item 1: one whole reference case (nine commands: the seven activities and one rejection, see
 * {@link ReferenceCase}) per operation, in cases per second, for jdih and the two state-machine libraries.
 *
 * <p>What each operation does:
 * <ul>
 *   <li>{@code jdih}: nine {@code CaseService.handle} calls on a new case in an {@link InMemoryCaseStore}. Each
 *       loads the history, replays it, decides (command validation, order, executor role, inputs, Jakarta
 *       Validation of the output, the platforms' caption and media rules), hashes the event into the SHA-256 chain
 *       and appends it with the expected version. The store is replaced every {@value #CASES_PER_STORE} cases so
 *       the live set stays small and the benchmark measures the lifecycle, not a heap that grows all iteration.
 *   <li>{@code springStatemachineNewPerCase}: a machine from a {@code StateMachineFactory} per case, started, the
 *       nine events sent as messages with the actor and output headers, each result checked ACCEPTED, stopped.
 *   <li>{@code squirrelNewPerCase}: a squirrel machine per case from a prepared builder, the nine events fired with
 *       the step as context, the state checked after each.
 * </ul>
 * Reusing one Spring Statemachine for every case (stop, reset to activity 1, start: what its persisters do) is not
 * measured: once a machine has reached its end state, a reset is accepted but events are then accepted without
 * moving the state (spring-statemachine issue #966, open), so a flow that ends cannot be rerun on it.
 *
 * <p>The state machines only move a state: they keep no history, no outputs, no hashes and validate nothing but the
 * two guards. That is the comparison asked for; read the ratio with it in mind.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 10, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.jboss.logging.provider=slf4j"})
@Threads(1)
public class LifecycleBenchmark {

  /** How many cases a jdih store holds before it is replaced. */
  public static final int CASES_PER_STORE = 1000;

  static final List<Step> STEPS = ReferenceCase.steps();

  /** jdih's state. */
  @State(Scope.Thread)
  public static class Jdih {
    JdihEngine engine;
    int inStore;
    long next;

    @Setup(Level.Trial)
    public void setUp() {
      engine = new JdihEngine(Clock.systemUTC());
      ContentCase c = engine.run(CaseId.of("check"), STEPS);
      if (c.status() != CaseStatus.PUBLISHED || c.revisions() != 1 || c.version() != STEPS.size()) {
        throw new IllegalStateException("the reference case did not run as expected: " + c);
      }
    }

    CaseId nextCase() {
      if (++inStore > CASES_PER_STORE) {
        engine.use(new InMemoryCaseStore());
        inStore = 1;
      }
      return CaseId.of("case-" + next++);
    }
  }

  /** Spring Statemachine's state. */
  @State(Scope.Thread)
  public static class Spring {
    SpringStatemachineEngine engine;
    long next;

    @Setup(Level.Trial)
    public void setUp() {
      engine = new SpringStatemachineEngine(ReferenceSop.definition());
      check(engine.runNew("check", STEPS));
    }
  }

  /** squirrel-foundation's state. */
  @State(Scope.Thread)
  public static class Squirrel {
    SquirrelEngine engine;

    @Setup(Level.Trial)
    public void setUp() {
      engine = new SquirrelEngine(ReferenceSop.definition());
      check(engine.run(STEPS));
    }
  }

  static void check(SopState end) {
    if (end != SopState.PUBLISHED) {
      throw new IllegalStateException("the reference case ended in " + end);
    }
  }

  @Benchmark
  public ContentCase jdih(Jdih s) {
    return s.engine.run(s.nextCase(), STEPS);
  }

  @Benchmark
  public SopState springStatemachineNewPerCase(Spring s) {
    return s.engine.runNew("case-" + s.next++, STEPS);
  }

  @Benchmark
  public SopState squirrelNewPerCase(Squirrel s) {
    return s.engine.run(STEPS);
  }
}
