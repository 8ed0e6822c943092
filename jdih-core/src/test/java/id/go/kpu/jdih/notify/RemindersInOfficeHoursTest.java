package id.go.kpu.jdih.notify;

import static id.go.kpu.jdih.testkit.NotifyFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.NotifyFixtures;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.OutputRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Due-soon and overdue reminders wait for the office's hours (issue 20, item 3): found at night, over a weekend or
 * a holiday, they are recorded at once and sent at the next opening; a retry that falls after hours waits too; and
 * the policy can turn it off. Real dates of the reference office (WIB).
 */
class RemindersInOfficeHoursTest {

  private final MutableClock clock = MutableClock.at("2024-03-04T01:00:00Z"); // Monday 4 March 2024, 08.00 WIB
  private final CaseStore store = new InMemoryCaseStore();
  private final InMemoryNotificationLedger ledger = new InMemoryNotificationLedger();
  private final Cases cases = TestCases.of(SopRegistry.withReference(), ReferenceSop.definition().key(),
      store, clock, OutputRules.acceptAll());

  private NotificationService service(Notifier notifier, UnaryOperator<NotificationPolicy.Builder> policy) {
    return NotificationService.builder(SopRegistry.withReference(), store,
        policy.apply(NotificationPolicy.builder(NotifyFixtures.directory())).build()).ledger(ledger)
        .notifier(notifier).build();
  }

  /** Opens a case at the clock's time and approves it: the meeting (activity 3) is open from then. */
  private void meetingOpenNow(String caseId) {
    CaseId id = CaseId.of(caseId);
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    cases.handleTrusted(new CaseCommand.Approve(Fixtures.cmd(), id, Fixtures.KASUBAG, Optional.empty()));
  }

  /** Ticks every ten minutes until {@code until}; the reminders sent, with the tick that sent them. */
  private List<String> tickUntil(NotificationService service, Instant until) {
    List<String> out = new ArrayList<>();
    while (clock.instant().isBefore(until)) {
      clock.advance(Duration.ofMinutes(10));
      for (Delivery d : service.tick(clock.instant()).sent()) {
        if (d.notification().kind() != NotificationKind.AVAILABLE) {
          out.add(clock.instant() + " " + line(d.notification()));
        }
      }
    }
    return out;
  }

  @Test
  void remindersFoundAtNightAreHeldUntilTheOfficeOpensAndThenSentOnce() {
    DryRunNotifier email = new DryRunNotifier("email", l -> { }, false);
    NotificationService service = service(email, b -> b);
    meetingOpenNow("malam"); // Monday 08.00 WIB: due Tuesday 08.00, due soon from Monday 15.00 (two working hours)
    service.tick(clock.instant());
    // The scheduler is down from Monday 08.00 until Tuesday 20.00 WIB: both crossings happened meanwhile.
    clock.set(Instant.parse("2024-03-05T13:00:00Z"));
    assertThat(service.tick(clock.instant()).sent()).as("nothing at 20.00 WIB").isEmpty();
    List<Delivery> held = ledger.deliveries().stream()
        .filter(d -> d.notification().kind() != NotificationKind.AVAILABLE).toList();
    assertThat(held).as("recorded at once, so never lost").hasSize(6)
        .allMatch(d -> d.status() == DeliveryStatus.PENDING && d.attempts() == 0
            && d.nextAttemptAt().equals(Instant.parse("2024-03-06T00:30:00Z")) // Wednesday 07.30 WIB
            && d.recordedAt().equals(Instant.parse("2024-03-05T13:00:00Z")));
    // Ticks through the night: the reminders go out on the first tick at the opening, once.
    assertThat(tickUntil(service, Instant.parse("2024-03-06T02:00:00Z"))).containsExactly(
        "2024-03-06T00:30:00Z DUE_SOON 3 Budi Tim",
        "2024-03-06T00:30:00Z DUE_SOON 3 Andi Tim",
        "2024-03-06T00:30:00Z DUE_SOON 3 Rina Kasubag",
        "2024-03-06T00:30:00Z OVERDUE 3 Budi Tim",
        "2024-03-06T00:30:00Z OVERDUE 3 Andi Tim",
        "2024-03-06T00:30:00Z OVERDUE 3 Rina Kasubag");
  }

  @Test
  void overTheTurnOf2026To2027AReminderWaitsForTheNextWorkingDay() {
    // Thursday 31 December 2026 08.00 WIB: the meeting is due one working day later. (Whether Friday 1 January 2027
    // counts depends on whether 2027's decrees are bundled: the due time's coverage says so; the weekend is closed
    // either way.)
    clock.set(Instant.parse("2026-12-31T01:00:00Z"));
    DryRunNotifier email = new DryRunNotifier("email", l -> { }, false);
    NotificationService service = service(email, b -> b);
    meetingOpenNow("tahun-baru");
    service.tick(clock.instant());
    // The scheduler comes back on Saturday 2 January 2027 10.00 WIB.
    clock.set(Instant.parse("2027-01-02T03:00:00Z"));
    assertThat(service.tick(clock.instant()).sent()).isEmpty();
    Instant opening = ledger.deliveries().stream().filter(d -> d.notification().kind() == NotificationKind.DUE_SOON)
        .map(Delivery::nextAttemptAt).findFirst().orElseThrow();
    assertThat(opening).isEqualTo(Instant.parse("2027-01-04T00:30:00Z")); // Monday 4 January 2027, 07.30 WIB
    List<String> sent = tickUntil(service, Instant.parse("2027-01-04T00:50:00Z"));
    assertThat(sent).isNotEmpty().allMatch(s -> s.startsWith("2027-01-04T00:30:00Z "))
        .contains("2027-01-04T00:30:00Z DUE_SOON 3 Budi Tim");
  }

  @Test
  void aRetryThatFallsAfterHoursIsHeldToo() {
    // Fails once with "try again in two hours" at the due-soon crossing, Monday 15.00 WIB: 17.00 is after hours.
    List<String> sent = new ArrayList<>();
    int[] failures = {0};
    Notifier flaky = new Notifier() {
      @Override
      public String channel() {
        return "email";
      }

      @Override
      public boolean canReach(Contact contact) {
        return true;
      }

      @Override
      public void send(Notification n) {
        if (n.kind() == NotificationKind.DUE_SOON && failures[0]++ == 0) {
          throw NotificationException.retryAfter(Text.of("sibuk", "busy"), Duration.ofHours(2), null);
        }
        sent.add(clock.instant() + " " + line(n));
      }
    };
    NotificationService service = service(flaky, b -> b);
    meetingOpenNow("coba-lagi");
    tickUntil(service, Instant.parse("2024-03-04T08:10:00Z")); // to Monday 15.10 WIB
    assertThat(sent).filteredOn(s -> s.contains("DUE_SOON")).hasSize(2);
    tickUntil(service, Instant.parse("2024-03-05T00:40:00Z")); // through the night to Tuesday 07.40 WIB
    assertThat(sent).filteredOn(s -> s.contains("DUE_SOON")).hasSize(3).last().asString()
        .startsWith("2024-03-05T00:30:00Z DUE_SOON"); // Tuesday 07.30 WIB, not Monday 17.00
    Delivery retried = ledger.deliveries().stream().filter(d -> d.notification().kind() == NotificationKind.DUE_SOON)
        .filter(d -> d.lastError().isPresent()).findFirst().orElseThrow();
    assertThat(retried.attempts()).as("the night's claim is not counted").isEqualTo(2);
    assertThat(retried.status()).isEqualTo(DeliveryStatus.SENT);
  }

  @Test
  void holdingCanBeTurnedOff() {
    DryRunNotifier email = new DryRunNotifier("email", l -> { }, false);
    NotificationService service = service(email, b -> b.remindersInOfficeHours(false));
    meetingOpenNow("tanpa-tahan");
    service.tick(clock.instant());
    clock.set(Instant.parse("2024-03-05T13:00:00Z"));
    assertThat(service.tick(clock.instant()).sent()).extracting(d -> d.notification().kind())
        .containsOnly(NotificationKind.DUE_SOON, NotificationKind.OVERDUE).hasSize(6);
  }
}
