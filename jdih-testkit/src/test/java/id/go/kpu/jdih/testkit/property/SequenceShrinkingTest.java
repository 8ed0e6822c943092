package id.go.kpu.jdih.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Sequence properties without model state: counting, and shrinking failing lists to minimal ones. */
class SequenceShrinkingTest {

  private static final int SEEDS = 25;

  /** Fails if a 7 appears somewhere before a 3. */
  private static void noSevenThenThree(List<Integer> xs) {
    int seven = xs.indexOf(7);
    if (seven >= 0 && xs.subList(seven + 1, xs.size()).contains(3)) {
      throw new AssertionError("7 at " + seven + " is followed by a 3");
    }
  }

  private static int sum(List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).sum();
  }

  @Test
  void aTrueSequencePropertyRunsTheTriesAndCountsTheSteps() {
    AtomicInteger calls = new AtomicInteger();
    AtomicLong steps = new AtomicLong();
    PropertyReport report = Property.named("lengths").tries(500).forAllSequences(Gen.ints(0, 9), 2, 30, xs -> {
      calls.incrementAndGet();
      steps.addAndGet(xs.size());
      assertThat(xs).hasSizeBetween(2, 30);
    });
    assertThat(calls).hasValue(500);
    assertThat(report.triesRun()).isEqualTo(500);
    assertThat(report.sequences()).isTrue();
    assertThat(report.totalSteps()).isEqualTo(steps.get());
    assertThat(report.summary()).contains("ran 500 sequences, " + String.format("%,d", steps.get()) + " steps");
  }

  @Test
  void sevenFollowedByThreeShrinksToExactlySevenThree() {
    int longer = 0;
    for (long seed = 0; seed < SEEDS; seed++) {
      Property property = Property.named("no 7 then 3").seed(seed);
      PropertyFailure f = assertThrows(PropertyFailure.class,
          () -> property.forAllSequences(Gen.ints(0, 9), 0, 60, SequenceShrinkingTest::noSevenThenThree));
      assertThat(f.counterexample()).as("seed %d", seed).isEqualTo(List.of(7, 3));
      int originalSize = ((List<?>) f.originalCounterexample()).size();
      assertThat(f.getMessage()).contains("shrunk from " + originalSize + " to 2 steps").contains("[7, 3]");
      longer += originalSize > 10 ? 1 : 0;
    }
    assertThat(longer).as("runs where there was real shrinking to do").isGreaterThan(SEEDS / 2);
  }

  @Test
  void shrinkingNeverGoesBelowTheMinimumLength() {
    for (long seed = 0; seed < SEEDS; seed++) {
      Property property = Property.named("no 7 then 3, min 5").seed(seed);
      PropertyFailure f = assertThrows(PropertyFailure.class,
          () -> property.forAllSequences(Gen.ints(0, 9), 5, 60, SequenceShrinkingTest::noSevenThenThree));
      List<Object> shrunk = new ArrayList<>((List<?>) f.counterexample());
      assertThat(shrunk).as("seed %d", seed).hasSize(5).containsSubsequence(7, 3);
    }
  }

  @Test
  void sumBelowHundredShrinksToAOneMinimalListSummingToExactlyHundred() {
    for (long seed = 0; seed < SEEDS; seed++) {
      Property property = Property.named("sum < 100").seed(seed);
      PropertyFailure f = assertThrows(PropertyFailure.class, () -> property.forAllSequences(Gen.ints(0, 50), 0, 40,
          Shrinker.intsTowards(0), xs -> assertThat(sum(xs)).isLessThan(100)));
      List<Integer> shrunk = new ArrayList<>();
      for (Object x : (List<?>) f.counterexample()) {
        shrunk.add((Integer) x);
      }
      assertThat(sum(shrunk)).as("seed %d: %s", seed, shrunk).isEqualTo(100);
      for (int i = 0; i < shrunk.size(); i++) {
        List<Integer> removed = new ArrayList<>(shrunk);
        removed.remove(i);
        assertThat(sum(removed)).as("seed %d: %s without #%d", seed, shrunk, i).isLessThan(100);
      }
      assertThat(shrunk).as("seed %d", seed).allMatch(x -> x > 0 && x <= 50);
      assertThat(f.report().shrinkAttempts()).isLessThanOrEqualTo(Property.DEFAULT_MAX_SHRINK_ATTEMPTS);
    }
  }

  @Test
  void anyExceptionCountsAsFailingUnlessTheSameTypeIsRequired() {
    // 40 or more is an assertion failure, but a 0 (only reachable by shrinking) is an exception in the check.
    Gen<Integer> gen = Gen.ints(1, 50);
    Consumer<List<Integer>> check = xs -> {
      if (xs.contains(0)) {
        throw new IllegalStateException("zero");
      }
      assertThat(xs).allMatch(x -> x < 40);
    };
    PropertyFailure any = assertThrows(PropertyFailure.class, () -> Property.named("any failure").seed(1)
        .forAllSequences(gen, 1, 20, Shrinker.intsTowards(0), check));
    assertThat(any.counterexample()).isEqualTo(List.of(0));
    assertThat(any.failure()).isInstanceOf(IllegalStateException.class);
    assertThat(any.originalFailure()).isInstanceOf(AssertionError.class);

    PropertyFailure same = assertThrows(PropertyFailure.class, () -> Property.named("same failure").seed(1)
        .requireSameFailureType().forAllSequences(gen, 1, 20, Shrinker.intsTowards(0), check));
    assertThat(same.counterexample()).isEqualTo(List.of(40));
    assertThat(same.failure()).isInstanceOf(AssertionError.class);
  }

  @Test
  void theShrinkBudgetIsRespected() {
    AtomicInteger checks = new AtomicInteger();
    PropertyFailure f = assertThrows(PropertyFailure.class, () -> Property.named("budget").seed(2).maxShrinkAttempts(7)
        .forAllSequences(Gen.ints(0, 9), 0, 60, xs -> {
          checks.incrementAndGet();
          noSevenThenThree(xs);
        }));
    assertThat(f.report().shrinkAttempts()).isEqualTo(7);
    assertThat(checks.get()).isEqualTo(f.report().triesRun() + 7);
    assertThat((List<?>) f.counterexample()).hasSizeGreaterThan(2);

    PropertyFailure none = assertThrows(PropertyFailure.class, () -> Property.named("no shrinking").seed(2)
        .maxShrinkAttempts(0).forAllSequences(Gen.ints(0, 9), 30, 60, SequenceShrinkingTest::noSevenThenThree));
    assertThat(none.counterexample()).isEqualTo(none.originalCounterexample());
  }

  @Test
  void theCheckGetsUnmodifiableLists() {
    PropertyFailure f = assertThrows(PropertyFailure.class, () -> Property.named("mutates").seed(3)
        .forAllSequences(Gen.ints(0, 9), 1, 5, xs -> xs.add(1)));
    assertThat(f.failure()).isInstanceOf(UnsupportedOperationException.class);
    assertThat((List<?>) f.counterexample()).hasSize(1);
  }
}
