package id.go.kpu.jdih.time;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.DurationUnit;
import id.go.kpu.jdih.sop.TimeStandard;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Working time of one office: its zone (WIB {@code Asia/Jakarta}, WITA {@code Asia/Makassar} or WIT
 * {@code Asia/Jayapura}), its office hours and its days off.
 *
 * <p>Rules: a working day is a weekday with office hours that is not a day off. A time standard in working days
 * counts from the instant itself when it lies within office hours, and otherwise from the next opening: before
 * opening, in a break, after closing and on a non-working day alike (07.30 by default). "N working days" from there
 * end on the N-th next working day at the same local time, or, when that day's office hours do not include that
 * time (a shorter Friday), at the nearest earlier office time of that day (the end of the period before; the
 * day's opening if the time is before it). So working-day deadlines always fall within office hours (a closing
 * time included), and a later availability never gets an earlier deadline. Working hours between two instants are
 * the office hours they overlap.
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkingCalendar {

  private static final int MAX_SCAN_DAYS = 3660; // ten years without a working day means a broken calendar

  private final ZoneId zone;
  private final OfficeHours hours;
  private final HolidayCalendar holidays;

  private WorkingCalendar(ZoneId zone, OfficeHours hours, HolidayCalendar holidays) {
    this.zone = checkNotNull(zone, "zone");
    this.hours = checkNotNull(hours, "hours");
    this.holidays = checkNotNull(holidays, "holidays");
  }

  /** A calendar. */
  public static WorkingCalendar of(ZoneId zone, OfficeHours hours, HolidayCalendar holidays) {
    return new WorkingCalendar(zone, hours, holidays);
  }

  /**
   * The default calendar of an office in {@code zone}: civil-service office hours and the bundled days off of
   * 2023–2026 ({@link HolidayCalendar#bundled()}).
   */
  public static WorkingCalendar defaults(ZoneId zone) {
    return new WorkingCalendar(zone, OfficeHours.civilService(), HolidayCalendar.bundled());
  }

  /** This calendar with other days off (e.g. amended from a file). */
  public WorkingCalendar withHolidays(HolidayCalendar other) {
    return new WorkingCalendar(zone, hours, other);
  }

  /** This calendar in another zone. */
  public WorkingCalendar withZone(ZoneId other) {
    return new WorkingCalendar(other, hours, holidays);
  }

  /** The zone. */
  public ZoneId zone() {
    return zone;
  }

  /** The office hours. */
  public OfficeHours hours() {
    return hours;
  }

  /** The days off. */
  public HolidayCalendar holidays() {
    return holidays;
  }

  /** True if {@code date} is a working day. */
  public boolean isWorkingDay(LocalDate date) {
    return hours.isWorkingWeekday(date.getDayOfWeek()) && !holidays.isDayOff(date);
  }

  /** The first working day after {@code date}. */
  public LocalDate nextWorkingDay(LocalDate date) {
    LocalDate d = date.plusDays(1);
    for (int i = 0; i < MAX_SCAN_DAYS; i++, d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        return d;
      }
    }
    throw new IllegalStateException("no working day within ten years after " + date);
  }

  /**
   * The instant a working-day time standard counts from: {@code instant} itself if it lies within office hours
   * (a period's start included, its end excluded), otherwise the next opening (the next period of the same working
   * day, or the next working day's start).
   */
  public ZonedDateTime countsFrom(Instant instant) {
    ZonedDateTime z = instant.atZone(zone);
    LocalDate date = z.toLocalDate();
    if (isWorkingDay(date)) {
      LocalTime time = z.toLocalTime();
      for (OfficeHours.Period p : hours.periods(date.getDayOfWeek())) {
        if (time.isBefore(p.start())) {
          return ZonedDateTime.of(date, p.start(), zone);
        }
        if (time.isBefore(p.end())) {
          return z;
        }
      }
    }
    LocalDate next = nextWorkingDay(date);
    return ZonedDateTime.of(next, hours.dayStart(next.getDayOfWeek()), zone);
  }

  /** {@code days} working days after {@code from} (see the class rules); always within office hours. */
  public Instant plusWorkingDays(Instant from, int days) {
    checkArgument(days >= 0, "days must be >= 0");
    ZonedDateTime start = countsFrom(from);
    LocalDate d = start.toLocalDate();
    for (int i = 0; i < days; i++) {
      d = nextWorkingDay(d);
    }
    return ZonedDateTime.of(d, officeTimeAtOrBefore(d, start.toLocalTime()), zone).toInstant();
  }

  // The latest office time of working day d at or before time (a period's end included), or d's opening if time is
  // before it. Non-decreasing in time and within [opening, closing] of d, so deadlines stay in order.
  private LocalTime officeTimeAtOrBefore(LocalDate d, LocalTime time) {
    List<OfficeHours.Period> periods = hours.periods(d.getDayOfWeek());
    LocalTime result = periods.get(0).start();
    for (OfficeHours.Period p : periods) {
      if (time.isBefore(p.start())) {
        return result;
      }
      if (!time.isAfter(p.end())) {
        return time;
      }
      result = p.end();
    }
    return result;
  }

  /** When an activity that became available at {@code available} is due under {@code standard}. */
  public Instant due(Instant available, TimeStandard standard) {
    return switch (standard.unit()) {
      case WORKING_DAY -> plusWorkingDays(available, standard.amount());
      case CALENDAR_DAY -> available.atZone(zone).plusDays(standard.amount()).toInstant();
      case HOUR -> available.plus(Duration.ofHours(standard.amount()));
    };
  }

  /** True if the days off of {@code year} are known (see {@link HolidayCalendar#coversYear}). */
  public boolean coversYear(int year) {
    return holidays.coversYear(year);
  }

  /**
   * Whether the days off are known over the count of a deadline: for a working-day standard, every year from
   * {@code available} to its deadline; a standard in hours or calendar days does not depend on days off.
   */
  public Coverage coverage(Instant available, TimeStandard standard) {
    if (standard.unit() != DurationUnit.WORKING_DAY) {
      return Coverage.covered();
    }
    int first = available.atZone(zone).getYear();
    int last = due(available, standard).atZone(zone).getYear();
    List<Integer> missing = new ArrayList<>();
    for (int y = first; y <= last; y++) {
      if (!coversYear(y)) {
        missing.add(y);
      }
    }
    return Coverage.missing(missing);
  }

  /**
   * A lint for an office's calendar: the current year of {@code today}, and the next, when their days off are not
   * known. Deadlines counted through them count weekends only.
   */
  public ImmutableList<CoverageGap> coverageGaps(LocalDate today) {
    ImmutableList.Builder<CoverageGap> out = ImmutableList.builder();
    for (int y = today.getYear(); y <= today.getYear() + 1; y++) {
      if (!coversYear(y)) {
        boolean current = y == today.getYear();
        out.add(new CoverageGap(y, current, Text.of(
            "kalender hari libur tidak memuat tahun %s (" + (current ? "tahun ini" : "tahun depan")
                + "): tenggat hari kerja di tahun itu hanya melewati akhir pekan; tambahkan SKB dan Keppres cuti "
                + "bersama tahun itu sebagai berkas kalender",
            "the holiday calendar does not cover %s (" + (current ? "this year" : "next year")
                + "): working-day deadlines in that year skip weekends only; add that year's SKB and cuti bersama "
                + "Keppres as a calendar file").format(y)));
      }
    }
    return out.build();
  }

  /** The office hours between {@code from} and {@code to}; zero if {@code to} is not after {@code from}. */
  public Duration workingTime(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    LocalDateTime a = LocalDateTime.ofInstant(from, zone);
    LocalDateTime b = LocalDateTime.ofInstant(to, zone);
    for (LocalDate d = a.toLocalDate(); !d.isAfter(b.toLocalDate()); d = d.plusDays(1)) {
      if (!isWorkingDay(d)) {
        continue;
      }
      for (OfficeHours.Period p : hours.periods(d.getDayOfWeek())) {
        LocalDateTime ps = d.atTime(p.start());
        LocalDateTime pe = d.atTime(p.end());
        LocalDateTime s = ps.isAfter(a) ? ps : a;
        LocalDateTime e = pe.isBefore(b) ? pe : b;
        if (e.isAfter(s)) {
          total = total.plus(Duration.between(s, e));
        }
      }
    }
    return total;
  }

  /**
   * The latest instant at or before {@code end} that lies {@code amount} of office hours before it: e.g. two
   * working hours before a deadline of Tuesday 08.30 is Monday 15.30.
   */
  public Instant minusWorkingTime(Instant end, Duration amount) {
    checkArgument(!amount.isNegative(), "amount must not be negative");
    Duration left = amount;
    LocalDateTime cursor = LocalDateTime.ofInstant(end, zone);
    LocalDate d = cursor.toLocalDate();
    for (int i = 0; i < MAX_SCAN_DAYS; i++, d = d.minusDays(1)) {
      if (!isWorkingDay(d)) {
        continue;
      }
      List<OfficeHours.Period> periods = hours.periods(d.getDayOfWeek());
      for (int p = periods.size() - 1; p >= 0; p--) {
        LocalDateTime ps = d.atTime(periods.get(p).start());
        LocalDateTime pe = d.atTime(periods.get(p).end());
        LocalDateTime top = pe.isBefore(cursor) ? pe : cursor;
        if (!top.isAfter(ps)) {
          continue;
        }
        Duration available = Duration.between(ps, top);
        if (available.compareTo(left) >= 0) {
          return top.minus(left).atZone(zone).toInstant();
        }
        left = left.minus(available);
      }
    }
    throw new IllegalStateException("no working time within ten years before " + end);
  }
}
