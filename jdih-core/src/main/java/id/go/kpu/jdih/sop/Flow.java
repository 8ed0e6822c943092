package id.go.kpu.jdih.sop;

import com.google.common.collect.ImmutableMap;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import java.util.Optional;

/**
 * The flowchart's arrows: where it starts (Mulai), what follows each activity, and who may withdraw a case.
 *
 * @param start the activity the start terminator points to
 * @param transitions what follows each activity, keyed by activity number; every activity has exactly one entry
 * @param withdrawalRole the role that may withdraw (membatalkan) a case before publication; the source SOP draws
 *     no withdrawal, so this is an addition of the software (Kasubag Hukum in the reference definition)
 */
public record Flow(
    @Positive int start,
    @NotNull ImmutableMap<@NotNull Integer, @NotNull @Valid Transition> transitions,
    @NotNull Optional<@Valid RoleId> withdrawalRole) {

  /** A flow; {@code transitions} is copied in its iteration order. */
  @SuppressWarnings("NullAway") // a null map goes on to the record: validation reports it by field name
  public Flow(int start, Map<Integer, ? extends Transition> transitions, Optional<RoleId> withdrawalRole) {
    this(start, transitions == null ? null : ImmutableMap.copyOf(transitions), withdrawalRole);
  }

  /** What follows activity {@code number}, if the flow says. */
  public Optional<Transition> after(int number) {
    return Optional.ofNullable(transitions.get(number));
  }
}
