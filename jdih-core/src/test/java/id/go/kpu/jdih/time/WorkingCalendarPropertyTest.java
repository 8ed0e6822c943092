package id.go.kpu.jdih.time;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.sop.DurationUnit;
import id.go.kpu.jdih.sop.TimeStandard;
import id.go.kpu.jdih.testkit.property.Gen;
import id.go.kpu.jdih.testkit.property.Property;
import id.go.kpu.jdih.testkit.property.PropertyReport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deadlines keep their order: over random instants of 2023-2027 in the three Indonesian zones, a later availability
 * never gets an earlier deadline, and a working-day deadline falls within office hours, never before availability.
 */
class WorkingCalendarPropertyTest {

  private static final List<ZoneId> ZONES =
      List.of(ZoneId.of("Asia/Jakarta"), ZoneId.of("Asia/Makassar"), ZoneId.of("Asia/Jayapura"));
  private static final int TRIES = 2_000;
  private static final LocalDateTime FIRST = LocalDateTime.of(2023, 1, 1, 0, 0);
  private static final LocalDateTime LAST = LocalDateTime.of(2027, 12, 31, 23, 59, 59);
  // The edges where the old count jumped: midnight, around opening, the breaks and closing (Friday's included).
  private static final List<LocalTime> EDGES = List.of(LocalTime.MIDNIGHT, LocalTime.of(0, 1), LocalTime.of(7, 29),
      LocalTime.of(7, 30), LocalTime.of(11, 30), LocalTime.of(11, 45), LocalTime.of(12, 0), LocalTime.of(12, 59),
      LocalTime.of(13, 0), LocalTime.of(15, 59), LocalTime.of(16, 0), LocalTime.of(16, 15), LocalTime.of(16, 30),
      LocalTime.of(23, 59));

  /** One pair of availabilities {@code first <= second} under one standard. */
  record Pair(ZoneId zone, TimeStandard standard, Instant first, Instant second) {
    @Override
    public String toString() {
      return standard + " in " + zone + ": " + first.atZone(zone).toLocalDateTime() + " <= "
          + second.atZone(zone).toLocalDateTime();
    }
  }

  private static Gen<Instant> instants(ZoneId zone) {
    long span = Duration.between(FIRST, LAST).getSeconds();
    Gen<Instant> anySecond = Gen.longs(0, span).map(s -> FIRST.plusSeconds(s).atZone(zone).toInstant());
    long days = FIRST.toLocalDate().until(LAST.toLocalDate(), java.time.temporal.ChronoUnit.DAYS);
    Gen<Instant> atAnEdge = r -> {
      LocalDate date = FIRST.toLocalDate().plusDays(r.nextLong(0, days));
      return ZonedDateTime.of(date, EDGES.get(r.nextIndex(EDGES.size())), zone).toInstant();
    };
    return Gen.frequency(1, anySecond, 1, atAnEdge);
  }

  private static Gen<Duration> gaps() {
    return Gen.frequency(
        1, Gen.oneOf(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1)),
        2, Gen.longs(0, 4 * 24 * 60).map(Duration::ofMinutes),
        1, Gen.longs(0, 400L * 24 * 3600).map(Duration::ofSeconds));
  }

  private static Gen<TimeStandard> standards(DurationUnit unit) {
    return switch (unit) {
      case WORKING_DAY -> Gen.ints(1, 10).map(TimeStandard::workingDays);
      case HOUR -> Gen.ints(1, 72).map(TimeStandard::hours);
      case CALENDAR_DAY -> Gen.ints(1, 30).map(TimeStandard::calendarDays);
    };
  }

  private static Gen<Pair> pairs(ZoneId zone, DurationUnit unit) {
    Gen<Instant> instants = instants(zone);
    Gen<Duration> gaps = gaps();
    Gen<TimeStandard> standards = standards(unit);
    return r -> {
      Instant first = instants.generate(r);
      return new Pair(zone, standards.generate(r), first, first.plus(gaps.generate(r)));
    };
  }

  private static boolean withinOfficeHours(WorkingCalendar calendar, Instant instant) {
    ZonedDateTime z = instant.atZone(calendar.zone());
    if (!calendar.isWorkingDay(z.toLocalDate())) {
      return false;
    }
    LocalTime t = z.toLocalTime();
    return calendar.hours().periods(z.getDayOfWeek()).stream()
        .anyMatch(p -> !t.isBefore(p.start()) && !t.isAfter(p.end()));
  }

  @Test
  void aLaterAvailabilityNeverGetsAnEarlierDeadline() {
    List<PropertyReport> reports = new ArrayList<>();
    for (ZoneId zone : ZONES) {
      WorkingCalendar calendar = WorkingCalendar.defaults(zone);
      for (DurationUnit unit : DurationUnit.values()) {
        reports.add(Property.named("deadlines keep their order, " + unit + " in " + zone).tries(TRIES)
            .forAll(pairs(zone, unit), p -> {
              Instant due1 = calendar.due(p.first(), p.standard());
              Instant due2 = calendar.due(p.second(), p.standard());
              assertThat(due1).as("%s: due %s, then %s", p, due1.atZone(zone), due2.atZone(zone))
                  .isBeforeOrEqualTo(due2);
              assertThat(due1).as("%s: due %s", p, due1.atZone(zone)).isAfterOrEqualTo(p.first());
              if (unit == DurationUnit.WORKING_DAY) {
                assertThat(withinOfficeHours(calendar, due1)).as("%s: due %s", p, due1.atZone(zone)).isTrue();
                assertThat(withinOfficeHours(calendar, due2)).as("%s: due %s", p, due2.atZone(zone)).isTrue();
                ZonedDateTime from = calendar.countsFrom(p.first());
                assertThat(from.toInstant()).isAfterOrEqualTo(p.first());
                assertThat(withinOfficeHours(calendar, from.toInstant())).as("%s: counts from %s", p, from).isTrue();
              }
            }));
      }
    }
    // Three zones, three kinds of standard, 2,000 pairs each: 18,000 pairs, 36,000 deadlines.
    assertThat(reports).hasSize(9).allSatisfy(r -> assertThat(r.triesRun()).isEqualTo(TRIES));
    assertThat(reports.stream().mapToInt(PropertyReport::triesRun).sum()).isEqualTo(18_000);
  }
}
