package id.go.kpu.jdih.time;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.OutputRules;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

  private final Deadlines deadlines = new Deadlines(WorkingCalendar.defaults(ZoneId.of("Asia/Jakarta")));

  @Test
  void openActivityIsOnTimeThenDueSoonThenOverdueAndEachCrossingIsReportedOnce() {
    // Proposed and approved on Monday 4 March 2024 at 10.00 WIB: the meeting is due Tuesday 10.00 WIB.
    MutableClock clock = MutableClock.at("2024-03-04T03:00:00Z");
    Cases service = TestCases.of(SopRegistry.withReference(), ReferenceSop.definition().key(),
        new InMemoryCaseStore(), clock, OutputRules.acceptAll());
    CaseId id = CaseId.of("tenggat");
    service.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    service.handleTrusted(new CaseCommand.Approve(Fixtures.cmd(), id, Fixtures.KASUBAG, Optional.empty()));
    ContentCase c = service.get(id);

    OpenActivity at = deadlines.open(c, ReferenceSop.definition(), Instant.parse("2024-03-04T08:00:00Z")).get();
    assertThat(at.activity()).isEqualTo(3);
    assertThat(at.due()).contains(Instant.parse("2024-03-05T03:00:00Z"));
    // two working hours before Tuesday 10.00 WIB: Tuesday 08.00 WIB? No: 07.30-10.00 is 2.5h, so 08.00 WIB.
    assertThat(at.dueSoonAt()).contains(Instant.parse("2024-03-05T01:00:00Z"));
    assertThat(at.status()).isEqualTo(TimeStatus.ON_TIME);
    assertThat(deadlines.open(c, ReferenceSop.definition(), Instant.parse("2024-03-05T02:00:00Z")).get().status())
        .isEqualTo(TimeStatus.DUE_SOON);
    assertThat(deadlines.open(c, ReferenceSop.definition(), Instant.parse("2024-03-05T03:00:01Z")).get().status())
        .isEqualTo(TimeStatus.OVERDUE);

    // Ticks every 7 minutes for two days: exactly one due-soon and one overdue crossing.
    List<DeadlineEvent> seen = new ArrayList<>();
    Instant t = Instant.parse("2024-03-04T03:00:00Z");
    for (int i = 0; i < 2 * 24 * 60 / 7; i++) {
      Instant next = t.plusSeconds(7 * 60);
      seen.addAll(deadlines.crossed(c, ReferenceSop.definition(), t, next));
      t = next;
    }
    assertThat(seen).extracting(DeadlineEvent::kind)
        .containsExactly(DeadlineEvent.Kind.DUE_SOON, DeadlineEvent.Kind.OVERDUE);
    assertThat(seen.get(1).at()).isEqualTo(Instant.parse("2024-03-05T03:00:00Z"));
    assertThat(seen.get(1).key()).isEqualTo("tenggat/overdue/3/2024-03-05T03:00:00Z");
  }
}
