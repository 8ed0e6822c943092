package id.go.kpu.jdih.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runner on single values: tries, seeds, re-running a failure, the failure message and what counts as failing. */
class PropertyTest {

  private static final Pattern RERUN_FLAG = Pattern.compile("-Djdih\\.prop\\.seed=(-?\\d+)");

  private String savedSeed;
  private String savedTry;

  // These tests set the replay properties themselves; keep whatever the build was started with out of them.
  @BeforeEach
  void clearReplayProperties() {
    savedSeed = System.clearProperty(Property.SEED_PROPERTY);
    savedTry = System.clearProperty(Property.TRY_PROPERTY);
  }

  @AfterEach
  void restoreReplayProperties() {
    restore(Property.SEED_PROPERTY, savedSeed);
    restore(Property.TRY_PROPERTY, savedTry);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  /**
   * Fails for x >= 900,000 out of 0..1,000,000, so a run fails within a few tries. 900,000 itself is never generated,
   * so there is always something to shrink.
   */
  private static PropertyFailure runFalseProperty(Property property) {
    Gen<Integer> gen = Gen.ints(0, 1_000_000).filter(x -> x != 900_000);
    return assertThrows(PropertyFailure.class, () -> property.forAll(gen, Shrinker.intsTowards(0), x -> {
      if (x >= 900_000) {
        throw new AssertionError("too big: " + x);
      }
    }));
  }

  @Test
  void aTruePropertyRunsExactlyTheRequestedTries() {
    AtomicInteger calls = new AtomicInteger();
    PropertyReport report = Property.named("ints are in range").tries(737)
        .forAll(Gen.ints(-3, 3), x -> {
          calls.incrementAndGet();
          assertThat(x).isBetween(-3, 3);
        });
    assertThat(calls).hasValue(737);
    assertThat(report.triesRun()).isEqualTo(737);
    assertThat(report.sequences()).isFalse();
    assertThat(report.totalSteps()).isZero();
    assertThat(report.shrinkAttempts()).isZero();
    assertThat(report.summary()).startsWith("property 'ints are in range': ran 737 tries, seed " + report.seed());

    AtomicInteger defaults = new AtomicInteger();
    assertThat(Property.named("default").forAllTrue(Gen.booleans(), b -> defaults.incrementAndGet() > 0).triesRun())
        .isEqualTo(Property.DEFAULT_TRIES);
    assertThat(defaults).hasValue(Property.DEFAULT_TRIES);
  }

  @Test
  void theSameSeedGivesTheSameTriesAndAnotherSeedOthers() {
    Property p5 = Property.named("p").seed(5).tries(100);
    assertThat(valuesSeen(p5)).hasSize(100).isEqualTo(valuesSeen(p5));
    assertThat(valuesSeen(p5)).isNotEqualTo(valuesSeen(Property.named("p").seed(6).tries(100)));
    // A try's value depends on the seed and its index only, not on how many tries the run has.
    assertThat(valuesSeen(p5.tries(10))).isEqualTo(valuesSeen(p5).subList(0, 10));
    assertThat(valuesSeen(p5.onlyTry(42))).containsExactly(valuesSeen(p5).get(42));
  }

  private static List<Long> valuesSeen(Property property) {
    List<Long> seen = new ArrayList<>();
    property.forAll(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), seen::add);
    return seen;
  }

  @Test
  void withoutASeedEachRunPicksARandomOne() {
    long a = Property.named("p").tries(1).forAll(Gen.ints(0, 1), x -> { }).seed();
    long b = Property.named("p").tries(1).forAll(Gen.ints(0, 1), x -> { }).seed();
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void aFalsePropertyReportsSeedTryCounterexampleAndBothFailures() {
    PropertyFailure f = runFalseProperty(Property.named("ints stay small"));

    assertThat(f).isInstanceOf(AssertionError.class);
    assertThat(f.counterexample()).isEqualTo(900_000);
    assertThat((Integer) f.originalCounterexample()).isGreaterThanOrEqualTo(900_000);
    assertThat(f.trySeed()).isEqualTo(Rand.deriveSeed(f.seed(), f.tryIndex()));
    assertThat(f.report().triesRun()).isEqualTo(f.tryIndex() + 1);
    assertThat(f.report().shrinkSteps()).isPositive();
    assertThat(f.getMessage())
        .contains("Property 'ints stay small' failed on try #" + f.tryIndex())
        .contains("seed " + f.seed())
        .contains("-Djdih.prop.seed=" + f.seed())
        .contains("-Djdih.prop.seed=" + f.seed() + " -Djdih.prop.try=" + f.tryIndex())
        .contains("Counterexample (" + f.report().shrinkSteps() + " shrink steps in")
        .contains("\n  900000\n")
        .contains("Failure: java.lang.AssertionError: too big: 900000")
        .contains("Original failure: java.lang.AssertionError: too big: " + f.originalCounterexample());
    assertThat(f.failure()).isSameAs(f.getCause()).hasMessage("too big: 900000");
    assertThat(f.originalFailure()).hasMessage("too big: " + f.originalCounterexample());
    assertThat(f.getSuppressed()).containsExactly(f.originalFailure());
    assertThat(f.rerunFlags()).isEqualTo("-Djdih.prop.seed=" + f.seed() + " -Djdih.prop.try=" + f.tryIndex());
  }

  @Test
  void theFlagInTheMessageReproducesTheFailure() {
    PropertyFailure first = runFalseProperty(Property.named("ints stay small"));
    Matcher m = RERUN_FLAG.matcher(first.getMessage());
    assertThat(m.find()).isTrue();
    System.setProperty(Property.SEED_PROPERTY, m.group(1));

    PropertyFailure again = runFalseProperty(Property.named("ints stay small"));
    assertThat(again.seed()).isEqualTo(first.seed());
    assertThat(again.tryIndex()).isEqualTo(first.tryIndex());
    assertThat(again.originalCounterexample()).isEqualTo(first.originalCounterexample());
    assertThat(again.counterexample()).isEqualTo(first.counterexample());
    assertThat(again.report().triesRun()).isEqualTo(first.report().triesRun());

    // Only the failing try.
    System.setProperty(Property.TRY_PROPERTY, String.valueOf(first.tryIndex()));
    PropertyFailure alone = runFalseProperty(Property.named("ints stay small"));
    assertThat(alone.tryIndex()).isEqualTo(first.tryIndex());
    assertThat(alone.originalCounterexample()).isEqualTo(first.originalCounterexample());
    assertThat(alone.counterexample()).isEqualTo(first.counterexample());
    assertThat(alone.report().triesRun()).isEqualTo(1);
  }

  @Test
  void aSeedSetInCodeWinsOverTheSystemPropertyAndOnlyTryReplaysOneTry() {
    System.setProperty(Property.SEED_PROPERTY, "1");
    System.setProperty(Property.TRY_PROPERTY, "3");
    PropertyFailure pinned = runFalseProperty(Property.named("pinned").seed(77));
    assertThat(pinned.seed()).isEqualTo(77);
    assertThat(pinned.report().triesRun()).isEqualTo(pinned.tryIndex() + 1);
    assertThat(pinned.getMessage()).contains("the seed 77 is set in code; add .onlyTry(" + pinned.tryIndex() + ")");

    PropertyFailure alone = runFalseProperty(Property.named("pinned").seed(77).onlyTry(pinned.tryIndex()));
    assertThat(alone.report().triesRun()).isEqualTo(1);
    assertThat(alone.originalCounterexample()).isEqualTo(pinned.originalCounterexample());
  }

  @Test
  void badReplayPropertiesAreRejected() {
    System.setProperty(Property.TRY_PROPERTY, "3");
    assertThatThrownBy(() -> Property.named("p").forAll(Gen.ints(0, 1), x -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs -Djdih.prop.seed");
    System.setProperty(Property.SEED_PROPERTY, "twelve");
    assertThatThrownBy(() -> Property.named("p").forAll(Gen.ints(0, 1), x -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a long");
  }

  @Test
  void aPredicateFailsWhereItIsFalse() {
    PropertyFailure f = assertThrows(PropertyFailure.class, () -> Property.named("under 1000").seed(3)
        .forAllTrue(Gen.ints(0, 100_000), Shrinker.intsTowards(0), x -> x < 1000));
    assertThat(f.counterexample()).isEqualTo(1000);
    assertThat(f.getMessage()).contains("the property returned false");
  }

  @Test
  void exceptionsFailAPropertyAndOtherErrorsPropagate() {
    Property property = Property.named("no npe").seed(4);
    PropertyFailure f = assertThrows(PropertyFailure.class, () -> property.forAll(Gen.ints(0, 9), x -> {
      if (x == 5) {
        throw new IllegalStateException("five");
      }
    }));
    assertThat(f.failure()).isInstanceOf(IllegalStateException.class).hasMessage("five");

    assertThatThrownBy(() -> Property.named("error").seed(4).forAll(Gen.ints(0, 9), x -> {
      throw new Error("not a test failure");
    })).isExactlyInstanceOf(Error.class);
  }

  @Test
  void aFailingGeneratorNamesTheSeed() {
    assertThatThrownBy(() -> Property.named("gen").forAll(Gen.ints(0, 9).filter(x -> x > 9), x -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("generator failed on try #0")
        .hasMessageContaining("-Djdih.prop.seed=")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void shrinkingStopsAtTheBudget() {
    AtomicLong checks = new AtomicLong();
    PropertyFailure f = assertThrows(PropertyFailure.class, () -> Property.named("budget").seed(8).maxShrinkAttempts(3)
        .forAll(Gen.ints(1000, 1_000_000), Shrinker.intsTowards(0), x -> {
          checks.incrementAndGet();
          assertThat(x).isLessThan(10);
        }));
    assertThat(f.report().shrinkAttempts()).isEqualTo(3);
    assertThat(checks).hasValue(1 + 3);
    assertThat((Integer) f.counterexample()).isGreaterThanOrEqualTo(10);
  }
}
