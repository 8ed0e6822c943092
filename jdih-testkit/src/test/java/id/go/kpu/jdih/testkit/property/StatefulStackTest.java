package id.go.kpu.jdih.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The harness on a state machine: a bounded stack checked step by step against {@link ArrayDeque}, with commands
 * generated from a model of its size, and one deliberately injected bug that only shows after push, pop, push of a
 * larger value.
 */
class StatefulStackTest {

  private static final int CAPACITY = 4;

  /** A stack command. */
  sealed interface Cmd permits Push, Pop {
  }

  /** Pushes a value. */
  record Push(int value) implements Cmd {
  }

  /** Pops the top value. */
  record Pop() implements Cmd {
  }

  /** The system under test: an array-backed bounded stack; with {@code buggy}, the injected bug is live. */
  static final class BoundedStack {
    private final int[] items = new int[CAPACITY + 2];
    private final boolean buggy;
    private int size;
    private boolean lastWasPop;
    private int lastPopped;

    BoundedStack(boolean buggy) {
      this.buggy = buggy;
    }

    void push(int value) {
      if (size == CAPACITY) {
        throw new IllegalStateException("full");
      }
      if (buggy && lastWasPop && value > lastPopped) {
        // The injected bug: a stale "undo pop" path resurrects the popped value under the new one.
        items[size++] = lastPopped;
      }
      items[size++] = value;
      lastWasPop = false;
    }

    int pop() {
      if (size == 0) {
        throw new IllegalStateException("empty");
      }
      lastWasPop = true;
      lastPopped = items[--size];
      return lastPopped;
    }

    int size() {
      return size;
    }
  }

  // The generators are built once; the model only picks one per state, so generating a step allocates little.
  private static final Gen<Cmd> PUSH = Gen.ints(0, 99).map(Push::new);
  private static final Gen<Cmd> POP = Gen.constant(new Pop());
  private static final Gen<Cmd> PUSH_OR_POP = Gen.frequency(3, PUSH, 2, POP);

  /** The model state is just the stack's size: enough to know which commands are valid. */
  private static final StepModel<Integer, Cmd> MODEL = StepModel.<Integer, Cmd>of(() -> 0,
          size -> size == 0 ? PUSH : size == CAPACITY ? POP : PUSH_OR_POP,
          (size, cmd) -> cmd instanceof Push ? size + 1 : size - 1)
      .withPrecondition((size, cmd) -> cmd instanceof Push ? size < CAPACITY : size > 0)
      .withShrinker(cmd -> cmd instanceof Push p
          ? Shrinker.intsTowards(0).shrink(p.value()).map(Push::new)
          : Stream.empty());

  /** Runs the stack and an {@link ArrayDeque} side by side from scratch, comparing every result and size. */
  private static void matchesReference(List<Cmd> cmds, boolean buggy) {
    BoundedStack stack = new BoundedStack(buggy);
    Deque<Integer> reference = new ArrayDeque<>();
    for (int i = 0; i < cmds.size(); i++) {
      Cmd cmd = cmds.get(i);
      if (cmd instanceof Push p) {
        stack.push(p.value());
        reference.push(p.value());
      } else {
        assertThat(stack.pop()).as("pop at step %d", i).isEqualTo(reference.pop());
      }
      assertThat(stack.size()).as("size after step %d", i).isEqualTo(reference.size());
    }
  }

  @Test
  void theInjectedBugIsFoundAndShrunkToItsThreeSteps() {
    for (long seed = 0; seed < 20; seed++) {
      Property property = Property.named("stack matches deque").seed(seed);
      PropertyFailure f = assertThrows(PropertyFailure.class,
          () -> property.forAllSequences(MODEL, 1, 40, cmds -> matchesReference(cmds, true)));
      assertThat(f.counterexample()).as("seed %d", seed).isEqualTo(List.of(new Push(0), new Pop(), new Push(1)));
      assertThat(f.failure()).hasMessageContaining("size after step 2");
      assertThat(f.getMessage()).contains("to 3 steps").contains("[Push[value=0], Pop[], Push[value=1]]");
      if (seed == 0) {
        System.out.println(f.getMessage());
      }
    }
  }

  @Test
  void shrinkingOnlyChecksSequencesTheModelAllows() {
    // Were a pop on an empty stack ever checked, it would fail too (with "empty") and shrinking would settle on it.
    List<List<Cmd>> checked = new ArrayList<>();
    PropertyFailure f = assertThrows(PropertyFailure.class, () -> Property.named("stack matches deque").seed(5)
        .forAllSequences(MODEL, 1, 40, cmds -> {
          checked.add(List.copyOf(cmds));
          matchesReference(cmds, true);
        }));
    assertThat(f.report().shrinkSteps()).isPositive();
    assertThat(checked).hasSizeGreaterThan(f.report().triesRun()).allSatisfy(cmds -> {
      int size = 0;
      for (Cmd cmd : cmds) {
        size += cmd instanceof Push ? 1 : -1;
        assertThat(size).isBetween(0, CAPACITY);
      }
    });
  }

  @Test
  void theCorrectStackPassesTenThousandSequences() {
    PropertyReport report = Property.named("stack matches deque").tries(10_000)
        .forAllSequences(MODEL, 1, 60, cmds -> matchesReference(cmds, false));
    System.out.println(report.summary());
    assertThat(report.triesRun()).isEqualTo(10_000);
    assertThat(report.totalSteps()).isBetween(10_000L, 600_000L);
    assertThat(report.shrinkAttempts()).isZero();
  }

  /** A document that can be edited until it is closed; nothing can follow the close. */
  @Test
  void aTerminalStateEndsTheSequence() {
    StepModel<Boolean, String> doc = StepModel.<Boolean, String>of(() -> false,
        closed -> closed ? null : Gen.frequency(5, Gen.constant("edit"), 1, Gen.constant("close")),
        (closed, step) -> closed || step.equals("close"));
    List<Integer> lengths = new ArrayList<>();
    Property.named("close is last").seed(6).tries(300).forAllSequences(doc, 10, 20, steps -> {
      lengths.add(steps.size());
      int close = steps.indexOf("close");
      assertThat(close == -1 || close == steps.size() - 1).as("%s", steps).isTrue();
    });
    assertThat(lengths).anyMatch(n -> n < 10).allMatch(n -> n <= 20);

    // Shrinking never produces an edit after the close either.
    PropertyFailure f = assertThrows(PropertyFailure.class, () -> Property.named("at most 2 edits").seed(6)
        .forAllSequences(doc, 1, 20, steps -> assertThat(steps.stream().filter("edit"::equals)).hasSizeLessThan(3)));
    assertThat(f.counterexample()).isEqualTo(List.of("edit", "edit", "edit"));
  }
}
