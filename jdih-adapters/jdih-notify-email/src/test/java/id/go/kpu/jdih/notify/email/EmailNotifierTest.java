package id.go.kpu.jdih.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.Notification;
import id.go.kpu.jdih.notify.NotificationException;
import id.go.kpu.jdih.notify.NotificationKind;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.NotifyFixtures;
import id.go.kpu.jdih.workflow.CaseId;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmailNotifierTest {

  private GreenMail greenMail;

  @AfterEach
  void stop() {
    if (greenMail != null) {
      greenMail.stop();
    }
  }

  static Notification notice(Contact to) {
    return new Notification("kasus-7/available/3/4/to/" + to.nip().value(), NotificationKind.AVAILABLE,
        CaseId.of("kasus-7"), OptionalInt.of(3), to,
        Text.of("[JDIH] Tugas baru: kegiatan 3 — “Rapat”", "[JDIH] New task: activity 3 — “Meeting”"),
        Text.of("Yth. %s,\nBatas waktu: Selasa, 5 Maret 2024 pukul 09.30 WIB • ✓".formatted(to.name()),
            "Dear %s,\nDue: Tuesday, 5 March 2024 at 09:30 WIB • ✓".formatted(to.name())));
  }

  @Test
  void sendsOneUtf8MessageInTheRecipientsLanguageWithTheKeyAndAStableMessageId() throws Exception {
    int port = EmailTesting.freePort();
    greenMail = EmailTesting.greenMail(port);
    EmailNotifier email = new EmailNotifier(EmailTesting.settings(port).build());
    assertThat(email.channel()).isEqualTo("email");
    assertThat(email.canReach(NotifyFixtures.RINA)).isTrue();
    assertThat(email.canReach(NotifyFixtures.ANDI)).isFalse(); // Telegram only

    email.send(notice(NotifyFixtures.RINA));
    email.send(notice(NotifyFixtures.SARI)); // reads English
    email.send(notice(NotifyFixtures.RINA)); // a retry of the first: same Message-ID

    MimeMessage[] all = greenMail.getReceivedMessages();
    assertThat(all).hasSize(3);
    MimeMessage[] got = to(all, "rina.marlina@kpu-mentawai.go.id");
    MimeMessage[] toSari = to(all, "sari.dewi@kpu-mentawai.go.id");
    assertThat(got).hasSize(2);
    assertThat(toSari).hasSize(1);
    MimeMessage toRina = got[0];
    assertThat(toRina.getSubject()).isEqualTo("[JDIH] Tugas baru: kegiatan 3 — “Rapat”");
    assertThat(((String) toRina.getContent()).replace("\r\n", "\n"))
        .isEqualTo("Yth. Rina Kasubag,\nBatas waktu: Selasa, 5 Maret 2024 pukul 09.30 WIB • ✓");
    assertThat(toRina.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(((InternetAddress) toRina.getRecipients(Message.RecipientType.TO)[0]).getAddress())
        .isEqualTo("rina.marlina@kpu-mentawai.go.id");
    assertThat(((InternetAddress) toRina.getFrom()[0]).getPersonal()).isEqualTo("JDIH KPU Kab. Kepulauan Mentawai");
    assertThat(toRina.getHeader("X-JDIH-Notification")).containsExactly("kasus-7/available/3/4/to/"
        + Fixtures.KASUBAG.nip().value());
    assertThat(toRina.getHeader("Content-Language")).containsExactly("id");
    assertThat(toRina.getMessageID()).matches("<[0-9a-f]{32}\\.jdih@kpu-mentawai\\.go\\.id>");
    assertThat(got[1].getMessageID()).isEqualTo(toRina.getMessageID());
    assertThat(toSari[0].getMessageID()).isNotEqualTo(toRina.getMessageID());
    assertThat(toSari[0].getSubject()).isEqualTo("[JDIH] New task: activity 3 — “Meeting”");
    assertThat(toSari[0].getHeader("Content-Language")).containsExactly("en");
  }

  private static MimeMessage[] to(MimeMessage[] all, String address) throws Exception {
    java.util.List<MimeMessage> out = new java.util.ArrayList<>();
    for (MimeMessage m : all) {
      if (((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress().equals(address)) {
        out.add(m);
      }
    }
    return out.toArray(MimeMessage[]::new);
  }

  @Test
  void aMailboxTheServerDoesNotKnowIsRefusedForGoodWithoutShowingTheAddress() throws Exception {
    try (StubSmtpServer stub = new StubSmtpServer(EmailTesting.freePort(), StubSmtpServer.Mode.UNKNOWN_RECIPIENT)) {
      EmailNotifier email = new EmailNotifier(EmailTesting.settings(stub.port()).build());
      assertThatThrownBy(() -> email.send(notice(NotifyFixtures.RINA)))
          .isInstanceOfSatisfying(NotificationException.class, e -> {
            assertThat(e.code()).isEqualTo("JDIH-NOTIFY-003");
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("e-mail to r***@k***.go.id", "SendFailedException: Invalid Addresses",
                "SMTPAddressFailedException: 550 5.1.1 <r***@k***.go.id>: Recipient address rejected")
                .doesNotContain("rina.marlina");
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
              assertThat(t.getMessage()).doesNotContain("rina.marlina");
            }
          });
      assertThat(stub.received).anyMatch(l -> l.startsWith("RCPT TO:<rina.marlina@kpu-mentawai.go.id>"));
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOutAndIsRetriedLater() throws Exception {
    try (StubSmtpServer stub = new StubSmtpServer(EmailTesting.freePort(), StubSmtpServer.Mode.SILENT)) {
      EmailNotifier email = new EmailNotifier(EmailTesting.settings(stub.port())
          .timeouts(Duration.ofMillis(500), Duration.ofMillis(500)).build());
      long start = System.nanoTime();
      assertThatThrownBy(() -> email.send(notice(NotifyFixtures.RINA)))
          .isInstanceOfSatisfying(NotificationException.class, e -> {
            assertThat(e.code()).isEqualTo("JDIH-NOTIFY-001");
            assertThat(e.permanent()).isFalse();
          });
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void aLoginIsUsedAndItsPasswordNeverShows() throws Exception {
    int port = EmailTesting.freePort();
    greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withUser("jdih@kpu-mentawai.go.id", "jdih-bot",
            "Rahasia-SMTP-123"));
    greenMail.start();

    SmtpSettings good = EmailTesting.settings(port).login("jdih-bot", "Rahasia-SMTP-123").build();
    new EmailNotifier(good).send(notice(NotifyFixtures.RINA));
    assertThat(greenMail.getReceivedMessages()).hasSize(1);

    SmtpSettings bad = EmailTesting.settings(port).login("jdih-bot", "Salah-Sandi-456").build();
    EmailNotifier wrong = new EmailNotifier(bad);
    assertThatThrownBy(() -> wrong.send(notice(NotifyFixtures.RINA)))
        .isInstanceOfSatisfying(NotificationException.class, e -> {
          assertThat(e.code()).isEqualTo("JDIH-NOTIFY-001"); // retried: someone may fix the settings
          assertThat(e.getMessage()).contains("menolak login", "refused the login").doesNotContain("Salah-Sandi");
        });
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(good.toString()).doesNotContain("Rahasia-SMTP-123").contains("password ***");
    assertThat(new EmailNotifier(good).toString()).doesNotContain("Rahasia-SMTP-123", "jdih@kpu-mentawai.go.id");
  }

  @Test
  void unusableSettingsAreRefusedWithACode() {
    assertThatThrownBy(() -> SmtpSettings.builder("smtp.kpu.go.id", 70_000).from("jdih@kpu.go.id", "JDIH").build())
        .isInstanceOfSatisfying(InvalidSmtpSettingsException.class,
            e -> assertThat(e.code()).isEqualTo("JDIH-EMAIL-001"));
    assertThatThrownBy(() -> SmtpSettings.builder("smtp.kpu.go.id", 587).build())
        .hasMessageContaining("the sender is required");
    assertThatThrownBy(() -> SmtpSettings.builder("smtp.kpu.go.id", 587).from("jdih at kpu", "JDIH").build())
        .hasMessageContaining("JDIH-EMAIL-001");
  }
}
