package id.go.kpu.jdih.publish.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.PlatformCallException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every answer is bounded in size and every call in time, body included; tokens go over TLS only. */
class HttpApiLimitsTest {

  private static final AccessToken TOKEN = AccessToken.of("EAAB-secret-token-123456");
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

  private static HttpApi api(Duration callTimeout) {
    return new HttpApi(Platform.FACEBOOK, new Endpoint(URI.create(server.baseUrl()), callTimeout,
        Duration.ofSeconds(3)));
  }

  @Test
  void anAnswerOverTheDefaultLimitFailsInsteadOfFillingTheHeap() {
    byte[] big = new byte[5 * 1024 * 1024]; // over the default 4 MiB
    java.util.Arrays.fill(big, (byte) 'a');
    server.stubFor(get(urlPathEqualTo("/big")).willReturn(aResponse().withStatus(200).withBody(big)));
    PlatformCallException e = catchThrowableOfType(PlatformCallException.class,
        () -> api(Duration.ofSeconds(20)).send(ApiCall.get("/big").bearer(TOKEN).build()));
    assertThat(e).isNotNull();
    assertThat(e.platformCode()).isEqualTo("HTTP-BODY-TOO-LARGE");
    assertThat(e.kind()).isEqualTo(FailureKind.NOT_SENT);
  }

  @Test
  void theLimitIsConfigurableAndCountsTheBytesWhetherOrNotTheirLengthIsDeclared() {
    HttpApi small = new HttpApi(Platform.FACEBOOK, new Endpoint(URI.create(server.baseUrl()), Duration.ofSeconds(5),
        Duration.ofSeconds(3)).withMaxResponseBytes(1024));
    String body = "{\"id\":\"" + "7".repeat(2000) + "\"}";
    server.stubFor(post(urlPathEqualTo("/declared")).willReturn(aResponse().withStatus(200).withBody(body)));
    server.stubFor(post(urlPathEqualTo("/chunked")).willReturn(aResponse().withStatus(200).withBody(body)
        .withChunkedDribbleDelay(4, 200)));
    server.stubFor(post(urlPathEqualTo("/fits")).willReturn(aResponse().withStatus(200).withBody("{\"id\":\"7\"}")));
    for (String path : new String[] {"/declared", "/chunked"}) {
      PlatformCallException e = catchThrowableOfType(PlatformCallException.class,
          () -> small.send(ApiCall.post(path).json("{}").bearer(TOKEN).publishing().build()));
      assertThat(e).as(path).isNotNull();
      assertThat(e.platformCode()).isEqualTo("HTTP-BODY-TOO-LARGE");
      assertThat(e.kind()).as("the post may exist").isEqualTo(FailureKind.AMBIGUOUS);
      assertThat(e.text().en()).contains("over the limit of 1024 bytes");
    }
    assertThat(small.send(ApiCall.post("/fits").json("{}").bearer(TOKEN).build()).text("/id")).contains("7");
  }

  @Test
  void aBodyThatDripsPastTheTimeOutFailsAtTheTimeOut() {
    // The headers come at once; the body in 10 chunks over 4 s.
    server.stubFor(post(urlPathEqualTo("/drip")).willReturn(aResponse().withStatus(200)
        .withBody("{\"id\":\"" + "1".repeat(200) + "\"}").withChunkedDribbleDelay(10, 4000)));
    long start = System.nanoTime();
    PlatformCallException e = catchThrowableOfType(PlatformCallException.class,
        () -> api(Duration.ofMillis(800)).send(ApiCall.post("/drip").json("{}").bearer(TOKEN).publishing().build()));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(e).isNotNull();
    assertThat(e.platformCode()).isEqualTo("HTTP-TIMEOUT");
    assertThat(e.kind()).isEqualTo(FailureKind.AMBIGUOUS);
    assertThat(millis).as("the call ends at its time-out, not when the body is done").isLessThan(3000);
  }

  @Test
  void tokensAreNotSentInPlainTextToAnotherHost() {
    Throwable e = catchThrowable(() -> new Endpoint(URI.create("http://graph.facebook.com/v21.0"),
        Duration.ofSeconds(5), Duration.ofSeconds(5)));
    assertThat(e).isInstanceOf(JdihException.class);
    assertThat(((JdihException) e).code()).isEqualTo("JDIH-ENDPOINT-001");
    assertThat(((JdihException) e).text().id()).contains("https");
    assertThat(((JdihException) e).text().en()).contains("https");
    // loopback is fine (a local emulator or proxy), and https anywhere
    assertThat(Endpoint.of("http://127.0.0.1:8080").baseUrl().getHost()).isEqualTo("127.0.0.1");
    assertThat(Endpoint.of("http://localhost:8080").baseUrl().getHost()).isEqualTo("localhost");
    assertThat(Endpoint.of("http://[::1]:8080").baseUrl().getHost()).isEqualTo("[::1]");
    assertThat(Endpoint.of("https://graph.facebook.com/v21.0").baseUrl().getScheme()).isEqualTo("https");
    assertThat(catchThrowable(() -> Endpoint.of("http://127.0.0.1.example.org"))).isInstanceOf(JdihException.class);
    assertThat(catchThrowable(() -> Endpoint.of("http://10.0.0.1"))).isInstanceOf(JdihException.class);
  }
}
