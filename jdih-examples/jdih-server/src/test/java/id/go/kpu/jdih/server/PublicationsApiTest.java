package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.publish.PlatformClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * A case's publication intents over HTTP, and a person's answer when the outbox cannot tell whether a Telegram post
 * went out: Telegram here always times out after the request left (ambiguous) and has no way to be asked, so its
 * intent stops as "needs confirmation"; Instagram publishes through the dry run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationsApiTest extends ServerTestSupport {

  static final AtomicInteger TELEGRAM_SENDS = new AtomicInteger();

  /** Telegram times out on every send; the other platforms post to the dry run. */
  @TestConfiguration
  static class AmbiguousTelegram {
    @Bean
    @Primary
    PlatformClients ambiguousTelegram() throws IOException {
      return AmbiguousTelegramClients.clients(Clock.systemUTC(), TELEGRAM_SENDS);
    }
  }

  private Client admin;
  private String caseId;
  private String cases;

  @BeforeAll
  void aCaseAtItsUpload() {
    admin = admin();
    office(admin, "pub-a", "Asia/Jakarta", "19800101200607");
    office(admin, "pub-b", "Asia/Makassar", "19900101200607");
    cases = "/api/v1/offices/pub-a/cases";
    Client kasubag = session("pub-a.kasubag");
    Client tim = session("pub-a.tim");
    caseId = kasubag.post(cases, proposal("Terbit di dua platform"), Map.of("Idempotency-Key", "p-1")).expect(201)
        .json().get("id").asString();
    String path = cases + "/" + caseId;
    kasubag.command(path + "/approve", Map.of()).expect(200);
    tim.multipart(path + "/meeting", List.of(Map.entry("date", "2026-12-03"), Map.entry("attendees", "Rina"),
        Map.entry("conclusions", "Infografis"), Map.entry("equipment", "infocus"),
        Map.entry("equipment", "komputer-laptop"), Map.entry("minutes", new Client.FilePart("notulen.txt",
            "text/plain", "Notulen".getBytes(StandardCharsets.UTF_8)))), Map.of("Idempotency-Key", "p-2"))
        .expect(200);
    session("pub-a.staf").command(path + "/summary", Map.of("summary", "Rangkuman")).expect(200);
    tim.multipart(path + "/design", List.of(Map.entry("images", new Client.FilePart("desain.jpg", "image/jpeg",
        jpeg(1080, 1350)))), Map.of("Idempotency-Key", "p-3")).expect(200);
    kasubag.command(path + "/caption", Map.of("text", "Keterangan #JDIH")).expect(200);
  }

  private String token(String office, String username, String... scopes) {
    return admin.post("/api/v1/offices/" + office + "/tokens", Map.of("label", "uji", "username", username,
        "scopes", List.of(scopes))).expect(201).json().get("token").asString();
  }

  @Test
  void anIntentThatNeedsConfirmationIsAnsweredByTheUploader() {
    Client staf = session("pub-a.staf");
    String publications = cases + "/" + caseId + "/publications";
    JsonNode p = await(staf, publications, j -> j.get("needsConfirmation").size() == 1
        && status(j, "INSTAGRAM").equals("PUBLISHED"));
    assertThat(p.get("intents")).hasSize(2);
    assertThat(p.get("needsConfirmation").get(0).asString()).isEqualTo("TELEGRAM");
    JsonNode telegram = intent(p, "TELEGRAM");
    assertThat(telegram.get("needsConfirmation").asBoolean()).isTrue();
    assertThat(telegram.get("statusLabel").asString()).isEqualTo("perlu konfirmasi");
    assertThat(intent(p, "INSTAGRAM").get("url").asString()).isNotBlank();
    assertThat(intent(staf.language("en").get(publications).expect(200).json(), "TELEGRAM").get("statusLabel")
        .asString()).isEqualTo("needs confirmation");

    // Only the upload activity's role (staf) may answer: not the Tim, not the Kasubag, not a read-only token.
    String confirm = publications + "/TELEGRAM/confirm";
    assertThat(session("pub-a.tim").post(confirm, Map.of("posted", false)).expect(403).json().get("code")
        .asString()).isEqualTo("JDIH-HTTP-002");
    session("pub-a.kasubag").post(confirm, Map.of("posted", false)).expect(403);
    assertThat(Client.withToken(port, token("pub-a", "pub-a.staf", "cases:read")).post(confirm,
        Map.of("posted", false)).expect(403).json().get("code").asString()).isEqualTo("JDIH-HTTP-002");
    assertThat(session("pub-b.staf").post(confirm, Map.of("posted", false)).expect(403).json().get("code")
        .asString()).isEqualTo("JDIH-ACTOR-002");
    new Client(port).post(confirm, Map.of("posted", false)).expect(401);
    staf.post(confirm, Map.of("posted", true)).expect(400); // posted needs its address and id
    staf.post(confirm, Map.of("posted", true, "url", "http://t.me/x", "postId", "1")).expect(400);
    staf.post(publications + "/INSTAGRAM/confirm", Map.of("posted", false)).expect(409); // published already

    // "Not posted": sent again (and here it times out again, so it waits for a person once more).
    int sends = TELEGRAM_SENDS.get();
    staf.post(confirm, Map.of("posted", false)).expect(200);
    await(staf, publications, j -> TELEGRAM_SENDS.get() > sends && j.get("needsConfirmation").size() == 1);

    // "Posted, here it is": the intent is published and the post recorded on the case, which is now published.
    Client writer = Client.withToken(port, token("pub-a", "pub-a.staf", "cases:read", "cases:write"));
    JsonNode done = writer.post(confirm, Map.of("posted", true, "url", "https://t.me/jdih_uji/42", "postId", "42"))
        .expect(200).json();
    assertThat(status(done, "TELEGRAM")).isEqualTo("PUBLISHED");
    assertThat(done.get("needsConfirmation")).isEmpty();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    JsonNode c = staf.get(cases + "/" + caseId).expect(200).json();
    while (!c.get("status").asString().equals("PUBLISHED") && Instant.now().isBefore(deadline)) {
      sleep();
      c = staf.get(cases + "/" + caseId).expect(200).json();
    }
    assertThat(c.get("status").asString()).isEqualTo("PUBLISHED");
    assertThat(c.get("posts").toString()).contains("https://t.me/jdih_uji/42");
    writer.post(confirm, Map.of("posted", false)).expect(409); // nothing waits any more
  }

  @Test
  void anotherOfficeAnonymousAndWrongScopesCannotList() {
    String publications = cases + "/" + caseId + "/publications";
    assertThat(session("pub-b.kasubag").get(publications).expect(403).json().get("code").asString())
        .isEqualTo("JDIH-ACTOR-002");
    assertThat(Client.withToken(port, token("pub-b", "pub-b.kasubag", "cases:read")).get(publications).expect(403)
        .json().get("code").asString()).isEqualTo("JDIH-ACTOR-002");
    new Client(port).get(publications).expect(401);
    assertThat(Client.withToken(port, token("pub-a", "pub-a.kasubag", "reports:read", "sop:read"))
        .get(publications).expect(403).json().get("code").asString()).isEqualTo("JDIH-HTTP-002");
    assertThat(Client.withToken(port, token("pub-a", "pub-a.tim", "cases:read")).get(publications).expect(200)
        .json().get("caseId").asString()).isEqualTo(caseId);
    session("pub-a.tim").get(cases + "/no-such-case/publications").expect(404);
  }

  private static JsonNode intent(JsonNode publications, String platform) {
    for (JsonNode i : publications.get("intents")) {
      if (i.get("platform").asString().equals(platform)) {
        return i;
      }
    }
    throw new AssertionError("no intent for " + platform + ": " + publications);
  }

  private static String status(JsonNode publications, String platform) {
    return intent(publications, platform).get("status").asString();
  }

  private static JsonNode await(Client c, String path, Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      last = c.get(path).expect(200).json();
      if (last.get("intents").size() > 0 && done.test(last)) {
        return last;
      }
      sleep();
    }
    throw new AssertionError("publications did not get there: " + last);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
