package id.go.kpu.jdih.notify.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.Notification;
import id.go.kpu.jdih.notify.NotificationException;
import id.go.kpu.jdih.notify.NotificationKind;
import id.go.kpu.jdih.testkit.NotifyFixtures;
import id.go.kpu.jdih.workflow.CaseId;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelegramNotifierTest {

  static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

  private final BotApiEmulator api;

  TelegramNotifierTest() throws Exception {
    api = new BotApiEmulator(TOKEN);
  }

  @AfterEach
  void close() {
    api.close();
  }

  private TelegramNotifier notifier(Duration timeout) {
    return new TelegramNotifier(new TelegramSettings(api.base(), BotToken.of(TOKEN), timeout));
  }

  static Notification notice(Contact to) {
    return new Notification("kasus-9/overdue/3/2024-03-05T02:30:00Z/to/" + to.nip().value(),
        NotificationKind.OVERDUE, CaseId.of("kasus-9"), OptionalInt.of(3), to,
        Text.of("[JDIH] Terlambat: kegiatan 3 kasus kasus-9", "[JDIH] Overdue: activity 3 of case kasus-9"),
        Text.of("Yth. %s,\nBatas: Selasa, 5 Maret 2024 pukul 09.30 WIB ✓".formatted(to.name()),
            "Dear %s,\nDue: Tuesday, 5 March 2024 at 09:30 WIB ✓".formatted(to.name())));
  }

  @Test
  void sendsSubjectAndBodyToThePersonsChatInTheirLanguage() {
    TelegramNotifier telegram = notifier(Duration.ofSeconds(5));
    assertThat(telegram.channel()).isEqualTo("telegram");
    assertThat(telegram.canReach(NotifyFixtures.ANDI)).isTrue();
    assertThat(telegram.canReach(NotifyFixtures.RINA)).isFalse(); // e-mail only

    telegram.send(notice(NotifyFixtures.BUDI));
    telegram.send(notice(NotifyFixtures.SARI.withTelegram("@jdih_staf_sari")));

    assertThat(api.delivered).hasSize(2);
    BotApiEmulator.Request toBudi = api.delivered.get(0);
    assertThat(toBudi.path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
    assertThat(toBudi.contentType()).startsWith("application/json");
    assertThat(toBudi.body().path("chat_id").isIntegralNumber()).isTrue();
    assertThat(toBudi.body().path("chat_id").asLong()).isEqualTo(123456789L);
    assertThat(toBudi.body().path("text").asText()).isEqualTo("[JDIH] Terlambat: kegiatan 3 kasus kasus-9\n\n"
        + "Yth. Budi Tim,\nBatas: Selasa, 5 Maret 2024 pukul 09.30 WIB ✓");
    assertThat(toBudi.body().path("disable_web_page_preview").asBoolean()).isTrue();
    BotApiEmulator.Request toSari = api.delivered.get(1);
    assertThat(toSari.body().path("chat_id").asText()).isEqualTo("@jdih_staf_sari");
    assertThat(toSari.body().path("text").asText()).startsWith("[JDIH] Overdue: activity 3 of case kasus-9\n\n"
        + "Dear Sari Staf");
  }

  @Test
  void aBlockedBotOrAnUnknownChatIsRefusedForGood() {
    api.then(403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")
        .then(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
    TelegramNotifier telegram = notifier(Duration.ofSeconds(5));
    for (String expected : new String[] {"403 Forbidden: bot was blocked by the user",
        "400 Bad Request: chat not found"}) {
      assertThatThrownBy(() -> telegram.send(notice(NotifyFixtures.BUDI)))
          .isInstanceOfSatisfying(NotificationException.class, e -> {
            assertThat(e.code()).isEqualTo("JDIH-NOTIFY-003");
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains(expected, "chat ******789").doesNotContain("123456789");
          });
    }
  }

  @Test
  void serverErrorsAndUnreadableAnswersAreRetried() {
    api.then(502, "<html><body>502 Bad Gateway</body></html>")
        .then(500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
    TelegramNotifier telegram = notifier(Duration.ofSeconds(5));
    assertThatThrownBy(() -> telegram.send(notice(NotifyFixtures.BUDI)))
        .isInstanceOfSatisfying(NotificationException.class, e -> {
          assertThat(e.code()).isEqualTo("JDIH-NOTIFY-001");
          assertThat(e.getMessage()).contains("unreadable HTTP 502");
        });
    assertThatThrownBy(() -> telegram.send(notice(NotifyFixtures.BUDI)))
        .isInstanceOfSatisfying(NotificationException.class, e -> {
          assertThat(e.code()).isEqualTo("JDIH-NOTIFY-001");
          assertThat(e.retryAfter()).isEmpty();
        });
    telegram.send(notice(NotifyFixtures.BUDI));
    assertThat(api.delivered).hasSize(1);
  }

  @Test
  void aStalledApiTimesOut() {
    api.late(Duration.ofSeconds(3));
    TelegramNotifier telegram = notifier(Duration.ofMillis(300));
    long start = System.nanoTime();
    assertThatThrownBy(() -> telegram.send(notice(NotifyFixtures.BUDI)))
        .isInstanceOfSatisfying(NotificationException.class, e -> {
          assertThat(e.code()).isEqualTo("JDIH-NOTIFY-001");
          assertThat(e.getMessage()).contains("HttpTimeoutException");
        });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void longTextsAreCutToTelegramsLimitWithoutSplittingACharacter() {
    assertThat(TelegramNotifier.cut("a".repeat(4096))).hasSize(4096);
    String cut = TelegramNotifier.cut("a".repeat(4094) + "😀" + "b".repeat(10));
    assertThat(cut).hasSize(4095).endsWith("a…");
    assertThat(TelegramNotifier.cut("x".repeat(5000))).hasSize(4096).endsWith("x…");
  }
}
