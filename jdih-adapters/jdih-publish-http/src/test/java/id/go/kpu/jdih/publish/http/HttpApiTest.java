package id.go.kpu.jdih.publish.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.PlatformCallException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Time-outs on every call, failures without an answer classified by whether the call can publish, no leak. */
class HttpApiTest {

  private static final AccessToken TOKEN = AccessToken.of("EAAB-secret-token-123456");
  private static final String BOT = "123456:AAH-bot-secret_token";
  private static WireMockServer server;
  private static HttpApi api;

  @BeforeAll
  static void start() {
    server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    api = new HttpApi(Platform.FACEBOOK, new Endpoint(URI.create(server.baseUrl()), Duration.ofMillis(600),
        Duration.ofSeconds(3)));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void aResponseAfterTheTimeOutIsAmbiguousForAPublishingCallAndNotSentOtherwise() {
    server.stubFor(post(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(1200)));
    PlatformCallException publishing = catchThrowableOfType(PlatformCallException.class,
        () -> api.send(ApiCall.post("/slow").form("a", "b").bearer(TOKEN).publishing().build()));
    assertThat(publishing.kind()).isEqualTo(FailureKind.AMBIGUOUS);
    assertThat(publishing.platformCode()).isEqualTo("HTTP-TIMEOUT");
    assertThat(publishing.getMessage()).contains("the post may have gone out");

    PlatformCallException preparing = catchThrowableOfType(PlatformCallException.class,
        () -> api.send(ApiCall.post("/slow").form("a", "b").bearer(TOKEN).build()));
    assertThat(preparing.kind()).isEqualTo(FailureKind.NOT_SENT);
  }

  @Test
  void aResetConnectionIsAmbiguousForAPublishingCall() {
    server.stubFor(post(urlPathEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    PlatformCallException e = catchThrowableOfType(PlatformCallException.class,
        () -> api.send(ApiCall.post("/reset").json("{}").bearer(TOKEN).publishing().build()));
    assertThat(e.kind()).isEqualTo(FailureKind.AMBIGUOUS);
    assertThat(e.platformCode()).isIn("HTTP-IO", "HTTP-TIMEOUT"); // a slow machine may see the time-out first
  }

  @Test
  void aRefusedConnectionWasNeverSent() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    HttpApi closed = new HttpApi(Platform.X, new Endpoint(URI.create("http://127.0.0.1:" + port),
        Duration.ofMillis(600), Duration.ofSeconds(3)));
    PlatformCallException e = catchThrowableOfType(PlatformCallException.class,
        () -> closed.send(ApiCall.post("/2/tweets").json("{}").bearer(TOKEN).publishing().build()));
    assertThat(e.kind()).isEqualTo(FailureKind.NOT_SENT);
    assertThat(e.platformCode()).isEqualTo("HTTP-CONNECT");
  }

  @Test
  void theTokenGoesInTheHeaderAndNeverComesBackInABodyAMessageOrACause() {
    server.stubFor(get(urlPathEqualTo("/echo")).willReturn(aResponse().withStatus(400).withBody(
        "{\"error\":{\"message\":\"Invalid OAuth access token: " + TOKEN.reveal() + "\",\"code\":190}}")));
    ApiResponse r = api.send(ApiCall.get("/echo").query("fields", "id").bearer(TOKEN).build());
    server.verify(getRequestedFor(urlPathEqualTo("/echo")).withHeader("Authorization",
        equalTo("Bearer " + TOKEN.reveal())));
    assertThat(r.body()).doesNotContain(TOKEN.reveal()).contains(Scrubber.MASK);
    PlatformCallException e = PlatformErrors.graph(Platform.FACEBOOK, r, false, java.time.Clock.systemUTC());
    assertThat(e.kind()).isEqualTo(FailureKind.AUTH);
    assertThat(e.getMessage()).doesNotContain(TOKEN.reveal()).contains("token");

    server.stubFor(post(urlPathEqualTo("/bot" + BOT + "/sendMessage")).willReturn(aResponse().withStatus(200)
        .withFixedDelay(1200)));
    AccessToken bot = AccessToken.of(BOT);
    PlatformCallException t = catchThrowableOfType(PlatformCallException.class,
        () -> api.send(ApiCall.post("/bot" + BOT + "/sendMessage").form("text", "x").scrubbing(bot).publishing()
            .build()));
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(BOT).doesNotContain("AAH-bot-secret_token").contains("bot****");
  }

  @Test
  void tokensAndCredentialsPrintMasked() {
    assertThat(TOKEN.toString()).isEqualTo("AccessToken[****]").doesNotContain("secret");
    assertThat(ApiCall.post("/bot" + BOT + "/sendPhoto").scrubbing(AccessToken.of(BOT)).build().toString())
        .isEqualTo("POST /bot****/sendPhoto");
    assertThat(Scrubber.scrub("url?access_token=abc.def&x=1 Authorization: Bearer abcdefghijkl", null))
        .isEqualTo("url?access_token=****&x=1 Authorization: Bearer ****");
    CredentialException missing = CredentialException.missing(Platform.INSTAGRAM);
    assertThat(missing.code()).isEqualTo("JDIH-CRED-001");
    assertThat(missing.getMessage()).contains("Instagram");
  }

  @Test
  void aTemporaryRefreshFailureIsNotADeadToken() {
    CredentialProvider refreshing = p -> {
      throw new CredentialException(true, id.go.kpu.jdih.i18n.Text.of("penyegaran token gagal sementara",
          "token refresh failed for now"), null);
    };
    PlatformCallException later = catchThrowableOfType(PlatformCallException.class,
        () -> PlatformErrors.token(refreshing, Platform.FACEBOOK));
    assertThat(later.kind()).isEqualTo(FailureKind.NOT_SENT);
    assertThat(later.code()).isEqualTo("JDIH-PUBLISH-010");
    PlatformCallException dead = catchThrowableOfType(PlatformCallException.class,
        () -> PlatformErrors.token(CredentialProvider.fixed(java.util.Map.of()), Platform.FACEBOOK));
    assertThat(dead.kind()).isEqualTo(FailureKind.AUTH);
  }
}
