package id.go.kpu.jdih.time;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The office hours of each working weekday, as intervals (work periods around the breaks). The default is the
 * civil-servant week of 37.5 hours starting at 07.30 (Perpres No. 21 Tahun 2023): Monday to Thursday 07.30–12.00
 * and 13.00–16.00, Friday 07.30–11.30 and 13.00–16.30.
 *
 * <p>Immutable and thread-safe.
 */
public final class OfficeHours {

  /**
   * One work period.
   *
   * @param start when it starts
   * @param end when it ends; after {@code start}
   */
  public record Period(LocalTime start, LocalTime end) {
    /** Checks the order. */
    public Period {
      checkNotNull(start, "start");
      checkNotNull(end, "end");
      checkArgument(end.isAfter(start), "a period ends after it starts: %s-%s", start, end);
    }

    /** Its length. */
    public Duration length() {
      return Duration.between(start, end);
    }
  }

  private final ImmutableMap<DayOfWeek, ImmutableList<Period>> periods;

  private OfficeHours(Map<DayOfWeek, ImmutableList<Period>> periods) {
    this.periods = ImmutableMap.copyOf(periods);
  }

  /** The civil-servant default: 37.5 hours from Monday to Friday, starting at 07.30. */
  public static OfficeHours civilService() {
    Map<DayOfWeek, ImmutableList<Period>> m = new EnumMap<>(DayOfWeek.class);
    ImmutableList<Period> monThu = ImmutableList.of(new Period(LocalTime.of(7, 30), LocalTime.of(12, 0)),
        new Period(LocalTime.of(13, 0), LocalTime.of(16, 0)));
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
      m.put(d, monThu);
    }
    m.put(DayOfWeek.FRIDAY, ImmutableList.of(new Period(LocalTime.of(7, 30), LocalTime.of(11, 30)),
        new Period(LocalTime.of(13, 0), LocalTime.of(16, 30))));
    return new OfficeHours(m);
  }

  /**
   * Office hours from explicit periods per weekday; weekdays without periods are not working days. The periods of
   * a day must be in order and must not overlap.
   */
  public static OfficeHours of(Map<DayOfWeek, List<Period>> periods) {
    Map<DayOfWeek, ImmutableList<Period>> m = new EnumMap<>(DayOfWeek.class);
    periods.forEach((day, list) -> {
      for (int i = 1; i < list.size(); i++) {
        checkArgument(!list.get(i).start().isBefore(list.get(i - 1).end()), "periods of %s overlap", day);
      }
      if (!list.isEmpty()) {
        m.put(day, ImmutableList.copyOf(list));
      }
    });
    checkArgument(!m.isEmpty(), "at least one working weekday");
    return new OfficeHours(m);
  }

  /** True if {@code day} has office hours. */
  public boolean isWorkingWeekday(DayOfWeek day) {
    return periods.containsKey(day);
  }

  /** The day's work periods; empty for a day off. */
  public ImmutableList<Period> periods(DayOfWeek day) {
    return periods.getOrDefault(day, ImmutableList.of());
  }

  /** When the office day starts. */
  public LocalTime dayStart(DayOfWeek day) {
    return periods(day).get(0).start();
  }

  /** Total office hours per week. */
  public Duration weeklyHours() {
    return periods.values().stream().flatMap(List::stream).map(Period::length).reduce(Duration.ZERO, Duration::plus);
  }
}
