package id.go.kpu.jdih.testkit.property;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How to generate sequences of steps (commands) for {@link Property#forAllSequences(StepModel, int, int,
 * java.util.function.Consumer)}, where the next step may depend on what happened so far.
 *
 * <p>The model state {@code S} is a simple description of the system under test (a size, a status, a set of ids)
 * used for generation and validity only; the check itself runs the real system from scratch for each sequence. For
 * each step the model is asked for a generator given the current state, a step is drawn, and the state is advanced
 * with the {@code next} function. While shrinking, a candidate sequence is replayed through the model and dropped
 * without running the check if some step fails the {@link #withPrecondition precondition} or follows a terminal
 * state, so removing a "create" never leaves a dangling "delete" that the generator would not have produced.
 *
 * <p>Immutable; the {@code with...} methods return changed copies.
 *
 * @param <S> the model state; may be mutable if {@code initialState} returns a fresh one each call
 * @param <C> the step (command) type
 */
public final class StepModel<S, C> {

  /** How many times a drawn step that fails the precondition is redrawn before generation gives up. */
  static final int MAX_STEP_DRAWS = 100;

  private final Supplier<? extends S> initialState;
  private final Function<? super S, ? extends Gen<? extends C>> stepGen;
  private final BiFunction<? super S, ? super C, ? extends S> next;
  private final BiPredicate<? super S, ? super C> precondition;
  private final Shrinker<C> shrinker;

  private StepModel(Supplier<? extends S> initialState, Function<? super S, ? extends Gen<? extends C>> stepGen,
      BiFunction<? super S, ? super C, ? extends S> next, BiPredicate<? super S, ? super C> precondition,
      Shrinker<C> shrinker) {
    this.initialState = Objects.requireNonNull(initialState, "initialState");
    this.stepGen = Objects.requireNonNull(stepGen, "stepGen");
    this.next = Objects.requireNonNull(next, "next");
    this.precondition = Objects.requireNonNull(precondition, "precondition");
    this.shrinker = Objects.requireNonNull(shrinker, "shrinker");
  }

  /**
   * A state-dependent model.
   *
   * @param initialState the state before the first step; called once per generated or replayed sequence
   * @param stepGen the generator of the next step in a state; may return {@code null} when no step is possible
   *     (a terminal state), which ends the sequence early, even below the minimum length
   * @param next the state after a step; may mutate and return its argument
   */
  public static <S, C> StepModel<S, C> of(Supplier<? extends S> initialState,
      Function<? super S, ? extends Gen<? extends C>> stepGen, BiFunction<? super S, ? super C, ? extends S> next) {
    return new StepModel<>(initialState, stepGen, next, (s, c) -> true, Shrinker.none());
  }

  /** A model without state: every step is drawn from {@code stepGen} and every sequence is valid. */
  public static <C> StepModel<Void, C> stateless(Gen<? extends C> stepGen) {
    Objects.requireNonNull(stepGen, "stepGen");
    return new StepModel<Void, C>(() -> null, s -> stepGen, (s, c) -> null, (s, c) -> true, Shrinker.none());
  }

  /**
   * Which steps are valid in which state. Generated steps that fail it are redrawn (up to {@value #MAX_STEP_DRAWS}
   * times, then generation fails); shrunk sequences with a step that fails it are skipped.
   */
  public StepModel<S, C> withPrecondition(BiPredicate<? super S, ? super C> precondition) {
    return new StepModel<>(initialState, stepGen, next, precondition, shrinker);
  }

  /** How to shrink a single step once removing steps no longer helps (by default steps are not shrunk). */
  public StepModel<S, C> withShrinker(Shrinker<C> shrinker) {
    return new StepModel<>(initialState, stepGen, next, precondition, shrinker);
  }

  Shrinker<C> shrinker() {
    return shrinker;
  }

  /** Appends up to {@code length} steps to {@code out}, fewer if a terminal state is reached. */
  void generate(Rand r, int length, List<C> out) {
    S state = initialState.get();
    for (int i = 0; i < length; i++) {
      Gen<? extends C> gen = stepGen.apply(state);
      if (gen == null) {
        return;
      }
      C step = draw(gen, state, r);
      out.add(step);
      state = next.apply(state, step);
    }
  }

  private C draw(Gen<? extends C> gen, S state, Rand r) {
    for (int i = 0; i < MAX_STEP_DRAWS; i++) {
      C step = gen.generate(r);
      if (precondition.test(state, step)) {
        return step;
      }
    }
    throw new IllegalStateException("the step generator for state " + state + " drew " + MAX_STEP_DRAWS
        + " steps in a row that fail the precondition");
  }

  /**
   * Whether the model could have generated {@code steps}: every step satisfies the precondition in the state the steps
   * before it lead to, and none follows a terminal state.
   */
  boolean isValid(List<? extends C> steps) {
    S state = initialState.get();
    for (C step : steps) {
      if (stepGen.apply(state) == null || !precondition.test(state, step)) {
        return false;
      }
      state = next.apply(state, step);
    }
    return true;
  }
}
