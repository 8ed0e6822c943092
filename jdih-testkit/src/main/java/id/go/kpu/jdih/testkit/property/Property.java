package id.go.kpu.jdih.testkit.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a check against many generated values or step sequences, and on the first failure shrinks the counterexample
 * and throws a {@link PropertyFailure}.
 *
 * <pre>{@code
 * PropertyReport report = Property.named("reverse twice is identity").tries(500)
 *     .forAll(Gen.listOf(Gen.ints(0, 9), 0, 20), xs -> assertThat(reverse(reverse(xs))).isEqualTo(xs));
 * }</pre>
 *
 * <p><b>What counts as failing.</b> A check fails when it throws an {@link AssertionError} or any {@link Exception}
 * (in practice a {@link RuntimeException}, as checks are {@link Consumer}s); other {@link Error}s such as
 * {@link OutOfMemoryError} propagate at once. While shrinking, a candidate counts as failing by the same rule, so a
 * shrunk counterexample may fail with a different exception than the original (both are reported); call
 * {@link #requireSameFailureType()} to accept only candidates failing with the original's exact class.
 *
 * <p><b>Seeds.</b> The run seed is, in order: the one given to {@link #seed(long)}; the system property
 * {@value #SEED_PROPERTY}; a random one. Try {@code i} uses {@link Rand#deriveSeed(long, int) deriveSeed(seed, i)},
 * so with {@value #TRY_PROPERTY} (or {@link #onlyTry(int)}) a single try is replayed alone. A seed set in code wins
 * over the system property so that pinned tests stay pinned when another test is being replayed.
 *
 * <p>Immutable: the configuration methods return changed copies, and runs share nothing, so one configured
 * {@code Property} can be kept in a field and run by several tests.
 */
public final class Property {

  /** System property with the run seed, for replaying a failure. */
  public static final String SEED_PROPERTY = "jdih.prop.seed";
  /** System property with the index of the only try to run; needs {@value #SEED_PROPERTY}. */
  public static final String TRY_PROPERTY = "jdih.prop.try";
  /** Tries per run unless {@link #tries(int)} says otherwise. */
  public static final int DEFAULT_TRIES = 1000;
  /** Shrink candidates considered per failure unless {@link #maxShrinkAttempts(int)} says otherwise. */
  public static final int DEFAULT_MAX_SHRINK_ATTEMPTS = 10_000;

  // Long toString()s of unshrunk counterexamples would drown the message.
  private static final int MAX_ORIGINAL_CHARS = 2_000;
  private static final int MAX_SHRUNK_CHARS = 20_000;

  private final String name;
  private final int tries;
  private final Long seed;
  private final Integer onlyTry;
  private final int maxShrinkAttempts;
  private final boolean sameFailureType;

  private Property(String name, int tries, Long seed, Integer onlyTry, int maxShrinkAttempts,
      boolean sameFailureType) {
    this.name = name;
    this.tries = tries;
    this.seed = seed;
    this.onlyTry = onlyTry;
    this.maxShrinkAttempts = maxShrinkAttempts;
    this.sameFailureType = sameFailureType;
  }

  /** A property called {@code name} (used in messages and reports) with the defaults. */
  public static Property named(String name) {
    return new Property(Objects.requireNonNull(name, "name"), DEFAULT_TRIES, null, null, DEFAULT_MAX_SHRINK_ATTEMPTS,
        false);
  }

  /** Runs {@code tries} values or sequences. */
  public Property tries(int tries) {
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be positive: " + tries);
    }
    return new Property(name, tries, seed, onlyTry, maxShrinkAttempts, sameFailureType);
  }

  /** Fixes the run seed (the system property {@value #SEED_PROPERTY} is then ignored). */
  public Property seed(long seed) {
    return new Property(name, tries, seed, onlyTry, maxShrinkAttempts, sameFailureType);
  }

  /** Runs only try {@code index} of the run (use with {@link #seed(long)} to replay one failing try). */
  public Property onlyTry(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("negative try index: " + index);
    }
    return new Property(name, tries, seed, index, maxShrinkAttempts, sameFailureType);
  }

  /** Considers at most {@code max} shrink candidates per failure (0 disables shrinking). */
  public Property maxShrinkAttempts(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("negative maximum: " + max);
    }
    return new Property(name, tries, seed, onlyTry, max, sameFailureType);
  }

  /** While shrinking, accepts only candidates that fail with exactly the original failure's class. */
  public Property requireSameFailureType() {
    return new Property(name, tries, seed, onlyTry, maxShrinkAttempts, true);
  }

  /** Checks {@code check} (which fails by throwing) on generated values; failures are not shrunk. */
  public <T> PropertyReport forAll(Gen<T> gen, Consumer<? super T> check) {
    return forAll(gen, Shrinker.none(), check);
  }

  /** Checks {@code check} (which fails by throwing) on generated values, shrinking a failure with {@code shrinker}. */
  public <T> PropertyReport forAll(Gen<T> gen, Shrinker<T> shrinker, Consumer<? super T> check) {
    Objects.requireNonNull(gen, "gen");
    Objects.requireNonNull(shrinker, "shrinker");
    Objects.requireNonNull(check, "check");
    Function<T, Throwable> run = value -> run(check, value);
    return new Runner<T>(false) {
      @Override
      T generate(Rand r) {
        return gen.generate(r);
      }

      @Override
      ShrinkSearch<T> shrink(T value, Throwable failure) {
        ShrinkSearch<T> search = new ShrinkSearch<>(value, failure, run, v -> true, sameFailureType,
            maxShrinkAttempts);
        search.shrinkValue(shrinker);
        return search;
      }
    }.run(run);
  }

  /** Like {@link #forAll(Gen, Consumer)} for a predicate: the property fails where it returns false. */
  public <T> PropertyReport forAllTrue(Gen<T> gen, Predicate<? super T> property) {
    return forAllTrue(gen, Shrinker.none(), property);
  }

  /** Like {@link #forAll(Gen, Shrinker, Consumer)} for a predicate: the property fails where it returns false. */
  public <T> PropertyReport forAllTrue(Gen<T> gen, Shrinker<T> shrinker, Predicate<? super T> property) {
    Objects.requireNonNull(property, "property");
    return forAll(gen, shrinker, value -> {
      if (!property.test(value)) {
        throw new AssertionError("the property returned false");
      }
    });
  }

  /**
   * Checks {@code check} on sequences of {@code minLength..maxLength} independent steps; failures are shrunk by
   * removing steps only.
   */
  public <C> PropertyReport forAllSequences(Gen<C> stepGen, int minLength, int maxLength,
      Consumer<? super List<C>> check) {
    return forAllSequences(StepModel.stateless(stepGen), minLength, maxLength, check);
  }

  /** Like {@link #forAllSequences(Gen, int, int, Consumer)}, also shrinking single steps with {@code shrinker}. */
  public <C> PropertyReport forAllSequences(Gen<C> stepGen, int minLength, int maxLength, Shrinker<C> shrinker,
      Consumer<? super List<C>> check) {
    return forAllSequences(StepModel.stateless(stepGen).withShrinker(shrinker), minLength, maxLength, check);
  }

  /**
   * Checks {@code check} on step sequences generated by {@code model}, each {@code minLength..maxLength} steps long
   * (shorter only if the model reaches a terminal state). The check gets an unmodifiable list and should run the
   * system under test from scratch on it.
   *
   * <p>A failing sequence is shrunk, within the attempt budget, by rounds of (a) removing chunks of steps, from half
   * the list down to single steps, then (b) replacing single steps by their candidates from the model's
   * {@link StepModel#withShrinker shrinker}, until a round changes nothing. Candidates shorter than {@code minLength}
   * or that the model rejects (precondition, terminal state) are never checked. Unless the budget runs out first, the
   * result is 1-minimal: removing any one step, or replacing it by one of its shrink candidates, no longer fails.
   */
  public <S, C> PropertyReport forAllSequences(StepModel<S, C> model, int minLength, int maxLength,
      Consumer<? super List<C>> check) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(check, "check");
    if (minLength < 0 || minLength > maxLength) {
      throw new IllegalArgumentException("bad length range [" + minLength + ", " + maxLength + "]");
    }
    Function<List<C>, Throwable> run = steps -> run(check, Collections.unmodifiableList(steps));
    return new Runner<List<C>>(true) {
      @Override
      List<C> generate(Rand r) {
        int length = r.nextInt(minLength, maxLength);
        List<C> steps = new ArrayList<>(length);
        model.generate(r, length, steps);
        totalSteps += steps.size();
        return steps;
      }

      @Override
      ShrinkSearch<List<C>> shrink(List<C> steps, Throwable failure) {
        ShrinkSearch<List<C>> search = new ShrinkSearch<>(steps, failure, run, model::isValid, sameFailureType,
            maxShrinkAttempts);
        ShrinkSearch.shrinkList(search, model.shrinker(), minLength);
        return search;
      }

      @Override
      Object exposed(List<C> steps) {
        return Collections.unmodifiableList(steps);
      }
    }.run(run);
  }

  private static <T> Throwable run(Consumer<? super T> check, T value) {
    try {
      check.accept(value);
      return null;
    } catch (AssertionError | Exception e) {
      return e;
    }
  }

  /** The try loop and the failure report, common to values and sequences. */
  private abstract class Runner<T> {
    private final boolean sequences;
    long totalSteps;

    Runner(boolean sequences) {
      this.sequences = sequences;
    }

    abstract T generate(Rand r);

    abstract ShrinkSearch<T> shrink(T value, Throwable failure);

    /** How a counterexample is handed out in the failure (sequences: unmodifiable). */
    Object exposed(T value) {
      return value;
    }

    PropertyReport run(Function<T, Throwable> check) {
      long start = System.nanoTime();
      boolean seedFromCode = seed != null;
      long runSeed = seedFromCode ? seed : seedFromSystem();
      Integer single = seedFromCode ? onlyTry : tryFromSystem(onlyTry);
      int first = single == null ? 0 : single;
      int last = single == null ? tries - 1 : single;
      int triesRun = 0;
      for (int i = first; i <= last; i++) {
        long trySeed = Rand.deriveSeed(runSeed, i);
        T value;
        try {
          value = generate(new Rand(trySeed));
        } catch (RuntimeException e) {
          throw new IllegalStateException("property '" + name + "': the generator failed on try #" + i + " ("
              + rerun(seedFromCode, runSeed, i) + ")", e);
        }
        triesRun++;
        Throwable failure = check.apply(value);
        if (failure != null) {
          // Shrinking only ever builds new candidates, so value stays as generated for the report.
          ShrinkSearch<T> search = shrink(value, failure);
          PropertyReport report = new PropertyReport(name, runSeed, sequences, triesRun, totalSteps,
              search.attempts(), search.accepted(), System.nanoTime() - start);
          throw new PropertyFailure(message(search, value, failure, report, i, trySeed, seedFromCode),
              search.failure(), exposed(search.current()), exposed(value), failure, report, i, trySeed);
        }
      }
      return new PropertyReport(name, runSeed, sequences, triesRun, totalSteps, 0, 0, System.nanoTime() - start);
    }

    private String message(ShrinkSearch<T> search, T original, Throwable originalFailure, PropertyReport report,
        int tryIndex, long trySeed, boolean seedFromCode) {
      StringBuilder sb = new StringBuilder()
          .append("Property '").append(name).append("' failed on try #").append(tryIndex)
          .append(" (").append(report.triesRun()).append(" tries run; seed ").append(report.seed())
          .append(", try seed ").append(trySeed).append(")\n")
          .append("Re-run: ").append(rerun(seedFromCode, report.seed(), tryIndex)).append('\n');
      if (sequences) {
        sb.append("Counterexample, shrunk from ").append(((List<?>) original).size()).append(" to ")
            .append(((List<?>) search.current()).size()).append(" steps");
      } else {
        sb.append("Counterexample");
      }
      sb.append(" (").append(search.accepted()).append(" shrink steps in ").append(search.attempts())
          .append(" attempts):\n  ").append(truncate(String.valueOf(search.current()), MAX_SHRUNK_CHARS)).append('\n')
          .append("Failure: ").append(search.failure()).append('\n')
          .append("Original counterexample")
          .append(sequences ? " (" + ((List<?>) original).size() + " steps)" : "").append(":\n  ")
          .append(truncate(String.valueOf(original), MAX_ORIGINAL_CHARS)).append('\n')
          .append("Original failure: ").append(originalFailure);
      return sb.toString();
    }
  }

  private String rerun(boolean seedFromCode, long runSeed, int tryIndex) {
    if (seedFromCode) {
      return "the seed " + runSeed + " is set in code; add .onlyTry(" + tryIndex + ") to replay only this try";
    }
    return "-D" + SEED_PROPERTY + "=" + runSeed + "   (only this try: -D" + SEED_PROPERTY + "=" + runSeed + " -D"
        + TRY_PROPERTY + "=" + tryIndex + ")";
  }

  private static long seedFromSystem() {
    String value = System.getProperty(SEED_PROPERTY);
    if (value == null || value.isBlank()) {
      return ThreadLocalRandom.current().nextLong();
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + SEED_PROPERTY + " is not a long: " + value, e);
    }
  }

  private static Integer tryFromSystem(Integer fallback) {
    String value = System.getProperty(TRY_PROPERTY);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String seed = System.getProperty(SEED_PROPERTY);
    if (seed == null || seed.isBlank()) {
      throw new IllegalArgumentException("-D" + TRY_PROPERTY + " needs -D" + SEED_PROPERTY);
    }
    try {
      int index = Integer.parseInt(value.trim());
      if (index < 0) {
        throw new IllegalArgumentException("-D" + TRY_PROPERTY + " is negative: " + value);
      }
      return index;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + TRY_PROPERTY + " is not an int: " + value, e);
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "... (" + (s.length() - max) + " more chars)";
  }
}
