package id.go.kpu.jdih.sop;

import com.google.common.collect.ImmutableList;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/** What follows an activity: one arrow, or a decision with a branch per outcome. */
public sealed interface Transition permits Transition.Sequence, Transition.Decision {

  /** Every target this transition can lead to. */
  ImmutableList<Target> targets();

  /** An arrow to {@code target}. */
  static Sequence to(Target target) {
    return new Sequence(target);
  }

  /** A decision with the given branches. */
  static Decision decision(Branch... branches) {
    return new Decision(ImmutableList.copyOf(branches));
  }

  /**
   * A single arrow.
   *
   * @param next where the flow continues
   */
  record Sequence(@NotNull @Valid Target next) implements Transition {
    @Override
    public ImmutableList<Target> targets() {
      return next == null ? ImmutableList.of() : ImmutableList.of(next);
    }
  }

  /**
   * A decision diamond: one branch per outcome. A well-formed decision has both an {@link Outcome#APPROVED} and a
   * {@link Outcome#REJECTED} branch; SOP lint reports one that lacks either.
   *
   * @param branches the exits, at most one per outcome
   */
  record Decision(@NotEmpty ImmutableList<@NotNull @Valid Branch> branches) implements Transition {

    /** A decision; the branches are copied. */
    @SuppressWarnings("NullAway") // a null list goes on to the record: validation reports it by field name
    public Decision(Iterable<Branch> branches) {
      this(branches == null ? null : ImmutableList.copyOf(branches));
    }

    /** The branch taken on {@code outcome}, if the decision has one. */
    public Optional<Branch> branch(Outcome outcome) {
      return branches.stream().filter(b -> b.outcome() == outcome).findFirst();
    }

    @Override
    public ImmutableList<Target> targets() {
      return branches == null
          ? ImmutableList.of()
          : branches.stream().map(Branch::target).collect(ImmutableList.toImmutableList());
    }
  }
}
