package id.go.kpu.jdih.sop;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.validation.NotBlankWhenPresent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * The Mutu Baku (quality standard) of an activity.
 *
 * @param requirements Kelengkapan: the equipment and input documents the activity needs (may be empty)
 * @param time Waktu: the time standard; empty only in a definition SOP lint warns about
 * @param output Output: the required output as the SOP writes it; empty where the SOP names none
 */
public record QualityStandard(
    @NotNull ImmutableList<@NotNull @Valid Requirement> requirements,
    @NotNull Optional<@Valid TimeStandard> time,
    @NotNull Optional<@NotBlankWhenPresent String> output) {

  /** A quality standard; {@code requirements} is copied. */
  @SuppressWarnings("NullAway") // a null list goes on to the record: validation reports it by field name
  public QualityStandard(
      Iterable<? extends Requirement> requirements, Optional<TimeStandard> time, Optional<String> output) {
    this(requirements == null ? null : ImmutableList.copyOf(requirements), time, output);
  }
}
