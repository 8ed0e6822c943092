package id.go.kpu.jdih.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.sop.TimeStandard;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.OutputRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The years the days off are known for, and deadlines counted through a year that is not. */
class CoverageTest {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private final WorkingCalendar wib = WorkingCalendar.defaults(WIB);

  private static Instant wib(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), WIB).toInstant();
  }

  @Test
  void theBundledDataCoversTheYearsItLists() {
    assertThat(BundledHolidays.year(2022)).isEmpty();
    assertThat(BundledHolidays.year(2027)).isEmpty();
    for (int y = 2023; y <= 2026; y++) {
      assertThat(BundledHolidays.year(y)).as("%s", y).isNotEmpty();
      assertThat(wib.coversYear(y)).as("%s", y).isTrue();
    }
    assertThat(wib.coversYear(2022)).isFalse();
    assertThat(wib.coversYear(2027)).isFalse();
    assertThat(HolidayCalendar.bundled().coveredYears().span()).hasToString("[2023..2027)");
    assertThat(HolidayCalendar.none().coversYear(2099)).isTrue();
  }

  @Test
  void aDeadlineCountedIntoAYearWithoutDataIsNotCovered() {
    // Wednesday 30 December 2026; Thursday 31 December is a working day, and Friday 1 January 2027 (Tahun Baru, but
    // 2027 is not bundled) counts as one: two working days land on a holiday, and the coverage says why.
    Instant available = wib("2026-12-30T10:00");
    assertThat(wib.due(available, TimeStandard.workingDays(2))).isEqualTo(wib("2027-01-01T10:00"));
    Coverage c = wib.coverage(available, TimeStandard.workingDays(2));
    assertThat(c.status()).isEqualTo(Coverage.Status.NOT_COVERED);
    assertThat(c.uncoveredYears()).containsExactly(2027);
    // One working day stays in 2026: covered. Hours and calendar days do not depend on days off.
    assertThat(wib.coverage(available, TimeStandard.workingDays(1)).status()).isEqualTo(Coverage.Status.COVERED);
    assertThat(wib.coverage(available, TimeStandard.calendarDays(5)).isCovered()).isTrue();
    assertThat(wib.coverage(available, TimeStandard.hours(48)).isCovered()).isTrue();
  }

  @Test
  void deadlinesAndTheOpenActivityCarryTheCoverage() {
    Activity meeting = ReferenceSop.definition().activity(3).orElseThrow(); // "1 Hari"
    Deadlines deadlines = new Deadlines(wib);
    // Available Thursday 31 December 2026 10.00 WIB: due Friday 1 January 2027, unchanged, but not covered.
    assertThat(deadlines.due(meeting, wib("2026-12-31T10:00"))).contains(wib("2027-01-01T10:00"));
    assertThat(deadlines.coverage(meeting, wib("2026-12-31T10:00")).uncoveredYears()).containsExactly(2027);
    assertThat(deadlines.coverage(meeting, wib("2026-12-30T10:00")).isCovered()).isTrue();

    MutableClock clock = MutableClock.at("2026-12-30T03:00:00Z"); // Wednesday 30 December 2026, 10.00 WIB
    Cases service = TestCases.of(SopRegistry.withReference(), ReferenceSop.definition().key(),
        new InMemoryCaseStore(), clock, OutputRules.acceptAll());
    CaseId id = CaseId.of("akhir-tahun");
    service.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    clock.set(Instant.parse("2026-12-31T03:00:00Z")); // approved Thursday 31 December, 10.00 WIB
    service.handleTrusted(new CaseCommand.Approve(Fixtures.cmd(), id, Fixtures.KASUBAG, Optional.empty()));
    ContentCase c = service.get(id);
    OpenActivity open = deadlines.open(c, ReferenceSop.definition(), Instant.parse("2026-12-31T04:00:00Z")).get();
    assertThat(open.activity()).isEqualTo(3);
    assertThat(open.due()).contains(wib("2027-01-01T10:00"));
    assertThat(open.coverage().status()).isEqualTo(Coverage.Status.NOT_COVERED);
    assertThat(open.coverage().uncoveredYears()).containsExactly(2027);
  }

  @Test
  void coverageGapsListTheCurrentOrNextYearWithoutData() {
    assertThat(wib.coverageGaps(LocalDate.of(2025, 6, 1))).isEmpty();
    List<CoverageGap> gaps = wib.coverageGaps(LocalDate.of(2026, 12, 30));
    assertThat(gaps).extracting(CoverageGap::year, CoverageGap::current).containsExactly(
        tuple(2027, false));
    assertThat(gaps.get(0).message().en()).contains("does not cover 2027 (next year)");
    assertThat(wib.coverageGaps(LocalDate.of(2027, 1, 4))).extracting(CoverageGap::year).containsExactly(2027, 2028);
  }

  @Test
  void anOfficeThatAddsANewYearsDaysOffCoversIt() {
    HolidayCalendar with2027 = HolidayCalendar.bundled().amend(List.of(new DayOff(LocalDate.of(2027, 1, 1),
        DayOffKind.NATIONAL_HOLIDAY, "Tahun Baru 2027 Masehi", "SKB (contoh uji)")), List.of());
    WorkingCalendar office = wib.withHolidays(with2027);
    assertThat(office.coversYear(2027)).isTrue();
    assertThat(office.due(wib("2026-12-30T10:00"), TimeStandard.workingDays(2))).isEqualTo(wib("2027-01-04T10:00"));
    assertThat(office.coverage(wib("2026-12-30T10:00"), TimeStandard.workingDays(2)).isCovered()).isTrue();
    // Removing days keeps a year covered; an explicit range replaces what is covered.
    assertThat(wib.withHolidays(wib.holidays().amend(List.of(), List.of(LocalDate.of(2026, 12, 25))))
        .coversYear(2026)).isTrue();
    assertThat(HolidayCalendar.bundled().coveringYears(2025, 2026).coversYear(2024)).isFalse();
  }
}
