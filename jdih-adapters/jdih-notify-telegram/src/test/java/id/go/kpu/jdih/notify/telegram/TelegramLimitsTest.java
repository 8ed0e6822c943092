package id.go.kpu.jdih.notify.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import id.go.kpu.jdih.notify.NotificationException;
import id.go.kpu.jdih.testkit.NotifyFixtures;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Bot API's answers are bounded in size and in time, body included; the bot token goes over TLS only. */
class TelegramLimitsTest {

  private static final String TOKEN = TelegramNotifierTest.TOKEN;
  private static WireMockServer server;

  @BeforeAll
  static void start() {
    server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static TelegramSettings settings(Duration timeout) {
    return new TelegramSettings(URI.create(server.baseUrl()), BotToken.of(TOKEN), timeout);
  }

  @Test
  void anAnswerOverTheLimitFailsInsteadOfFillingTheHeap() {
    String big = "{\"ok\":true,\"result\":{\"text\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}}"; // over 1 MiB
    server.stubFor(post(urlPathEqualTo("/bot" + TOKEN + "/sendMessage"))
        .willReturn(aResponse().withStatus(200).withBody(big)));
    NotificationException e = catchThrowableOfType(NotificationException.class,
        () -> new TelegramNotifier(settings(Duration.ofSeconds(20))).send(
            TelegramNotifierTest.notice(NotifyFixtures.BUDI)));
    assertThat(e).isNotNull();
    assertThat(e.permanent()).isFalse();
    assertThat(e.text().en()).contains("over the limit").doesNotContain(TOKEN);
  }

  @Test
  void aBodyThatDripsPastTheTimeOutFailsAtTheTimeOut() {
    server.stubFor(post(urlPathEqualTo("/bot" + TOKEN + "/sendMessage")).willReturn(aResponse().withStatus(200)
        .withBody("{\"ok\":true,\"result\":{\"message_id\":" + "1".repeat(100) + "}}").withChunkedDribbleDelay(10, 4000)));
    long start = System.nanoTime();
    NotificationException e = catchThrowableOfType(NotificationException.class,
        () -> new TelegramNotifier(settings(Duration.ofMillis(800))).send(
            TelegramNotifierTest.notice(NotifyFixtures.BUDI)));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(e).isNotNull();
    assertThat(e.permanent()).isFalse();
    assertThat(millis).as("the call ends at its time-out, not when the body is done").isLessThan(3000);
  }

  @Test
  void theBotTokenIsNotSentInPlainTextToAnotherHost() {
    Throwable e = catchThrowable(() -> new TelegramSettings(URI.create("http://api.telegram.org"),
        BotToken.of(TOKEN), Duration.ofSeconds(5)));
    assertThat(e).isInstanceOf(InvalidTelegramSettingsException.class);
    assertThat(((InvalidTelegramSettingsException) e).text().en()).contains("https").doesNotContain(TOKEN);
    assertThat(((InvalidTelegramSettingsException) e).text().id()).contains("https");
    assertThat(new TelegramSettings(URI.create("http://localhost:8081"), BotToken.of(TOKEN), Duration.ofSeconds(5))
        .apiBase().getHost()).isEqualTo("localhost");
  }
}
