package id.go.kpu.jdih.export;

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

import id.go.kpu.jdih.compliance.ComplianceChecker;
import id.go.kpu.jdih.compliance.ComplianceReport;
import id.go.kpu.jdih.compliance.MonitoringForm;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.testkit.HistoryBuilder;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.HolidayCalendar;
import id.go.kpu.jdih.time.OfficeHours;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.CaseId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Monitoring forms filled from real compliance checks of crafted histories. */
final class Forms {

  private Forms() {}

  /**
   * March 2024, two cases of the reference SOP: one done in order by the right roles, one whose approval was done
   * late by Staf. Activity 2 is not working well; activities 3 to 7 were done once, on time.
   */
  static MonitoringForm march2024() {
    WorkingCalendar calendar = WorkingCalendar.of(ZoneId.of("Asia/Jakarta"), OfficeHours.civilService(),
        HolidayCalendar.none());
    ComplianceChecker checker = new ComplianceChecker(k -> ReferenceSop.definition(), new Deadlines(calendar));
    ComplianceReport.Accumulator acc = ComplianceReport.accumulator(Instant.parse("2024-03-01T00:00:00Z"),
        Instant.parse("2024-04-01T00:00:00Z"));
    acc.add(checker.check(new HistoryBuilder(CaseId.of("patuh"), ReferenceSop.definition().key())
        .event(1, KASUBAG, "2024-03-04T02:00:00Z", proposed())
        .event(2, KASUBAG, "2024-03-04T05:00:00Z", approved())
        .event(3, TIM, "2024-03-05T02:00:00Z", meeting())
        .event(4, STAF, "2024-03-05T07:00:00Z", summary())
        .event(5, TIM, "2024-03-06T03:00:00Z", design())
        .event(6, KASUBAG, "2024-03-06T08:00:00Z", caption())
        .event(7, STAF, "2024-03-07T02:00:00Z", published("2024-03-07T02:00:00Z"))
        .build(), Instant.parse("2024-03-29T00:00:00Z")));
    acc.add(checker.check(new HistoryBuilder(CaseId.of("terlambat"), ReferenceSop.definition().key())
        .event(1, KASUBAG, "2024-03-11T02:00:00Z", proposed())
        .event(2, STAF, "2024-03-13T02:00:00Z", approved())
        .build(), Instant.parse("2024-03-13T03:00:00Z")));
    return MonitoringForm.fill(ReferenceSop.definition(), acc.build(), LocalDate.of(2024, 3, 1),
        LocalDate.of(2024, 3, 31));
  }

  /** A form for the same period with no case at all: nothing can be assessed yet. */
  static MonitoringForm empty() {
    return MonitoringForm.fill(ReferenceSop.definition(), ComplianceReport.accumulator(
        Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-04-01T00:00:00Z")).build(),
        LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
  }
}
