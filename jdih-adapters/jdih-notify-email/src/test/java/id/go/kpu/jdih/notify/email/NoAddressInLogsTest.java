package id.go.kpu.jdih.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.go.kpu.jdih.notify.InMemoryNotificationLedger;
import id.go.kpu.jdih.notify.NotificationPolicy;
import id.go.kpu.jdih.notify.NotificationService;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every log line of this module's tests goes to {@code target/notify-email-test.log} (see the pom). After sends
 * that succeed, are refused and fail, the file holds the masked addresses and never a full one or the password.
 */
class NoAddressInLogsTest {

  @Test
  void logsShowAddressesMaskedOnly() throws Exception {
    MutableClock clock = MutableClock.at("2024-03-04T01:00:00Z");
    InMemoryCaseStore store = new InMemoryCaseStore();
    Cases cases = TestCases.of(SopRegistry.withReference(), ReferenceSop.definition().key(), store, clock,
        OutputRules.acceptAll());
    CaseId id = CaseId.of("log-bersih");
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    cases.handleTrusted(new CaseCommand.Approve(Fixtures.cmd(), id, Fixtures.KASUBAG, Optional.empty()));
    cases.handleTrusted(new CaseCommand.RecordMeeting(Fixtures.cmd(), id, Fixtures.TIM, Fixtures.meeting()));

    int port = EmailTesting.freePort();
    SmtpSettings smtp = EmailTesting.settings(port).login("jdih-bot", "Rahasia-SMTP-123").build();
    NotificationService notifications = NotificationService.builder(SopRegistry.withReference(), store,
        NotificationPolicy.defaults(NotifyFixtures.directory())).ledger(new InMemoryNotificationLedger())
        .notifier(new EmailNotifier(smtp, clock)).build();
    try (StubSmtpServer unknown = new StubSmtpServer(port, StubSmtpServer.Mode.UNKNOWN_RECIPIENT)) {
      notifications.tick(clock.instant()); // activity 4 for Sari: refused for good (550)
      assertThat(unknown.received).anyMatch(l -> l.startsWith("RCPT TO:"));
    }
    cases.handleTrusted(new CaseCommand.Summarize(Fixtures.cmd(), id, Fixtures.STAF, "Rangkuman"));
    notifications.tick(clock.instant().plusSeconds(1)); // activity 5 for Budi: nobody listens, retried
    GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withUser("jdih@kpu-mentawai.go.id", "jdih-bot",
            "Rahasia-SMTP-123"));
    greenMail.start();
    try {
      notifications.tick(clock.instant().plusSeconds(3600)); // the retry goes through
      assertThat(greenMail.getReceivedMessages()).hasSize(1);
    } finally {
      greenMail.stop();
    }

    String log = Files.readString(Path.of("target/notify-email-test.log"), StandardCharsets.UTF_8);
    assertThat(log).contains("s***@k***.go.id", "b***@k***.go.id", "refused for good", "tried again at");
    assertThat(log).doesNotContain("sari.dewi@", "budi.santoso@", "rina.marlina@", "Rahasia-SMTP-123");
  }
}
