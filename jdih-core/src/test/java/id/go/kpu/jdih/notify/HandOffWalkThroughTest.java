package id.go.kpu.jdih.notify;

import static id.go.kpu.jdih.testkit.NotifyFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.PublicationNeedsConfirmation;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.NotifyFixtures;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.OutputRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The done-when test: one case of the reference SOP through all seven activities (with a rejection, a due-soon and
 * an overdue reminder crossed by the clock, a publication needing confirmation and the publication), ticking the
 * way an embedder's scheduler would, with two restarts over the same ledger and store.
 */
class HandOffWalkThroughTest {

  private final MutableClock clock = MutableClock.at("2024-03-04T01:00:00Z"); // Monday 4 March 2024, 08.00 WIB
  private final CaseStore store = new InMemoryCaseStore();
  private final InMemoryNotificationLedger ledger = new InMemoryNotificationLedger();
  private final InMemoryPersonDirectory directory = NotifyFixtures.directory();
  private final Cases cases = TestCases.of(SopRegistry.withReference(), ReferenceSop.definition().key(),
      store, clock, OutputRules.acceptAll());
  private final List<DryRunNotifier> channels = new ArrayList<>();
  private final CaseId id = CaseId.of("produk-hukum-2024-03");

  /** A service as a freshly started process would build it: new instances over the same ledger and store. */
  private NotificationService start() {
    DryRunNotifier email = new DryRunNotifier("email", line -> { }, false);
    channels.add(email);
    return NotificationService.builder(SopRegistry.withReference(), store, NotificationPolicy.defaults(directory))
        .ledger(ledger).notifier(email).build();
  }

  private List<Notification> sentSoFar() {
    return channels.stream().flatMap(c -> c.sent().stream()).toList();
  }

  private List<String> act(NotificationService service, Duration after, CaseCommand command) {
    clock.advance(after);
    cases.handleTrusted(command);
    return service.tick(clock.instant()).sent().stream().map(d -> line(d.notification())).toList();
  }

  /** Ticks every ten minutes until {@code until}; returns what was sent, with the tick that sent it. */
  private List<String> tickUntil(NotificationService service, Instant until) {
    List<String> out = new ArrayList<>();
    while (clock.instant().isBefore(until)) {
      clock.advance(Duration.ofMinutes(10));
      for (Delivery d : service.tick(clock.instant()).sent()) {
        out.add(clock.instant() + " " + line(d.notification()));
      }
    }
    return out;
  }

  @Test
  void everyHandOffAndReminderOfOneCaseIsSentOnceInOrderAcrossRestarts() {
    NotificationService service = start();

    assertThat(act(service, Duration.ZERO, new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG,
        Fixtures.produkHukum()))).containsExactly("AVAILABLE 2 Rina Kasubag");
    assertThat(act(service, Duration.ofMinutes(30), new CaseCommand.Reject(Fixtures.cmd(), id, Fixtures.KASUBAG,
        "Cantumkan dasar hukum dan tanggal penetapan")))
        .containsExactly("REJECTED 2 Rina Kasubag", "AVAILABLE 1 Rina Kasubag");
    assertThat(act(service, Duration.ofMinutes(30), new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG,
        Fixtures.produkHukum()))).containsExactly("AVAILABLE 2 Rina Kasubag");
    // Approved Monday 09.30 WIB: the meeting (activity 3) is due Tuesday 09.30 WIB, due soon from 07.30 WIB.
    assertThat(act(service, Duration.ofMinutes(30), new CaseCommand.Approve(Fixtures.cmd(), id, Fixtures.KASUBAG,
        Optional.empty()))).containsExactly("AVAILABLE 3 Budi Tim", "AVAILABLE 3 Andi Tim");

    // Nobody acts; the scheduler ticks every ten minutes through the night to Tuesday 07.40 WIB.
    assertThat(tickUntil(service, Instant.parse("2024-03-05T00:40:00Z"))).containsExactly(
        "2024-03-05T00:30:00Z DUE_SOON 3 Budi Tim",
        "2024-03-05T00:30:00Z DUE_SOON 3 Andi Tim",
        "2024-03-05T00:30:00Z DUE_SOON 3 Rina Kasubag");

    // Restart: a new process, same ledger and store. The overdue reminder comes once, on the first tick after 09.30.
    service = start();
    assertThat(tickUntil(service, Instant.parse("2024-03-05T02:50:00Z"))).containsExactly(
        "2024-03-05T02:40:00Z OVERDUE 3 Budi Tim",
        "2024-03-05T02:40:00Z OVERDUE 3 Andi Tim",
        "2024-03-05T02:40:00Z OVERDUE 3 Rina Kasubag");

    assertThat(act(service, Duration.ofMinutes(10), new CaseCommand.RecordMeeting(Fixtures.cmd(), id, Fixtures.TIM,
        Fixtures.meeting()))).containsExactly("AVAILABLE 4 Sari Staf");
    assertThat(act(service, Duration.ofMinutes(30), new CaseCommand.Summarize(Fixtures.cmd(), id, Fixtures.STAF,
        "Rangkuman: infografis 4:5, terbit Selasa."))).containsExactly("AVAILABLE 5 Budi Tim", "AVAILABLE 5 Andi Tim");
    assertThat(act(service, Duration.ofMinutes(30), new CaseCommand.AttachDesign(Fixtures.cmd(), id, Fixtures.TIM,
        List.of(Fixtures.jpeg(7))))).containsExactly("AVAILABLE 6 Rina Kasubag");
    assertThat(act(service, Duration.ofMinutes(30), new CaseCommand.WriteCaption(Fixtures.cmd(), id,
        Fixtures.KASUBAG, new Caption("Kenali Keputusan KPU 10/HK.04/08/2022. #JDIH #KPU", ImmutableMap.of()))))
        .containsExactly("AVAILABLE 7 Sari Staf");

    // The publishing outbox could not tell whether the post on X went out, and asks for a confirmation (twice).
    clock.advance(Duration.ofHours(2));
    PublicationNeedsConfirmation unsure = new PublicationNeedsConfirmation(id, Platform.X, "publish/" + id + "/x",
        Text.of("batas waktu habis setelah permintaan terkirim", "timed out after the request left"),
        clock.instant());
    service.needsConfirmation(unsure);
    service.needsConfirmation(unsure);
    assertThat(service.tick(clock.instant()).sent()).extracting(d -> line(d.notification()))
        .containsExactly("NEEDS_CONFIRMATION 7 Rina Kasubag");

    assertThat(act(service, Duration.ofMinutes(30), new CaseCommand.RecordPublication(Fixtures.cmd(), id,
        Fixtures.STAF, List.of(Fixtures.post(Platform.INSTAGRAM, clock.instant()),
            Fixtures.post(Platform.X, clock.instant()))))).containsExactly("PUBLISHED 7 Rina Kasubag");

    // Three more days of ticks: the case is closed, nothing more is sent.
    assertThat(tickUntil(service, clock.instant().plus(Duration.ofDays(3)))).isEmpty();

    List<String> expected = List.of(
        "AVAILABLE 2 Rina Kasubag",
        "REJECTED 2 Rina Kasubag",
        "AVAILABLE 1 Rina Kasubag",
        "AVAILABLE 2 Rina Kasubag",
        "AVAILABLE 3 Budi Tim",
        "AVAILABLE 3 Andi Tim",
        "DUE_SOON 3 Budi Tim",
        "DUE_SOON 3 Andi Tim",
        "DUE_SOON 3 Rina Kasubag",
        "OVERDUE 3 Budi Tim",
        "OVERDUE 3 Andi Tim",
        "OVERDUE 3 Rina Kasubag",
        "AVAILABLE 4 Sari Staf",
        "AVAILABLE 5 Budi Tim",
        "AVAILABLE 5 Andi Tim",
        "AVAILABLE 6 Rina Kasubag",
        "AVAILABLE 7 Sari Staf",
        "NEEDS_CONFIRMATION 7 Rina Kasubag",
        "PUBLISHED 7 Rina Kasubag");
    assertThat(sentSoFar()).extracting(NotifyFixtures::line).containsExactlyElementsOf(expected);
    assertThat(ledger.deliveries()).hasSize(expected.size()).allMatch(d -> d.status() == DeliveryStatus.SENT)
        .allMatch(d -> d.attempts() == 1);
    assertThat(ledger.deliveries()).extracting(Delivery::key).doesNotHaveDuplicates();

    // Restart again, a week later: nothing is sent twice.
    service = start();
    clock.advance(Duration.ofDays(4));
    TickReport afterRestart = service.tick(clock.instant());
    assertThat(afterRestart.idle()).isTrue();
    assertThat(channels.get(channels.size() - 1).sent()).isEmpty();
    assertThat(sentSoFar()).hasSize(expected.size());
  }

  @Test
  void aRestartThatLostItsProgressStillSendsNothingTwice() {
    NotificationService service = start();
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    clock.advance(Duration.ofMinutes(30));
    cases.handleTrusted(new CaseCommand.Reject(Fixtures.cmd(), id, Fixtures.KASUBAG, "Perlu dasar hukum"));
    assertThat(service.tick(clock.instant()).sent()).extracting(d -> line(d.notification()))
        .containsExactly("REJECTED 2 Rina Kasubag", "AVAILABLE 1 Rina Kasubag");

    // A process whose progress was lost (e.g. restored from an older backup) derives everything again...
    NotificationLedger forgetful = new ForgetfulLedger(ledger);
    DryRunNotifier email = new DryRunNotifier("email", line -> { }, false);
    NotificationService restarted = NotificationService.builder(SopRegistry.withReference(), store,
        NotificationPolicy.defaults(directory)).ledger(forgetful).notifier(email).build();
    TickReport report = restarted.tick(clock.instant().plusSeconds(60));
    // ...but every key is known: nothing is recorded or sent again.
    assertThat(report.derived()).isEqualTo(2);
    assertThat(report.recorded()).isZero();
    assertThat(email.sent()).isEmpty();
  }

  @Test
  void messagesCarryTheCaseTheActivityTheDueTimeInTheOfficeZoneAndTheReason() {
    NotificationService service = start();
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    clock.advance(Duration.ofMinutes(30));
    cases.handleTrusted(new CaseCommand.Reject(Fixtures.cmd(), id, Fixtures.KASUBAG, "Cantumkan dasar hukum"));
    clock.advance(Duration.ofMinutes(30));
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    cases.handleTrusted(new CaseCommand.Approve(Fixtures.cmd(), id, Fixtures.KASUBAG, Optional.empty()));
    cases.handleTrusted(new CaseCommand.RecordMeeting(Fixtures.cmd(), id, Fixtures.TIM, Fixtures.meeting()));
    service.tick(clock.instant());
    ImmutableList<Notification> sent = channels.get(0).sent();

    Notification rejected = sent.stream().filter(n -> n.kind() == NotificationKind.REJECTED).findFirst().get();
    assertThat(rejected.subjectText()).isEqualTo("[JDIH] Draf tidak disetujui: kasus " + id);
    assertThat(rejected.bodyText()).contains("Yth. Rina Kasubag", "Keputusan KPU 10/HK.04/08/2022",
        "Alasan: Cantumkan dasar hukum", "kegiatan 2");

    // Only the activity still open is announced (4, to Sari, who reads English); 2 and 3 are done already.
    assertThat(sent).extracting(NotifyFixtures::line)
        .containsExactly("REJECTED 2 Rina Kasubag", "AVAILABLE 4 Sari Staf");
    Notification toSari = sent.get(1);
    assertThat(toSari.subjectText()).isEqualTo("[JDIH] New task: activity 4 of case " + id);
    assertThat(toSari.bodyText()).contains("Dear Sari Staf", "Activity 4 is now the work of Staf",
        "Merangkum hasil rapat", "Due: Tuesday, 5 March 2024 at 09:00 WIB");
    assertThat(toSari.body().id()).contains("Batas waktu: Selasa, 5 Maret 2024 pukul 09.00 WIB");
    assertThat(toSari.key()).isEqualTo(id + "/available/4/5/to/" + Fixtures.STAF.nip().value());
  }

  /** The same ledger, but as if every case's progress had been lost. */
  private static final class ForgetfulLedger implements NotificationLedger {
    private final NotificationLedger delegate;

    ForgetfulLedger(NotificationLedger delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean record(Delivery delivery) {
      return delegate.record(delivery);
    }

    @Override
    public ImmutableList<Delivery> claimDue(Instant now, int max, Duration lease) {
      return delegate.claimDue(now, max, lease);
    }

    @Override
    public void markSent(String key, Instant at) {
      delegate.markSent(key, at);
    }

    @Override
    public void markFailed(String key, Instant at, String error, Optional<Instant> retryAt) {
      delegate.markFailed(key, at, error, retryAt);
    }

    @Override
    public void release(String key, Instant until) {
      delegate.release(key, until);
    }

    @Override
    public Optional<Delivery> find(String key) {
      return delegate.find(key);
    }

    @Override
    public ImmutableList<Delivery> deliveries() {
      return delegate.deliveries();
    }

    @Override
    public Optional<CaseProgress> progress(CaseId caseId) {
      return Optional.empty();
    }

    @Override
    public void saveProgress(CaseId caseId, CaseProgress progress) {}
  }
}
