package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** One office's case through every activity of the reference SOP over HTTP, and the API's refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerApiTest extends ServerTestSupport {

  private Client admin;

  @BeforeAll
  void offices() {
    admin = admin();
    office(admin, "kab-a", "Asia/Jakarta", "19800101200604");
    office(admin, "kab-b", "Asia/Makassar", "19900101200604");
  }

  private String token(String office, String username, String... scopes) {
    Client.Response r = admin.post("/api/v1/offices/" + office + "/tokens", Map.of("label", "situs JDIH",
        "username", username, "scopes", List.of(scopes))).expect(201);
    assertThat(r.header("Cache-Control").orElse("")).contains("no-store");
    return r.json().get("token").asString();
  }

  @Test
  void aCaseRunsThroughEveryActivityAndIsPublishedByTheOutbox() {
    Client kasubag = session("kab-a.kasubag");
    Client tim = Client.withToken(port, token("kab-a", "kab-a.tim", "cases:read", "cases:write"));
    Client staf = Client.withToken(port, token("kab-a", "kab-a.staf", "cases:read", "cases:write"));
    String cases = "/api/v1/offices/kab-a/cases";

    Client.Response proposed = kasubag.post(cases, proposal("Tahukah kamu: JDIH"),
        Map.of("Idempotency-Key", "usul-1")).expect(201);
    String id = proposed.json().get("id").asString();
    assertThat(proposed.header("Location").orElseThrow()).endsWith(cases + "/" + id);
    assertThat(proposed.header("ETag")).contains("\"1\"");
    assertThat(proposed.json().get("currentActivity").asInt()).isEqualTo(2);
    assertThat(proposed.json().get("sop").asString()).startsWith("kab-a/");

    kasubag.command(cases + "/" + id + "/approve", Map.of("note", "Lanjut")).expect(200);
    Client.Response met = tim.multipart(cases + "/" + id + "/meeting", List.of(
        Map.entry("date", "2026-12-03"), Map.entry("attendees", "Rina"), Map.entry("attendees", "Budi"),
        Map.entry("conclusions", "Infografis"), Map.entry("equipment", "infocus"),
        Map.entry("equipment", "komputer-laptop"),
        Map.entry("minutes", new Client.FilePart("notulen.txt", "text/plain",
            "Notulen rapat".getBytes(StandardCharsets.UTF_8)))), Map.of("Idempotency-Key", "rapat-1")).expect(200);
    String minutesRef = met.json().get("meeting").get("minutes").get("ref").asString();
    assertThat(tim.get(cases + "/" + id + "/media/" + minutesRef).expect(200).text()).isEqualTo("Notulen rapat");

    staf.command(cases + "/" + id + "/summary", Map.of("summary", "Rangkuman")).expect(200);
    Client.Response designed = tim.multipart(cases + "/" + id + "/design", List.of(Map.entry("images",
        new Client.FilePart("desain.jpg", "image/jpeg", jpeg(1080, 1350)))), Map.of("Idempotency-Key", "desain-1"))
        .expect(200);
    JsonNode image = designed.json().get("design").get(0);
    assertThat(image.get("width").asInt()).isEqualTo(1080); // read by the server from the file itself
    assertThat(image.get("height").asInt()).isEqualTo(1350);
    kasubag.command(cases + "/" + id + "/caption", Map.of("text", "Keterangan #JDIH")).expect(200);

    // The worker publishes on both platforms (dry run) and records the posts as the office's publisher.
    JsonNode c = awaitStatus(kasubag, cases + "/" + id, "PUBLISHED");
    assertThat(c.get("posts")).hasSize(2);
    JsonNode timeline = kasubag.get(cases + "/" + id + "/timeline").expect(200).json();
    assertThat(timeline.get("rows")).hasSize(7);
    assertThat(timeline.get("rows").get(6).get("doneBy").asString()).isEqualTo("Orang kab-a.staf");
    JsonNode events = staf.get(cases + "/" + id + "/events").expect(200).json();
    assertThat(events.size()).isGreaterThanOrEqualTo(7);
    assertThat(kasubag.get(cases + "?status=PUBLISHED").expect(200).json().get("items").toString()).contains(id);

    // Each hand-off was recorded and told (through the log until the office sets up e-mail or Telegram).
    JsonNode told = staf.get("/api/v1/offices/kab-a/notifications?limit=100").expect(200).json();
    assertThat(told.toString()).contains(id).contains("\"channel\":\"log\"");
    assertThat(told.findValuesAsString("caseId")).allSatisfy(x -> assertThat(x).startsWith("kab-a-"));
  }

  /**
   * The task list and the board (their open cases read with one query) show the office's open cases and no other
   * office's; the overdue list answers for the office alone.
   */
  @Test
  void tasksAndBoardShowTheOfficesOwnOpenCases() {
    Client kasubagA = session("kab-a.kasubag");
    Client kasubagB = session("kab-b.kasubag");
    String mine = kasubagA.post("/api/v1/offices/kab-a/cases", proposal("Papan kab-a terbuka"),
        Map.of("Idempotency-Key", "papan-a")).expect(201).json().get("id").asString();
    kasubagB.post("/api/v1/offices/kab-b/cases", proposal("Papan kab-b terbuka"),
        Map.of("Idempotency-Key", "papan-b")).expect(201);

    String tasks = kasubagA.get("/").expect(200).text(); // activity 2 (approval) is the kasubag's
    assertThat(tasks).contains("Papan kab-a terbuka").contains(mine).doesNotContain("Papan kab-b terbuka");
    String board = kasubagA.get("/papan").expect(200).text();
    assertThat(board).contains("Papan kab-a terbuka").doesNotContain("Papan kab-b terbuka");
    assertThat(kasubagB.get("/papan").expect(200).text()).contains("Papan kab-b terbuka")
        .doesNotContain("Papan kab-a terbuka");
    JsonNode overdue = kasubagA.get("/api/v1/offices/kab-a/cases?overdue=true").expect(200).json();
    assertThat(overdue.get("items").toString()).doesNotContain("kab-b-");
  }

  @Test
  void anotherOfficesPeopleAndTokensAndAnonymousCallersSeeNothing() {
    Client kasubag = session("kab-a.kasubag");
    String id = kasubag.post("/api/v1/offices/kab-a/cases", proposal("Rahasia A"), Map.of("Idempotency-Key",
        "a-1")).expect(201).json().get("id").asString();
    String path = "/api/v1/offices/kab-a/cases/" + id;

    Client other = session("kab-b.kasubag");
    Client.Response r = other.get(path).expect(403);
    assertThat(r.header("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(r.json().get("code").asString()).isEqualTo("JDIH-ACTOR-002");
    assertThat(r.text()).doesNotContain("Rahasia");
    other.command(path + "/approve", Map.of()).expect(403);
    other.get("/api/v1/offices/kab-a/cases").expect(403);
    other.get("/api/v1/offices/kab-a/people").expect(403);
    other.get("/api/v1/offices/no-such-office/cases").expect(403); // no probing of which offices exist

    Client otherToken = Client.withToken(port, token("kab-b", "kab-b.kasubag", "cases:read", "cases:write"));
    otherToken.get(path).expect(403);
    otherToken.get("/api/v1/offices/kab-a/cases").expect(403);

    Client anonymous = new Client(port);
    Client.Response a = anonymous.get(path).expect(401);
    assertThat(a.json().get("code").asString()).isEqualTo("JDIH-HTTP-007");
    assertThat(a.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
    anonymous.post(path + "/approve", Map.of()).expect(401);
    Client.withToken(port, "jdih_aaaaaaaaaaaaaaaa_" + "b".repeat(52)).get(path).expect(401);

    // A read-only token cannot act, and the case is unchanged.
    Client reader = Client.withToken(port, token("kab-a", "kab-a.kasubag", "cases:read"));
    assertThat(reader.command(path + "/approve", Map.of()).expect(403).json().get("code").asString())
        .isEqualTo("JDIH-HTTP-002");
    assertThat(reader.get(path).expect(200).json().get("version").asLong()).isEqualTo(1);
  }

  @Test
  void idempotencyKeysAndVersionsGuardCommands() {
    Client kasubag = session("kab-a.kasubag");
    String cases = "/api/v1/offices/kab-a/cases";
    Client.Response first = kasubag.post(cases, proposal("Sekali saja"), Map.of("Idempotency-Key", "k-1"))
        .expect(201);
    Client.Response again = kasubag.post(cases, proposal("Sekali saja"), Map.of("Idempotency-Key", "k-1"))
        .expect(200);
    assertThat(again.header("Idempotent-Replayed")).contains("true");
    assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    assertThat(again.json().get("version").asLong()).isEqualTo(1);
    Client.Response reused = kasubag.post(cases, proposal("Lain"), Map.of("Idempotency-Key", "k-1")).expect(422);
    assertThat(reused.json().get("code").asString()).isEqualTo("JDIH-HTTP-003");
    kasubag.post(cases, proposal("Tanpa kunci")).expect(428);

    String path = cases + "/" + first.json().get("id").asString();
    Client.Response stale = kasubag.post(path + "/approve", Map.of(), Map.of("Idempotency-Key", "k-2",
        "If-Match", "\"7\"")).expect(412);
    assertThat(stale.json().get("code").asString()).isEqualTo("JDIH-HTTP-004");
    kasubag.post(path + "/approve", Map.of(), Map.of("Idempotency-Key", "k-3", "If-Match", "\"1\"")).expect(200);
  }

  @Test
  void refusalsNameTheRuleInTheCallersLanguage() {
    Client kasubag = session("kab-a.kasubag");
    String id = kasubag.post("/api/v1/offices/kab-a/cases", proposal("Bahasa"), Map.of("Idempotency-Key", "l-1"))
        .expect(201).json().get("id").asString();
    Client staf = session("kab-a.staf");
    Client.Response id1 = staf.command("/api/v1/offices/kab-a/cases/" + id + "/approve", Map.of()).expect(403);
    assertThat(id1.json().get("code").asString()).isEqualTo("JDIH-CASE-001");
    assertThat(id1.json().get("type").asString()).isEqualTo("urn:jdih:problem:JDIH-CASE-001");
    Client.Response en = staf.language("en").command("/api/v1/offices/kab-a/cases/" + id + "/approve", Map.of())
        .expect(403);
    assertThat(en.json().get("detail").asString()).isNotEqualTo(id1.json().get("detail").asString());

    Client.Response invalid = kasubag.command("/api/v1/offices/kab-a/cases", Map.of("title", "",
        "category", "PUISI", "material", "x", "platforms", List.of())).expect(400);
    assertThat(invalid.json().get("code").asString()).isEqualTo("JDIH-HTTP-005");
    assertThat(invalid.json().get("errors").toString()).contains("title", "category", "platforms");
  }

  @Test
  void sessionsNeedTheCsrfTokenAndRepeatedWrongPasswordsLockTheAccount() {
    Client noCsrf = new Client(port);
    noCsrf.login("kab-a.kasubag", PASSWORD);
    noCsrf.post("/api/v1/offices/kab-a/cases", proposal("Tanpa CSRF"), Map.of("Idempotency-Key", "c-1"))
        .expect(403);

    admin.put("/api/v1/offices/kab-b/people/kab-b.korban", Map.of("nip", "199001012006040099", "name", "Korban",
        "roles", List.of("staf"), "officeAdmin", false, "password", PASSWORD)).expect(200);
    for (int i = 0; i < 3; i++) {
      assertThat(new Client(port).login("kab-b.korban", "wrong-password").header("Location").orElse(""))
          .contains("error");
    }
    // Locked now: even the right password is refused until the lock-out ends.
    assertThat(new Client(port).login("kab-b.korban", PASSWORD).header("Location").orElse("")).contains("error");
    assertThat(accounts.find("kab-b.korban").orElseThrow().lockedAt(Instant.now())).isTrue();
  }
}
