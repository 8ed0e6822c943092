package id.go.kpu.jdih.compliance;

import static id.go.kpu.jdih.testkit.Fixtures.KASUBAG;
import static id.go.kpu.jdih.testkit.Fixtures.STAF;
import static id.go.kpu.jdih.testkit.Fixtures.TIM;
import static id.go.kpu.jdih.testkit.HistoryBuilder.approved;
import static id.go.kpu.jdih.testkit.HistoryBuilder.caption;
import static id.go.kpu.jdih.testkit.HistoryBuilder.design;
import static id.go.kpu.jdih.testkit.HistoryBuilder.meeting;
import static id.go.kpu.jdih.testkit.HistoryBuilder.proposed;
import static id.go.kpu.jdih.testkit.HistoryBuilder.published;
import static id.go.kpu.jdih.testkit.HistoryBuilder.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.testkit.HistoryBuilder;
import id.go.kpu.jdih.time.Coverage;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.HolidayCalendar;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A deadline counted across a year the holiday calendar does not cover is marked so in the compliance report
 * (issue 20, item 1): real dates over the turn of 2026/2027 on the bundled calendar, which covers 2023 to 2026.
 */
class ComplianceCoverageTest {

  private final WorkingCalendar bundled = WorkingCalendar.defaults(ZoneId.of("Asia/Jakarta"));
  private final ComplianceChecker checker = new ComplianceChecker(k -> ReferenceSop.definition(),
      new Deadlines(bundled));

  /** Proposed Wed 30 Dec 2026 09.00 WIB, one activity a working day into January 2027. */
  private ImmutableList<RecordedEvent> overNewYear() {
    return new HistoryBuilder(CaseId.of("tahun-baru"), ReferenceSop.definition().key())
        .event(1, KASUBAG, "2026-12-30T02:00:00Z", proposed())
        .event(2, KASUBAG, "2026-12-30T04:00:00Z", approved())
        .event(3, TIM, "2026-12-31T02:00:00Z", meeting())   // available Wed, due Thu: covered by 2026's data
        .event(4, STAF, "2027-01-01T03:00:00Z", summary())  // available Thu 31 Dec, due Fri 1 Jan: 2027 unknown
        .event(5, TIM, "2027-01-04T02:00:00Z", design())
        .event(6, KASUBAG, "2027-01-04T06:00:00Z", caption())
        .event(7, STAF, "2027-01-05T02:00:00Z", published("2027-01-05T02:00:00Z"))
        .build();
  }

  @Test
  void recordsSayWhichDeadlinesTheCalendarDoesNotCover() {
    assertThat(HolidayCalendar.bundled().coversYear(2026)).isTrue();
    assertThat(HolidayCalendar.bundled().coversYear(2027)).as("2027's SKB is not bundled").isFalse();
    CaseCompliance c = checker.check(overNewYear(), Instant.parse("2027-02-01T00:00:00Z"));
    assertThat(c.records()).extracting(r -> r.activity() + " " + r.coverage().status()).containsExactly(
        "1 COVERED", "2 COVERED", "3 COVERED", "4 NOT_COVERED", "5 NOT_COVERED", "6 NOT_COVERED", "7 NOT_COVERED");
    assertThat(c.records().get(3).coverage()).isEqualTo(Coverage.missing(java.util.List.of(2027)));
  }

  @Test
  void theReportCountsThemAndNamesTheYears() {
    ComplianceReport r = ComplianceReport.accumulator(Instant.parse("2026-12-01T00:00:00Z"),
        Instant.parse("2027-02-01T00:00:00Z")).add(checker.check(overNewYear(), Instant.parse("2027-02-01T00:00:00Z")))
        .build();
    assertThat(r.uncoveredYears()).containsExactly(2027);
    assertThat(r.perActivity().get(3).notCovered()).isZero();
    assertThat(r.perActivity().get(4).notCovered()).isEqualTo(1);
    assertThat(r.perRole().values().stream().mapToLong(ComplianceTotals::notCovered).sum()).isEqualTo(4);

    ComplianceReport covered = ComplianceReport.accumulator(Instant.parse("2026-12-01T00:00:00Z"),
        Instant.parse("2027-02-01T00:00:00Z")).add(new ComplianceChecker(k -> ReferenceSop.definition(),
            new Deadlines(bundled.withHolidays(HolidayCalendar.bundled().coveringYears(2023, 2027))))
            .check(overNewYear(), Instant.parse("2027-02-01T00:00:00Z"))).build();
    assertThat(covered.uncoveredYears()).as("an office that declares 2027 complete").isEmpty();
  }
}
