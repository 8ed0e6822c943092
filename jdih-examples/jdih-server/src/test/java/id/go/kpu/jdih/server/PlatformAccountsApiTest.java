package id.go.kpu.jdih.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import id.go.kpu.jdih.server.platforms.SignedMediaUrls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An office's Telegram account over the API, its bot token in a secret file: the Bot API emulated by WireMock on
 * 127.0.0.1 receives the post with the token from the file in its path, while no API response and no log line ever
 * holds the token. Only the office's administrators may see or set its accounts; a pasted token is refused. Also the
 * signed public addresses of design images that the Graph APIs fetch.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.id.go.kpu.jdih=DEBUG",
    "jdih.server.public-media-base=https://jdih.example.go.id"})
class PlatformAccountsApiTest extends ServerTestSupport {

  static final String BOT_TOKEN = "7312345678:AAFakeBotTokenForTheTestOnly_0123456789ab";
  static final String PASTED = "6123456789:AAAnotherPastedTokenThatMustNotBeStored_xyz";
  static final WireMockServer TELEGRAM = new WireMockServer(WireMockConfiguration.options().dynamicPort()
      .bindAddress("127.0.0.1").notifier(new Silent()));

  @Autowired
  SignedMediaUrls mediaUrls;

  @DynamicPropertySource
  static void telegram(DynamicPropertyRegistry r) {
    TELEGRAM.start();
    r.add("jdih.server.platform-base.telegram", () -> "http://127.0.0.1:" + TELEGRAM.port());
  }

  @AfterAll
  static void stop() {
    TELEGRAM.stop();
  }

  @Test
  void anOfficePublishesToTelegramWithTheTokenFromItsSecretFile(CapturedOutput output) throws IOException {
    Path secret = Files.createTempFile("jdih-telegram", ".token");
    Files.writeString(secret, BOT_TOKEN + "\n", StandardCharsets.UTF_8);
    TELEGRAM.stubFor(post(urlPathMatching("/bot[^/]+/sendPhoto")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"ok\":true,\"result\":{\"message_id\":77,\"date\":1764800000}}")));

    Client admin = admin();
    office(admin, "tg-a", "Asia/Jakarta", "19800101200608");
    office(admin, "tg-b", "Asia/Jakarta", "19900101200608");
    Client kasubag = session("tg-a.kasubag");
    String platforms = "/api/v1/offices/tg-a/platforms";

    // Who may: the office's administrators (and a server administrator); nobody else, never a token.
    new Client(port).get(platforms).expect(401);
    new Client(port).put(platforms + "/TELEGRAM", Map.of()).expect(401);
    assertThat(session("tg-b.kasubag").get(platforms).expect(403).json().get("code").asString())
        .isEqualTo("JDIH-ACTOR-002");
    session("tg-b.kasubag").put(platforms + "/TELEGRAM", account("@jdih_uji", "env:JDIH_TEST_X")).expect(403);
    session("tg-a.tim").get(platforms).expect(403);
    String apiToken = admin.post("/api/v1/offices/tg-a/tokens", Map.of("label", "uji", "username", "tg-a.kasubag",
        "scopes", List.of("cases:read", "cases:write", "sop:read", "reports:read"))).expect(201).json()
        .get("token").asString();
    Client.withToken(port, apiToken).get(platforms).expect(403);
    assertThat(kasubag.get(platforms).expect(200).json()).isEmpty();

    // A pasted token, a relative path, '..', the server's own variables, a bad chat id or address: 400, no echo.
    Client.Response pasted = kasubag.put(platforms + "/TELEGRAM", account("@jdih_uji", PASTED)).expect(400);
    assertThat(pasted.json().get("errors").get(0).get("field").asString()).isEqualTo("secretRef");
    assertThat(pasted.json().get("errors").get(0).get("rule").asString()).isEqualTo("NotARawToken");
    assertThat(pasted.text()).doesNotContain(PASTED).doesNotContain("AAAnother");
    assertThat(field(kasubag.put(platforms + "/TELEGRAM", account("@jdih_uji", "file:relative/token"))
        .expect(400))).isEqualTo("secretRef");
    assertThat(field(kasubag.put(platforms + "/TELEGRAM", account("@jdih_uji", "file:/run/secrets/../../etc/x"))
        .expect(400))).isEqualTo("secretRef");
    assertThat(field(kasubag.put(platforms + "/TELEGRAM", account("@jdih_uji", "env:SPRING_DATASOURCE_PASSWORD"))
        .expect(400))).isEqualTo("secretRef");
    assertThat(field(kasubag.put(platforms + "/TELEGRAM", account("@ab", "env:JDIH_TG")).expect(400)))
        .isEqualTo("accountId");
    assertThat(field(kasubag.put(platforms + "/TELEGRAM", Map.of("accountId", "@jdih_uji", "displayUrl",
        "http://t.me/jdih_uji", "secretRef", "env:JDIH_TG")).expect(400))).isEqualTo("displayUrl");
    assertThat(field(kasubag.put(platforms + "/X", Map.of("accountId", "12345", "displayUrl", "https://example.org/a",
        "secretRef", "env:JDIH_X")).expect(400))).isEqualTo("displayUrl");
    kasubag.put(platforms + "/MYSPACE", account("@jdih_uji", "env:JDIH_TG")).expect(400);

    // A variable that is not set: accepted, but not available.
    JsonNode unset = kasubag.put(platforms + "/TELEGRAM", account("@jdih_uji", "env:JDIH_TEST_SURELY_UNSET_7"))
        .expect(200).json();
    assertThat(unset.get("secretAvailable").asBoolean()).isFalse();
    // The secret file: available, and only that is said of it.
    JsonNode set = kasubag.put(platforms + "/TELEGRAM", account("@jdih_uji", "file:" + secret)).expect(200).json();
    assertThat(set.get("secretAvailable").asBoolean()).isTrue();
    assertThat(set.get("secretRef").asString()).isEqualTo("file:" + secret);
    JsonNode listed = admin.get(platforms).expect(200).json();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("platform").asString()).isEqualTo("TELEGRAM");
    assertThat(listed.get(0).get("accountId").asString()).isEqualTo("@jdih_uji");
    assertThat(listed.get(0).get("secretAvailable").asBoolean()).isTrue();

    // A case of tg-a through to its publication on Telegram.
    String cases = "/api/v1/offices/tg-a/cases";
    Client tim = session("tg-a.tim");
    String id = kasubag.post(cases, Map.of("title", "Terbit di Telegram", "category", "INFORMASI_HUKUM", "material",
        "Materi", "platforms", List.of("TELEGRAM")), Map.of("Idempotency-Key", "tg-1")).expect(201).json().get("id")
        .asString();
    String path = cases + "/" + id;
    kasubag.command(path + "/approve", Map.of()).expect(200);
    tim.multipart(path + "/meeting", List.of(Map.entry("date", "2026-12-03"), Map.entry("attendees", "Rina"),
        Map.entry("conclusions", "Infografis"), Map.entry("equipment", "infocus"),
        Map.entry("equipment", "komputer-laptop"), Map.entry("minutes", new Client.FilePart("notulen.txt", "text/plain",
            "Notulen".getBytes(StandardCharsets.UTF_8)))), Map.of("Idempotency-Key", "tg-2")).expect(200);
    session("tg-a.staf").command(path + "/summary", Map.of("summary", "Rangkuman")).expect(200);
    JsonNode designed = tim.multipart(path + "/design", List.of(Map.entry("images", new Client.FilePart("desain.jpg",
        "image/jpeg", jpeg(1080, 1350)))), Map.of("Idempotency-Key", "tg-3")).expect(200).json();
    kasubag.command(path + "/caption", Map.of("text", "Keterangan #JDIH")).expect(200);

    JsonNode c = awaitStatus(kasubag, path, "PUBLISHED");
    assertThat(c.get("posts").toString()).contains("https://t.me/jdih_uji/77");
    TELEGRAM.verify(1, postRequestedFor(urlPathEqualTo("/bot" + BOT_TOKEN + "/sendPhoto")));

    // The public address of the design image: served with a valid signature only, with its content type.
    String ref = designed.get("design").get(0).get("ref").asString();
    String minutes = c.get("meeting").get("minutes").get("ref").asString();
    long later = Instant.now().plusSeconds(60).getEpochSecond();
    Client anonymous = new Client(port);
    Client.Response image = anonymous.get(mediaUrls.path(ref, later)).expect(200);
    assertThat(image.header("Content-Type").orElse("")).startsWith("image/jpeg");
    assertThat(image.body()).isEqualTo(kasubag.get(path + "/media/" + ref).expect(200).body());
    String signed = mediaUrls.path(ref, later);
    anonymous.get(signed.substring(0, signed.length() - 1) + (signed.endsWith("0") ? "1" : "0")).expect(404);
    anonymous.get(mediaUrls.path(ref, Instant.now().minusSeconds(5).getEpochSecond())).expect(404);
    anonymous.get("/public-media/" + ref).expect(404);
    anonymous.get(mediaUrls.path(minutes, later)).expect(404); // not an image
    anonymous.get(mediaUrls.path("sha256:" + "0".repeat(64), later)).expect(404); // no such file
    kasubag.get("/public-media/" + ref + "?exp=" + later + "&sig=" + "0".repeat(64)).expect(404); // logged in
    assertThat(mediaUrls.publicUrl(new id.go.kpu.jdih.content.MediaItem(ref, "image/jpeg", 1080, 1350, 1, ref
        .substring(7))).toString()).startsWith("https://jdih.example.go.id/public-media/" + ref + "?exp=");

    // Removing the account: tg-a's posts go to the dry run again.
    kasubag.delete(platforms + "/TELEGRAM").expect(204);
    kasubag.delete(platforms + "/TELEGRAM").expect(404);
    assertThat(kasubag.get(platforms).expect(200).json()).isEmpty();

    // The token never left the server but to the Bot API: not in any response, not in any log line.
    for (Client client : List.of(admin, kasubag, tim)) {
      for (Client.Exchange e : client.exchanges()) {
        assertThat(new String(e.responseBody(), StandardCharsets.UTF_8)).as("%s %s", e.method(), e.path())
            .doesNotContain(BOT_TOKEN).doesNotContain("AAFakeBotToken").doesNotContain(PASTED);
      }
    }
    assertThat(output.getAll()).contains("sendPhoto").doesNotContain(BOT_TOKEN).doesNotContain("AAFakeBotToken")
        .doesNotContain(PASTED).doesNotContain("AAAnother");
  }

  private static Map<String, Object> account(String chat, String secretRef) {
    return Map.of("accountId", chat, "displayUrl", "https://t.me/jdih_uji", "secretRef", secretRef);
  }

  private static String field(Client.Response r) {
    return r.json().get("errors").get(0).get("field").asString();
  }

  /** WireMock says nothing: what it would print is not the server's output. */
  static final class Silent implements Notifier {
    @Override
    public void info(String message) {}

    @Override
    public void error(String message) {}

    @Override
    public void error(String message, Throwable t) {}
  }
}
