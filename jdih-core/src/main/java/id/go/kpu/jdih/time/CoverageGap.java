package id.go.kpu.jdih.time;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Text;

/**
 * A year the holiday calendar does not cover although deadlines are, or soon will be, counted in it: found by
 * {@link WorkingCalendar#coverageGaps}. The fix is the year's SKB and Keppres as a calendar file, or a newer library.
 *
 * @param year the year without days off
 * @param current true for the current year, false for the next
 * @param message what is missing, in Indonesian and English
 */
public record CoverageGap(int year, boolean current, Text message) {

  /** Checks the message. */
  public CoverageGap {
    checkNotNull(message, "message");
  }
}
