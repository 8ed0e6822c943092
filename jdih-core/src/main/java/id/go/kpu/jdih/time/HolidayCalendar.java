package id.go.kpu.jdih.time;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Range;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dated days off (national holidays, cuti bersama, voting days), each with its source. Data, not code: built
 * from the bundled list or from a file an adapter reads, and amendable at run time when a decree moves a date.
 *
 * <p>A calendar knows the years it covers: those it lists days off for (a year with listed days off is taken as
 * that year's complete list, as the bundled data and a calendar file are). A working-day deadline counted through a
 * year not covered counts weekends only there; {@link WorkingCalendar#coverage} and {@link Deadlines#coverage} say
 * so.
 *
 * <p>Immutable and thread-safe; {@link #amend} returns a new calendar.
 */
public final class HolidayCalendar {

  private final ImmutableSortedMap<LocalDate, ImmutableList<DayOff>> byDate;
  private final ImmutableRangeSet<Integer> coveredYears;

  private HolidayCalendar(Collection<DayOff> days, ImmutableRangeSet<Integer> alsoCovered) {
    TreeMap<LocalDate, ImmutableList.Builder<DayOff>> m = new TreeMap<>();
    for (DayOff d : days) {
      m.computeIfAbsent(checkNotNull(d, "day off").date(), k -> ImmutableList.builder()).add(d);
    }
    ImmutableSortedMap.Builder<LocalDate, ImmutableList<DayOff>> b = ImmutableSortedMap.naturalOrder();
    m.forEach((k, v) -> b.put(k, ImmutableList.sortedCopyOf(v.build())));
    this.byDate = b.build();
    this.coveredYears = alsoCovered.union(yearsOf(days));
  }

  private HolidayCalendar(ImmutableSortedMap<LocalDate, ImmutableList<DayOff>> byDate,
      ImmutableRangeSet<Integer> coveredYears) {
    this.byDate = byDate;
    this.coveredYears = coveredYears;
  }

  private static ImmutableRangeSet<Integer> yearsOf(Collection<DayOff> days) {
    ImmutableRangeSet.Builder<Integer> b = ImmutableRangeSet.builder();
    days.stream().map(d -> d.date().getYear()).distinct().forEach(y -> b.add(Range.closedOpen(y, y + 1)));
    return b.build();
  }

  /** A calendar of the given days off. */
  public static HolidayCalendar of(Collection<DayOff> days) {
    return new HolidayCalendar(days, ImmutableRangeSet.of());
  }

  /**
   * The days off bundled with the library: every national holiday, cuti bersama ASN and voting day of 2023-2026,
   * each with the decree it comes from (SKB, Keppres), as in force on {@value BundledHolidays#VERSION}.
   */
  public static HolidayCalendar bundled() {
    return of(BundledHolidays.all());
  }

  /** The date of the newest decree the {@link #bundled() bundled} days off follow, e.g. {@code 2026-11-24}. */
  public static String bundledVersion() {
    return BundledHolidays.VERSION;
  }

  /** A calendar without days off, on purpose: it covers every year. */
  public static HolidayCalendar none() {
    return new HolidayCalendar(List.of(), ImmutableRangeSet.of(Range.all()));
  }

  /**
   * This calendar amended: the days in {@code removed} are no longer off (unless also added), the days in
   * {@code added} are. The years covered stay covered, and the years of {@code added} become covered: an amendment
   * that adds a new year's days off is taken as that year's list.
   */
  public HolidayCalendar amend(Collection<DayOff> added, Collection<LocalDate> removed) {
    List<DayOff> all = new java.util.ArrayList<>();
    byDate.forEach((date, list) -> {
      if (!removed.contains(date)) {
        all.addAll(list);
      }
    });
    all.addAll(added);
    return new HolidayCalendar(all, coveredYears);
  }

  /** True if {@code date} is a day off. */
  public boolean isDayOff(LocalDate date) {
    return byDate.containsKey(date);
  }

  /** What makes {@code date} a day off, if anything. */
  public Optional<DayOff> dayOff(LocalDate date) {
    ImmutableList<DayOff> list = byDate.get(date);
    return list == null ? Optional.empty() : Optional.of(list.get(0));
  }

  /** Every day off, by date. */
  public ImmutableList<DayOff> all() {
    return byDate.values().stream().flatMap(List::stream).collect(ImmutableList.toImmutableList());
  }

  /**
   * This calendar declaring exactly {@code first} to {@code last} as the years it covers (e.g. a year without any
   * day off on a weekday, or a calendar file that only amends a year it does not complete).
   */
  public HolidayCalendar coveringYears(int first, int last) {
    checkArgument(first <= last, "first %s after last %s", first, last);
    return new HolidayCalendar(byDate, ImmutableRangeSet.of(Range.closedOpen(first, last + 1)));
  }

  /** True if {@code year}'s days off are in this calendar. */
  public boolean coversYear(int year) {
    return coveredYears.contains(year);
  }

  /** The years covered, as ranges of years (e.g. {@code [2023..2027)}); {@code (-∞..+∞)} for {@link #none()}. */
  public ImmutableRangeSet<Integer> coveredYears() {
    return coveredYears;
  }
}
