package id.go.kpu.jdih.sop;

import id.go.kpu.jdih.i18n.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The Waktu column of the Mutu Baku: how long an activity may take, counted from when it became available.
 *
 * @param amount a positive number of units
 * @param unit the unit; the reference SOP's "1 Hari" is one {@link DurationUnit#WORKING_DAY}
 */
public record TimeStandard(@Positive int amount, @NotNull DurationUnit unit) {

  /** {@code amount} working days. */
  public static TimeStandard workingDays(int amount) {
    return new TimeStandard(amount, DurationUnit.WORKING_DAY);
  }

  /** {@code amount} calendar days. */
  public static TimeStandard calendarDays(int amount) {
    return new TimeStandard(amount, DurationUnit.CALENDAR_DAY);
  }

  /** {@code amount} hours. */
  public static TimeStandard hours(int amount) {
    return new TimeStandard(amount, DurationUnit.HOUR);
  }

  /** The standard as the SOP writes it, e.g. {@code 1 Hari}, and in English, e.g. {@code 1 working day}. */
  public Text label() {
    return Text.of(amount + " " + unit.indonesian(), amount + " " + unit.english() + (amount == 1 ? "" : "s"));
  }
}
