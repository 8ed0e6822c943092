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
import static id.go.kpu.jdih.testkit.HistoryBuilder.rejected;
import static id.go.kpu.jdih.testkit.HistoryBuilder.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.HolidayCalendar;
import id.go.kpu.jdih.time.OfficeHours;
import id.go.kpu.jdih.time.TimeStatus;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compliance of crafted histories is reported exactly. Times are UTC; the office is WIB (UTC+7). */
class ComplianceCheckerTest {

  // Plain weekdays, no holidays, so the arithmetic below can be read off directly.
  private final WorkingCalendar calendar = WorkingCalendar.of(ZoneId.of("Asia/Jakarta"), OfficeHours.civilService(),
      HolidayCalendar.none());
  private final ComplianceChecker checker = new ComplianceChecker(k -> ReferenceSop.definition(),
      new Deadlines(calendar));
  private final CaseId id = CaseId.of("patuh");
  private final Instant asOf = Instant.parse("2024-03-29T00:00:00Z");

  private id.go.kpu.jdih.testkit.HistoryBuilder history() {
    return new id.go.kpu.jdih.testkit.HistoryBuilder(id, ReferenceSop.definition().key());
  }

  /** Monday 4 March 2024 09.00 WIB onwards, one activity every working day at 10.00 WIB: all on time. */
  private ImmutableList<RecordedEvent> compliant() {
    return history()
        .event(1, KASUBAG, "2024-03-04T02:00:00Z", proposed())
        .event(2, KASUBAG, "2024-03-05T03:00:00Z", approved())   // due Tue 09.00 WIB? no: available Mon 09.00
        .event(3, TIM, "2024-03-05T08:00:00Z", meeting())
        .event(4, STAF, "2024-03-06T03:00:00Z", summary())
        .event(5, TIM, "2024-03-06T07:00:00Z", design())
        .event(6, KASUBAG, "2024-03-07T02:00:00Z", caption())
        .event(7, STAF, "2024-03-07T04:00:00Z", published("2024-03-07T04:00:00Z"))
        .build();
  }

  @Test
  void compliantHistoryHasNoFinding() {
    ImmutableList<RecordedEvent> h = history()
        .event(1, KASUBAG, "2024-03-04T02:00:00Z", proposed())
        .event(2, KASUBAG, "2024-03-04T05:00:00Z", approved())
        .event(3, TIM, "2024-03-05T02:00:00Z", meeting())
        .event(4, STAF, "2024-03-05T07:00:00Z", summary())
        .event(5, TIM, "2024-03-06T03:00:00Z", design())
        .event(6, KASUBAG, "2024-03-06T08:00:00Z", caption())
        .event(7, STAF, "2024-03-07T02:00:00Z", published("2024-03-07T02:00:00Z"))
        .build();
    CaseCompliance c = checker.check(h, asOf);
    assertThat(c.findings()).isEmpty();
    assertThat(c.status()).isEqualTo(CaseStatus.PUBLISHED);
    assertThat(c.records()).hasSize(7).allMatch(ActivityRecord::compliant);
    // Activity 2: available Mon 09.00 WIB (02.00Z), done Mon 12.00 WIB: 3 clock hours, 3 office hours.
    assertThat(c.records().get(1).workingTime()).isEqualTo(Duration.ofHours(3));
    // Activity 3: available Mon 12.00 WIB, done Tue 09.00 WIB: Mon 13-16 (3h) + Tue 07.30-09.00 (1.5h).
    assertThat(c.records().get(2).workingTime()).isEqualTo(Duration.ofMinutes(270));
    // Mon 12.00 WIB is the lunch break, outside office hours: the day counts from 13.00, so due Tue 13.00 WIB.
    assertThat(c.records().get(2).due()).contains(Instant.parse("2024-03-05T06:00:00Z"));
    new SopAssertions(checker).assertComplies(h, asOf);
  }

  @Test
  void lateActivityIsReportedWithItsDeadline() {
    // Activity 3 became available Tue 10.00 WIB, due Wed 10.00 WIB, done Wed 14.00 WIB.
    ImmutableList<RecordedEvent> h = history()
        .event(1, KASUBAG, "2024-03-04T02:00:00Z", proposed())
        .event(2, KASUBAG, "2024-03-05T03:00:00Z", approved())
        .event(3, TIM, "2024-03-06T07:00:00Z", meeting())
        .build();
    CaseCompliance c = checker.check(h, Instant.parse("2024-03-06T08:00:00Z"));
    // Activity 2: available Mon 09.00 WIB, due Tue 09.00 WIB, done Tue 10.00 WIB: late as well.
    assertThat(c.findings()).extracting(f -> f.rule() + "@" + f.activity().getAsInt())
        .containsExactly("LATE@2", "LATE@3");
    assertThat(c.findings().get(1).message().en())
        .isEqualTo("activity 3 was done at 2024-03-06T07:00:00Z, after its deadline 2024-03-06T03:00:00Z "
            + "(1 working day)");
    assertThat(c.findings().get(1).message().id())
        .isEqualTo("kegiatan 3 selesai 2024-03-06T07:00:00Z, melewati batas 2024-03-06T03:00:00Z (1 Hari)");
    assertThat(c.open().orElseThrow().activity()).isEqualTo(4);
    assertThat(c.open().orElseThrow().status()).isEqualTo(TimeStatus.ON_TIME);
    assertThatThrownBy(() -> new SopAssertions(checker).assertKeptTimeStandards(h, asOf))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Case patuh")
        .hasMessageContaining("activity 3, event 3: LATE [JDIH-COMP-005]")
        .hasMessageContaining("activity 4, event 0: OPEN_OVERDUE [JDIH-COMP-007]");
  }

  @Test
  void wrongRoleMissingOutputAndOutOfOrderAreReported() {
    ImmutableList<RecordedEvent> h = history()
        .event(1, KASUBAG, "2024-03-04T02:00:00Z", proposed())
        .event(2, STAF, "2024-03-04T03:00:00Z", approved())                      // wrong role
        .event(3, TIM, "2024-03-04T04:00:00Z", new CaseEvent.Summarized("x"))    // wrong output for a meeting
        .event(5, TIM, "2024-03-04T06:00:00Z", design())                         // skipped activity 4
        .build();
    CaseCompliance c = checker.check(h, Instant.parse("2024-03-04T07:00:00Z"));
    assertThat(c.findings()).extracting(f -> f.rule() + "@" + f.activity().getAsInt() + "#" + f.sequence())
        .containsExactly("WRONG_ROLE@2#2", "MISSING_OUTPUT@3#3", "OUT_OF_ORDER@5#4");
    assertThat(c.findings().get(0).message().id()).isEqualTo(
        "kegiatan 2 dikerjakan oleh Sari Staf (NIP 19900303 201503 1 003) yang tidak memegang peran Kasubag Hukum");
    assertThat(c.findings().get(1).message().en())
        .isEqualTo("activity 3 did not produce its required output (Kesimpulan Rapat)");
    assertThat(c.records()).extracting(ActivityRecord::byExecutor).containsExactly(true, false, true, true);
    assertThatThrownBy(() -> new SopAssertions(checker).assertComplies(h, Instant.parse("2024-03-04T07:00:00Z")))
        .hasMessageContaining("broke 3 rule(s)")
        .hasMessageContaining("activity 2, event 2: WRONG_ROLE [JDIH-COMP-001]");
  }

  @Test
  void missingInputAndRevisionLoopsAreCounted() {
    ImmutableList<RecordedEvent> h = history()
        .event(1, KASUBAG, "2024-03-04T02:00:00Z", proposed())
        .event(2, KASUBAG, "2024-03-04T03:00:00Z", rejected())
        .event(1, KASUBAG, "2024-03-04T04:00:00Z", proposed())
        .event(2, KASUBAG, "2024-03-04T05:00:00Z", rejected())
        .event(1, KASUBAG, "2024-03-04T06:00:00Z", proposed())
        .event(2, KASUBAG, "2024-03-04T07:00:00Z", approved())
        .event(4, STAF, "2024-03-04T08:00:00Z", summary())   // no meeting, so no minutes
        .build();
    CaseCompliance c = checker.check(h, Instant.parse("2024-03-04T08:30:00Z"));
    assertThat(c.revisions()).isEqualTo(2);
    assertThat(c.records()).extracting(ActivityRecord::activity).containsExactly(1, 2, 1, 2, 1, 2, 4);
    assertThat(c.findings()).extracting(f -> f.rule() + "@" + f.activity().getAsInt())
        .containsExactly("OUT_OF_ORDER@4", "MISSING_INPUT@4");
    assertThat(c.findings().get(1).message().en()).isEqualTo("activity 4 was done without 'Notulen Rapat'");
  }

  @Test
  void tamperedHistoryIsReported() {
    ImmutableList<RecordedEvent> h = compliant();
    RecordedEvent e = h.get(3);
    List<RecordedEvent> tampered = new java.util.ArrayList<>(h);
    tampered.set(3, new RecordedEvent(e.caseId(), e.sequence(), e.sop(), e.commandId(),
        e.principal(), e.actor(), e.at(),
        e.activity(), new CaseEvent.Summarized("diubah"), e.previousHash(), e.hash(), e.hashFormat()));
    assertThat(checker.check(tampered, asOf).findings(Finding.Rule.BROKEN_CHAIN)).hasSize(1);
  }

  @Test
  void reportTotalsPerActivityAndRole() {
    ComplianceReport.Accumulator acc = ComplianceReport.accumulator(Instant.parse("2024-03-01T00:00:00Z"),
        Instant.parse("2024-04-01T00:00:00Z"));
    acc.add(checker.check(compliant(), asOf));
    acc.add(checker.check(history()
        .event(1, KASUBAG, "2024-03-04T02:00:00Z", proposed())
        .event(2, STAF, "2024-03-06T02:00:00Z", approved())  // wrong role and late (due Tue 09.00 WIB)
        .build(), Instant.parse("2024-03-06T03:00:00Z")));
    ComplianceReport r = acc.build();
    assertThat(r.cases()).isEqualTo(2);
    assertThat(r.compliantCases()).isZero(); // the first case's activity 2 is late too (see compliant())
    ComplianceTotals two = r.perActivity().get(2);
    assertThat(two.done()).isEqualTo(2);
    assertThat(two.byExecutor()).isEqualTo(1);
    assertThat(two.onTime()).isZero();
    // durations: Mon 09.00 -> Tue 10.00 WIB is 6h (Mon) + 2.5h (Tue) = 8.5h of office time;
    // Mon 09.00 -> Wed 09.00 WIB is 6h + 7.5h + 1.5h = 15h. Nearest-rank median of two: the first.
    assertThat(two.medianWorking()).isEqualTo(Duration.ofMinutes(8 * 60 + 30));
    assertThat(two.p90Working()).isEqualTo(Duration.ofHours(15));
    assertThat(r.perRole().get(ReferenceSop.STAF).done()).isEqualTo(2);
    assertThat(r.findings().get(Finding.Rule.WRONG_ROLE)).isEqualTo(1);
    MonitoringForm form = MonitoringForm.fill(ReferenceSop.definition(), r, java.time.LocalDate.of(2024, 3, 1),
        java.time.LocalDate.of(2024, 3, 31));
    assertThat(form.rows()).hasSize(7);
    assertThat(form.rows().get(0).assessment()).isEqualTo(MonitoringForm.Assessment.BERJALAN_DENGAN_BAIK);
    assertThat(form.rows().get(1).assessment()).isEqualTo(MonitoringForm.Assessment.TIDAK_BERJALAN_DENGAN_BAIK);
    assertThat(form.rows().get(1).notes().id()).startsWith("0 dari 2 dikerjakan tepat waktu (0%)")
        .contains("1 dikerjakan bukan oleh pelaksananya.");
    assertThat(form.rows().get(1).actions()).hasSize(2);
    assertThat(form.rows().get(6).assessment()).isEqualTo(MonitoringForm.Assessment.BERJALAN_DENGAN_BAIK);
    assertThat(form.casesAssessed()).isEqualTo(2);
  }
}
