package id.go.kpu.jdih.time;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dated days off (national holidays, cuti bersama, voting days), each with its source. Data, not code: built
 * from the bundled list or from a file an adapter reads, and amendable at run time when a decree moves a date.
 *
 * <p>Immutable and thread-safe; {@link #amend} returns a new calendar.
 */
public final class HolidayCalendar {

  private final ImmutableSortedMap<LocalDate, ImmutableList<DayOff>> byDate;

  private HolidayCalendar(Collection<DayOff> days) {
    TreeMap<LocalDate, ImmutableList.Builder<DayOff>> m = new TreeMap<>();
    for (DayOff d : days) {
      m.computeIfAbsent(checkNotNull(d, "day off").date(), k -> ImmutableList.builder()).add(d);
    }
    ImmutableSortedMap.Builder<LocalDate, ImmutableList<DayOff>> b = ImmutableSortedMap.naturalOrder();
    m.forEach((k, v) -> b.put(k, ImmutableList.sortedCopyOf(v.build())));
    this.byDate = b.build();
  }

  /** A calendar of the given days off. */
  public static HolidayCalendar of(Collection<DayOff> days) {
    return new HolidayCalendar(days);
  }

  /** A calendar without days off. */
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

  public static HolidayCalendar none() {
    return new HolidayCalendar(List.of());
  }

  /**
   * This calendar amended: the days in {@code removed} are no longer off (unless also added), the days in
   * {@code added} are.
   */
  public HolidayCalendar amend(Collection<DayOff> added, Collection<LocalDate> removed) {
    List<DayOff> all = new java.util.ArrayList<>();
    byDate.forEach((date, list) -> {
      if (!removed.contains(date)) {
        all.addAll(list);
      }
    });
    all.addAll(added);
    return new HolidayCalendar(all);
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
}
