package id.go.kpu.jdih.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.notify.DeliveryStatus;
import id.go.kpu.jdih.notify.InMemoryNotificationLedger;
import id.go.kpu.jdih.notify.NotificationPolicy;
import id.go.kpu.jdih.notify.NotificationService;
import id.go.kpu.jdih.notify.TickReport;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.NotifyFixtures;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.OutputRules;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real SMTP server that first refuses (421), then is down, then comes back: the hand-off is recorded, retried
 * with back-off, and arrives exactly once.
 */
class SmtpRecoveryTest {

  private GreenMail greenMail;

  @AfterEach
  void stop() {
    if (greenMail != null) {
      greenMail.stop();
    }
  }

  @Test
  void aServerThatRefusesThenIsDownThenRecoversGetsTheHandOffExactlyOnce() throws Exception {
    MutableClock clock = MutableClock.at("2024-03-04T01:00:00Z");
    InMemoryCaseStore store = new InMemoryCaseStore();
    Cases cases = TestCases.of(SopRegistry.withReference(), ReferenceSop.definition().key(), store, clock,
        OutputRules.acceptAll());
    int port = EmailTesting.freePort();
    InMemoryNotificationLedger ledger = new InMemoryNotificationLedger();
    NotificationService notifications = NotificationService.builder(SopRegistry.withReference(), store,
        NotificationPolicy.defaults(NotifyFixtures.directory())).ledger(ledger)
        .notifier(new EmailNotifier(EmailTesting.settings(port).build(), clock)).build();
    CaseId id = CaseId.of("smtp-pulih");
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    Instant t0 = clock.instant();

    // 1. The server answers every session with 421: the failure is recorded and retried in a minute.
    try (StubSmtpServer refusing = new StubSmtpServer(port, StubSmtpServer.Mode.REFUSE)) {
      TickReport first = notifications.tick(t0);
      assertThat(refusing.port()).isEqualTo(port);
      assertThat(first.sent()).isEmpty();
      assertThat(first.retrying()).singleElement().satisfies(d -> {
        assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.nextAttemptAt()).isEqualTo(t0.plus(Duration.ofMinutes(1)));
        assertThat(d.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("JDIH-NOTIFY-001")
            .contains("r***@k***.go.id").doesNotContain("rina.marlina"));
      });
    }

    // 2. Nothing listens: connection refused; the next attempt waits twice as long.
    assertThat(notifications.tick(t0.plusSeconds(30)).idle()).isTrue(); // not due yet
    assertThat(notifications.tick(t0.plusSeconds(60)).retrying()).singleElement()
        .satisfies(d -> assertThat(d.nextAttemptAt()).isEqualTo(t0.plusSeconds(60 + 120)));

    // 3. The server is back: the retry goes through, once.
    greenMail = EmailTesting.greenMail(port);
    assertThat(notifications.tick(t0.plusSeconds(179)).idle()).isTrue();
    TickReport recovered = notifications.tick(t0.plusSeconds(180));
    assertThat(recovered.sent()).singleElement().satisfies(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
      assertThat(d.attempts()).isEqualTo(3);
    });
    assertThat(notifications.tick(t0.plus(Duration.ofMinutes(30))).sent()).isEmpty();

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("[JDIH] Tugas baru: kegiatan 2 kasus smtp-pulih");
    assertThat(received[0].getHeader("X-JDIH-Notification"))
        .containsExactly(id + "/available/2/1/to/" + Fixtures.KASUBAG.nip().value());
    assertThat(ledger.deliveries()).extracting(Delivery::status).containsExactly(DeliveryStatus.SENT);
  }
}
