package id.go.kpu.jdih.time;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Collection;

/**
 * Whether the days off a deadline was counted over are known: a working-day deadline that crosses a year the
 * {@link HolidayCalendar} does not cover is counted over weekends only there, and may be too early.
 *
 * @param uncoveredYears the years the count crossed that the calendar does not cover; empty when covered
 */
public record Coverage(ImmutableSortedSet<Integer> uncoveredYears) {

  private static final Coverage COVERED_ALL = new Coverage(ImmutableSortedSet.of());

  /** Covered or not. */
  public enum Status {
    /** Every year the count crossed has its days off. */
    COVERED,
    /** At least one year the count crossed has no days off in the calendar. */
    NOT_COVERED
  }

  /** Copies the years. */
  public Coverage {
    uncoveredYears = ImmutableSortedSet.copyOf(checkNotNull(uncoveredYears, "uncoveredYears"));
  }

  /** Covered: nothing missing. */
  public static Coverage covered() {
    return COVERED_ALL;
  }

  /** Not covered in {@code years}; covered if {@code years} is empty. */
  public static Coverage missing(Collection<Integer> years) {
    return years.isEmpty() ? COVERED_ALL : new Coverage(ImmutableSortedSet.copyOf(years));
  }

  /** {@link Status#COVERED} or {@link Status#NOT_COVERED}. */
  public Status status() {
    return uncoveredYears.isEmpty() ? Status.COVERED : Status.NOT_COVERED;
  }

  /** True if covered. */
  public boolean isCovered() {
    return uncoveredYears.isEmpty();
  }
}
