package id.go.kpu.jdih.time;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.sop.TimeStandard;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deadlines with real dates on the bundled calendar. "1 Hari" is one working day. */
class WorkingCalendarTest {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  private final WorkingCalendar wib = WorkingCalendar.defaults(WIB);
  private final TimeStandard oneDay = TimeStandard.workingDays(1);

  private static Instant wib(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), WIB).toInstant();
  }

  private String dueWib(String available) {
    return wib.due(wib(available), oneDay).atZone(WIB).toLocalDateTime().toString();
  }

  @Test
  void acrossTheWeekend() {
    assertThat(dueWib("2024-03-01T15:00")).isEqualTo("2024-03-04T15:00"); // Friday -> Monday
    assertThat(dueWib("2024-03-04T10:00")).isEqualTo("2024-03-05T10:00"); // Monday -> Tuesday
  }

  @Test
  void anInstantOnANonWorkingDayCountsFromTheNextWorkingDaysStart() {
    assertThat(dueWib("2024-03-02T20:00")).isEqualTo("2024-03-05T07:30"); // Saturday -> from Monday 07.30
    assertThat(wib.countsFrom(wib("2024-03-03T23:59")).toLocalDateTime().toString()).isEqualTo("2024-03-04T07:30");
  }

  @Test
  void aMinuteLaterNeverGetsAnEarlierDeadlineAndDeadlinesFallInOfficeHours() {
    // Monday 7 April 2025 is cuti bersama Idul Fitri 1446 H (Keppres Nomor 2 Tahun 2025); Tuesday 8 April is a
    // working day. Before the fix, Monday 23.59 counted from Tuesday 07.30 (due Wednesday 07.30) while Tuesday
    // 00.00 counted from itself (due Wednesday 00.00): a later start, an earlier deadline, at midnight.
    assertThat(wib.holidays().dayOff(LocalDate.of(2025, 4, 7)).orElseThrow().kind())
        .isEqualTo(DayOffKind.CUTI_BERSAMA);
    assertThat(wib.isWorkingDay(LocalDate.of(2025, 4, 8))).isTrue();
    assertThat(dueWib("2025-04-07T23:59")).isEqualTo("2025-04-09T07:30");
    assertThat(dueWib("2025-04-08T00:00")).isEqualTo("2025-04-09T07:30");
    assertThat(wib.countsFrom(wib("2025-04-08T00:00")).toLocalDateTime().toString()).isEqualTo("2025-04-08T07:30");
    // After closing, the count starts at the next opening too; inside office hours, at the instant itself.
    assertThat(dueWib("2025-04-08T16:00")).isEqualTo("2025-04-10T07:30");
    assertThat(dueWib("2025-04-08T15:59")).isEqualTo("2025-04-09T15:59");
    // The lunch break is outside office hours: the count starts at 13.00.
    assertThat(dueWib("2025-04-08T12:30")).isEqualTo("2025-04-09T13:00");
  }

  @Test
  void aDeadlineOutsideTheLastDaysOfficeHoursMovesToItsNearestEarlierOfficeTime() {
    // Friday's hours differ (07.30-11.30, 13.00-16.30): Thursday 11.45 plus one working day would be Friday 11.45,
    // in the break, and Friday 16.15 plus one would be Monday 16.15, after closing. The same amount of office time
    // elapses by the end of the period before, so the deadline is that closing time, on the same working day.
    assertThat(dueWib("2025-04-10T11:45")).isEqualTo("2025-04-11T11:30");
    assertThat(dueWib("2025-04-11T16:15")).isEqualTo("2025-04-14T16:00");
    assertThat(wib.workingTime(wib("2025-04-11T16:15"), wib("2025-04-14T16:00")))
        .isEqualTo(wib.workingTime(wib("2025-04-11T16:15"), wib("2025-04-15T07:30")));
  }

  @Test
  void idulFitri2024WithItsCutiBersama() {
    // 8, 9, 12, 15 April cuti bersama; 10, 11 April Idul Fitri 1445 H; 13, 14 the weekend.
    assertThat(dueWib("2024-04-05T10:00")).isEqualTo("2024-04-16T10:00");
    assertThat(wib.holidays().dayOff(LocalDate.of(2024, 4, 12)).orElseThrow().kind())
        .isEqualTo(DayOffKind.CUTI_BERSAMA);
    // A three-day standard from the Friday before: 16, 17, 18 April.
    assertThat(wib.due(wib("2024-04-05T10:00"), TimeStandard.workingDays(3)).atZone(WIB).toLocalDate())
        .isEqualTo(LocalDate.of(2024, 4, 18));
  }

  @Test
  void lebaran2023AsAmendedByKeppres8() {
    // Cuti bersama 19, 20, 21, 24, 25 April 2023 and Idul Fitri on the weekend of 22-23 April.
    assertThat(dueWib("2023-04-18T09:00")).isEqualTo("2023-04-26T09:00");
  }

  @Test
  void atTheYearEnd() {
    assertThat(dueWib("2024-12-24T14:00")).isEqualTo("2024-12-27T14:00"); // 25 Natal, 26 cuti bersama
    assertThat(dueWib("2024-12-31T10:00")).isEqualTo("2025-01-02T10:00"); // 1 January
  }

  @Test
  void onElectionDays() {
    assertThat(wib.holidays().dayOff(LocalDate.of(2024, 2, 14)).orElseThrow().kind())
        .isEqualTo(DayOffKind.VOTING_DAY);
    assertThat(dueWib("2024-02-13T10:00")).isEqualTo("2024-02-15T10:00"); // Pemilu 14 February 2024
    assertThat(dueWib("2024-11-26T10:00")).isEqualTo("2024-11-28T10:00"); // Pilkada 27 November 2024
    // 8 Feb Isra Mikraj, 9 Feb cuti bersama Imlek, then the weekend.
    assertThat(dueWib("2024-02-07T10:00")).isEqualTo("2024-02-12T10:00");
  }

  @Test
  void anOfficeInWitaCountsInItsOwnZone() {
    WorkingCalendar wita = WorkingCalendar.defaults(WITA);
    // Sunday 23.30 WIB is Monday 00.30 WITA: a working day there, not in a WIB office. Before opening, though, so
    // the WITA office counts from Monday 07.30 WITA (it used to count from 00.30 and be due at 00.30 Tuesday).
    Instant instant = wib("2024-03-03T23:30");
    assertThat(wita.countsFrom(instant).toLocalDateTime().toString()).isEqualTo("2024-03-04T07:30");
    assertThat(wita.due(instant, oneDay).atZone(WITA).toLocalDateTime().toString()).isEqualTo("2024-03-05T07:30");
    // Monday 07.00 WIB is 08.00 WITA: within office hours there, so the count starts at once.
    assertThat(wita.due(wib("2024-03-04T07:00"), oneDay).atZone(WITA).toLocalDateTime().toString())
        .isEqualTo("2024-03-05T08:00");
    assertThat(wib.due(instant, oneDay).atZone(WIB).toLocalDateTime().toString()).isEqualTo("2024-03-05T07:30");
    assertThat(wita.countsFrom(wib("2024-03-02T12:00")).toLocalDateTime().toString())
        .isEqualTo("2024-03-04T07:30"); // 07.30 WITA
  }

  @Test
  void anAmendedCalendarChangesTheAnswerWithoutARebuild() {
    Instant friday = wib("2024-04-05T10:00");
    // Suppose a decree moves the 15 April cuti bersama to 17 April.
    HolidayCalendar amended = wib.holidays().amend(
        List.of(new DayOff(LocalDate.of(2024, 4, 17), DayOffKind.CUTI_BERSAMA,
            "Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah", "Keppres perubahan (contoh uji)")),
        List.of(LocalDate.of(2024, 4, 15)));
    WorkingCalendar changed = wib.withHolidays(amended);
    assertThat(changed.due(friday, oneDay).atZone(WIB).toLocalDate()).isEqualTo(LocalDate.of(2024, 4, 15));
    assertThat(changed.due(friday, TimeStandard.workingDays(2)).atZone(WIB).toLocalDate())
        .isEqualTo(LocalDate.of(2024, 4, 16));
    assertThat(changed.due(friday, TimeStandard.workingDays(3)).atZone(WIB).toLocalDate())
        .isEqualTo(LocalDate.of(2024, 4, 18));
    assertThat(wib.due(friday, oneDay).atZone(WIB).toLocalDate()).isEqualTo(LocalDate.of(2024, 4, 16));
  }

  @Test
  void calendarDaysAndHours() {
    assertThat(wib.due(wib("2024-04-05T10:00"), TimeStandard.calendarDays(1)).atZone(WIB).toLocalDateTime()
        .toString()).isEqualTo("2024-04-06T10:00");
    assertThat(wib.due(wib("2024-04-05T10:00"), TimeStandard.hours(4))).isEqualTo(wib("2024-04-05T14:00"));
  }

  @Test
  void workingTimeCountsOfficeHoursOnly() {
    assertThat(OfficeHours.civilService().weeklyHours()).isEqualTo(Duration.ofMinutes(37 * 60 + 30));
    assertThat(wib.workingTime(wib("2024-03-04T07:30"), wib("2024-03-04T16:00"))).isEqualTo(Duration.ofMinutes(450));
    assertThat(wib.workingTime(wib("2024-03-01T07:00"), wib("2024-03-04T08:30")))
        .isEqualTo(Duration.ofMinutes(450 + 60)); // Friday 7.5h, the weekend nothing, Monday 1h
    assertThat(wib.workingTime(wib("2024-04-08T00:00"), wib("2024-04-16T00:00"))).isEqualTo(Duration.ZERO);
    // Monday 11 March 2024 is Nyepi and Tuesday 12 March its cuti bersama.
    assertThat(wib.workingTime(wib("2024-03-08T07:00"), wib("2024-03-13T08:30")))
        .isEqualTo(Duration.ofMinutes(450 + 60));
    assertThat(wib.minusWorkingTime(wib("2024-03-05T08:30"), Duration.ofHours(2))).isEqualTo(wib("2024-03-04T15:00"));
    assertThat(wib.minusWorkingTime(wib("2024-03-05T13:30"), Duration.ofHours(2)))
        .isEqualTo(wib("2024-03-05T10:30")); // 13.00-13.30, then 10.30-12.00 across the lunch break
  }
}
