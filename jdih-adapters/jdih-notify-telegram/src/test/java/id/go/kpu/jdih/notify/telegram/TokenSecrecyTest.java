package id.go.kpu.jdih.notify.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kpu.jdih.notify.NotificationException;
import id.go.kpu.jdih.testkit.NotifyFixtures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The bot token never shows: not in a {@code toString}, not in an exception's message or its causes' (wrong
 * token, no connection, time-out, a refusal), not in the log file every line of this module's tests goes to.
 */
class TokenSecrecyTest {

  private static final String TOKEN = TelegramNotifierTest.TOKEN;
  private static final String SECRET_PART = TOKEN.substring(TOKEN.indexOf(':') + 1);

  private static void assertNoToken(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(t.getMessage()).doesNotContain(SECRET_PART);
      assertThat(t.toString()).doesNotContain(SECRET_PART);
    }
  }

  @Test
  void toStringsNeverShowTheToken() throws Exception {
    try (BotApiEmulator api = new BotApiEmulator(TOKEN)) {
      BotToken token = BotToken.of(TOKEN);
      TelegramSettings settings = new TelegramSettings(api.base(), token, Duration.ofSeconds(2));
      TelegramNotifier notifier = new TelegramNotifier(settings);
      assertThat(token.toString()).isEqualTo("BotToken[***]");
      assertThat(settings.toString()).doesNotContain(SECRET_PART).contains("BotToken[***]");
      assertThat(notifier.toString()).doesNotContain(SECRET_PART);
      assertThat(TelegramSettings.of(token).toString()).doesNotContain(SECRET_PART);
    }
  }

  @Test
  void anInvalidTokenIsRefusedWithoutBeingShown() {
    assertThatThrownBy(() -> BotToken.of("not-a-token-" + SECRET_PART))
        .isInstanceOfSatisfying(InvalidTelegramSettingsException.class, e -> {
          assertThat(e.code()).isEqualTo("JDIH-TELEGRAM-001");
          assertNoToken(e);
        });
  }

  @Test
  void failuresNeverShowTheToken() throws Exception {
    try (BotApiEmulator api = new BotApiEmulator("999:" + "X".repeat(35))) { // answers 401 to our token
      TelegramNotifier wrongBot = new TelegramNotifier(new TelegramSettings(api.base(), BotToken.of(TOKEN),
          Duration.ofSeconds(2)));
      assertThatThrownBy(() -> wrongBot.send(TelegramNotifierTest.notice(NotifyFixtures.BUDI)))
          .isInstanceOfSatisfying(NotificationException.class, e -> {
            assertThat(e.getMessage()).contains("401 Unauthorized");
            assertNoToken(e);
          });
    }
    try (BotApiEmulator api = new BotApiEmulator(TOKEN)) {
      api.late(Duration.ofSeconds(2));
      TelegramNotifier slow = new TelegramNotifier(new TelegramSettings(api.base(), BotToken.of(TOKEN),
          Duration.ofMillis(200)));
      assertThatThrownBy(() -> slow.send(TelegramNotifierTest.notice(NotifyFixtures.BUDI)))
          .isInstanceOfSatisfying(NotificationException.class, TokenSecrecyTest::assertNoToken);
    }
    URI closed;
    try (BotApiEmulator api = new BotApiEmulator(TOKEN)) {
      closed = api.base();
    }
    TelegramNotifier nobody = new TelegramNotifier(new TelegramSettings(closed, BotToken.of(TOKEN),
        Duration.ofSeconds(2)));
    assertThatThrownBy(() -> nobody.send(TelegramNotifierTest.notice(NotifyFixtures.BUDI)))
        .isInstanceOfSatisfying(NotificationException.class, e -> {
          assertThat(e.code()).isEqualTo("JDIH-NOTIFY-001");
          assertNoToken(e);
        });
  }

  @Test
  void theLogNeverShowsTheTokenOrAFullChatId() throws Exception {
    // Make sure something was logged by this test itself, then read every line the module's tests logged so far.
    new RetryAfterTest().tooManyRequestsIsRetriedAfterTheSecondsTelegramAsksFor();
    String log = Files.readString(Path.of("target/notify-telegram-test.log"), StandardCharsets.UTF_8);
    assertThat(log).contains("telegram", "******789");
    assertThat(log).doesNotContain(SECRET_PART, "123456789", "987654321");
  }
}
