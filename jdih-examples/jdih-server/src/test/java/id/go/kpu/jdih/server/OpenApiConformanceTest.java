package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The served OpenAPI document tells the truth: a realistic scenario over real HTTP (offices, people, tokens, a case
 * through every activity with its multipart uploads, and the usual refusals), then every exchange under
 * {@code /api/v1} is checked against the document: it matches an operation, its status is documented there, and
 * its JSON request and response bodies are valid against the operation's schemas (JSON Schema 2020-12).
 */
class OpenApiConformanceTest extends ServerTestSupport {

  private final List<Client> clients = new ArrayList<>();

  private Client track(Client c) {
    clients.add(c);
    return c;
  }

  @Test
  void everyExchangeOfARealisticScenarioIsWhatTheDocumentSays() {
    scenario();
    OpenApiDoc doc = OpenApiDoc.of(port);
    List<String> failures = new ArrayList<>();
    Set<String> covered = new LinkedHashSet<>();
    int checked = 0;
    for (Client c : clients) {
      for (Client.Exchange e : c.exchanges()) {
        if (!e.path().startsWith("/api/v1/") || e.path().startsWith("/api/v1/openapi.json")) {
          continue;
        }
        checked++;
        String what = e.method() + " " + e.path() + " -> " + e.status();
        Optional<OpenApiDoc.Operation> op = doc.find(e.method(), e.path());
        if (op.isEmpty()) {
          failures.add(what + ": no operation in the document");
          continue;
        }
        covered.add(op.get() + " " + e.status());
        if (e.status() >= 500) {
          failures.add(what + ": a server error: " + text(e.responseBody()));
        }
        if (!op.get().documents(e.status())) {
          failures.add(what + ": status not documented for " + op.get());
          continue;
        }
        String requestType = mediaType(e.requestContentType());
        if (requestType != null) {
          if (!op.get().requestMediaTypes().contains(requestType)) {
            failures.add(what + ": request media type " + requestType + " not documented");
          } else if (requestType.equals("application/json")) {
            // A valid request may be refused for other reasons; one the schema says is invalid must be refused
            // as malformed (400) if the caller got that far (401 and 403 come first).
            List<String> invalid = doc.validateRequest(op.get(), requestType, Client.JSON.readTree(e.requestBody()));
            if (!invalid.isEmpty() && !List.of(400, 401, 403).contains(e.status())) {
              invalid.forEach(err -> failures.add(what + ": request body: " + err));
            }
          }
        }
        String responseType = mediaType(e.responseContentType());
        if (e.responseBody().length == 0) {
          if (e.status() != 204 && e.status() != 304) {
            failures.add(what + ": an empty body");
          }
          continue;
        }
        if (responseType != null && (responseType.equals("application/json") || responseType.endsWith("+json"))) {
          doc.validateResponse(op.get(), e.status(), responseType, Client.JSON.readTree(e.responseBody()))
              .forEach(err -> failures.add(what + ": response body: " + err + " in " + abbreviate(e)));
        } else if (!op.get().node().path("responses").path(String.valueOf(e.status())).path("content")
            .has("*/*") && !op.get().node().path("responses").path(String.valueOf(e.status())).path("content")
            .has(String.valueOf(responseType))) {
          failures.add(what + ": response media type " + responseType + " not documented");
        }
      }
    }
    assertThat(failures).as("exchanges that differ from the OpenAPI document").isEmpty();
    assertThat(checked).isGreaterThan(50);
    // The scenario reaches every operation of the cases and offices the document has today.
    assertThat(covered.stream().map(s -> s.substring(0, s.lastIndexOf(' '))).distinct().count())
        .as("operations covered: %s", covered).isGreaterThanOrEqualTo(25);
  }

  @Test
  void theValidationIsNotVacuous() {
    OpenApiDoc doc = OpenApiDoc.of(port);
    OpenApiDoc.Operation get = doc.find("GET", "/api/v1/offices/x/cases/y").orElseThrow();
    assertThat(get.template()).isEqualTo("/api/v1/offices/{office}/cases/{caseId}");
    assertThat(doc.validateResponse(get, 404, "application/problem+json", Client.JSON.readTree(
        "{\"type\":\"urn:jdih:problem:JDIH-HTTP-001\",\"title\":\"Not Found\",\"status\":404,"
            + "\"code\":\"JDIH-HTTP-001\"}"))).isEmpty();
    assertThat(doc.validateResponse(get, 404, "application/problem+json", Client.JSON.readTree(
        "{\"title\":\"Not Found\",\"status\":\"404\",\"errors\":[{\"field\":1}]}")))
        .as("a problem without type and code, a string status, an error without rule").hasSizeGreaterThan(3);
    assertThat(doc.validateResponse(get, 200, "application/json", Client.JSON.readTree(
        "{\"id\":\"y\",\"version\":\"one\",\"design\":{}}"))).hasSizeGreaterThanOrEqualTo(2);
    assertThat(doc.validateResponse(get, 200, "application/problem+json", Client.JSON.readTree("{}")))
        .as("an undocumented media type").isNotEmpty();
    OpenApiDoc.Operation propose = doc.find("POST", "/api/v1/offices/x/cases").orElseThrow();
    assertThat(doc.validateRequest(propose, "application/json", Client.JSON.readTree(
        "{\"title\":\"t\",\"category\":\"XPRODUK_HUKUM\",\"material\":\"m\",\"platforms\":[\"INSTAGRAM\"]}")))
        .as("patterns match whole values, as @Pattern does").hasSize(1);
  }

  private void scenario() {
    Client admin = track(admin());
    office(admin, "cf-a", "Asia/Jakarta", "19810101200604");
    office(admin, "cf-b", "Asia/Makassar", "19910101200604");
    admin.get("/api/v1/offices").expect(200);
    admin.get("/api/v1/offices/cf-a").expect(200);
    admin.get("/api/v1/offices/cf-a/people").expect(200);
    admin.get("/api/v1/me").expect(200);
    admin.post("/api/v1/offices", Map.of("id", "cf-a", "name", "Lagi", "unit", "Hukum", "zone", "Asia/Jakarta"))
        .expect(409);
    admin.post("/api/v1/offices", Map.of("id", "cf-c", "name", "C", "unit", "Hukum", "zone", "Mars/Olympus"))
        .expect(400);
    admin.put("/api/v1/offices/cf-a/people/cf-a.lain", Map.of("nip", "1", "name", "", "roles", List.of("x"),
        "officeAdmin", false)).expect(400);
    admin.put("/api/v1/offices/cf-a/publisher", Map.of("username", "cf-b.staf")).expect(400);

    String timToken = token(admin, "cf-a", "cf-a.tim", "cases:read", "cases:write");
    String stafToken = token(admin, "cf-a", "cf-a.staf", "cases:read", "cases:write", "sop:read");
    JsonNode tokens = admin.get("/api/v1/offices/cf-a/tokens").expect(200).json();
    String spare = admin.post("/api/v1/offices/cf-a/tokens", Map.of("label", "cadangan", "username", "cf-a.staf",
        "scopes", List.of("cases:read"), "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString()))
        .expect(201).json().get("id").asString();
    admin.delete("/api/v1/offices/cf-a/tokens/" + spare).expect(204);
    admin.delete("/api/v1/offices/cf-a/tokens/" + spare + "x").expect(404);
    assertThat(tokens.size()).isEqualTo(2);

    Client kasubag = track(session("cf-a.kasubag"));
    Client tim = track(Client.withToken(port, timToken));
    Client staf = track(Client.withToken(port, stafToken));
    kasubag.get("/api/v1/me").expect(200);
    staf.get("/api/v1/me").expect(200);
    staf.get("/api/v1/offices").expect(200);
    staf.get("/api/v1/offices/cf-a").expect(200);
    kasubag.get("/api/v1/csrf").expect(200);
    String cases = "/api/v1/offices/cf-a/cases";

    Client.Response proposed = kasubag.post(cases, proposal("Tahukah kamu: JDIH"), Map.of("Idempotency-Key", "u-1"))
        .expect(201);
    kasubag.post(cases, proposal("Tahukah kamu: JDIH"), Map.of("Idempotency-Key", "u-1")).expect(200);
    kasubag.post(cases, proposal("Lain"), Map.of("Idempotency-Key", "u-1")).expect(422);
    kasubag.post(cases, proposal("Tanpa kunci")).expect(428);
    kasubag.command(cases, Map.of("title", "", "category", "PUISI", "material", "x", "platforms", List.of()))
        .expect(400);
    kasubag.command(cases, Map.of("title", "Dengan produk hukum", "category", "PRODUK_HUKUM", "material", "Isi",
        "platforms", List.of("INSTAGRAM"), "legalProduct", Map.of("documentType", "Keputusan", "title", "Tentang X",
            "issuingBody", "KPU", "number", "12", "form", "Keputusan", "year", 2026))).expect(201);
    String id = proposed.json().get("id").asString();
    String path = cases + "/" + id;
    kasubag.post(path + "/approve", Map.of(), Map.of("Idempotency-Key", "a-0", "If-Match", "\"7\"")).expect(412);
    track(session("cf-a.staf")).command(path + "/approve", Map.of()).expect(403);
    kasubag.command(path + "/summary", Map.of("summary", "Belum waktunya")).expect(409);
    kasubag.post(path + "/approve", Map.of("note", "Lanjut"), Map.of("Idempotency-Key", "a-1", "If-Match", "\"1\""))
        .expect(200);
    Client.Response met = tim.multipart(path + "/meeting", List.of(
        Map.entry("date", "2026-12-03"), Map.entry("attendees", "Rina"), Map.entry("attendees", "Budi"),
        Map.entry("conclusions", "Infografis"), Map.entry("equipment", "infocus"),
        Map.entry("equipment", "komputer-laptop"), Map.entry("minutes",
        new Client.FilePart("notulen.txt", "text/plain",
            "Notulen rapat".getBytes(StandardCharsets.UTF_8)))), Map.of("Idempotency-Key", "m-1")).expect(200);
    String minutes = met.json().get("meeting").get("minutes").get("ref").asString();
    tim.get(path + "/media/" + minutes).expect(200);
    tim.get(path + "/media/nothing-here").expect(404);
    staf.command(path + "/summary", Map.of("summary", "Rangkuman")).expect(200);
    tim.multipart(path + "/design", List.of(Map.entry("images", new Client.FilePart("bukan.jpg", "image/jpeg",
        "bukan gambar".getBytes(StandardCharsets.UTF_8)))), Map.of("Idempotency-Key", "d-0")).expect(400);
    tim.multipart(path + "/design", List.of(Map.entry("images", new Client.FilePart("desain.jpg", "image/jpeg",
        jpeg(1080, 1350)))), Map.of("Idempotency-Key", "d-1")).expect(200);
    kasubag.command(path + "/caption", Map.of("text", "Keterangan #JDIH", "perPlatform",
        Map.of("TELEGRAM", "Keterangan untuk Telegram"))).expect(200);
    awaitStatus(kasubag, path, "PUBLISHED");
    kasubag.get(path + "/timeline").expect(200);
    staf.get(path + "/events").expect(200);
    kasubag.get(cases + "?status=PUBLISHED").expect(200);
    kasubag.get(cases + "?overdue=true").expect(200);
    kasubag.get(cases + "?limit=0").expect(400);
    kasubag.get(cases + "/no-such-case").expect(404);
    kasubag.command(path + "/publications", Map.of("posts", List.of(Map.of("platform", "INSTAGRAM", "postId", "1",
        "url", "https://instagram.com/p/1", "publishedAt", Instant.now().toString())))).expect(409);
    kasubag.command(path + "/task", Map.of("result", "Selesai")).expect(409);
    kasubag.command(path + "/withdraw", Map.of("reason", "Terlambat")).expect(409);

    String second = kasubag.command(cases, proposal("Ditolak")).expect(201).json().get("id").asString();
    kasubag.command(cases + "/" + second + "/reject", Map.of("reason", "Perbaiki judul")).expect(200);
    String third = kasubag.command(cases, proposal("Ditarik")).expect(201).json().get("id").asString();
    kasubag.command(cases + "/" + third + "/withdraw", Map.of("reason", "Tidak jadi")).expect(200);

    // Refusals: another office, anonymous, a wrong token, no CSRF token.
    Client other = track(session("cf-b.kasubag"));
    other.get(path).expect(403);
    other.command(path + "/approve", Map.of()).expect(403);
    other.get("/api/v1/offices/cf-a/people").expect(403);
    other.get("/api/v1/offices/cf-a").expect(403);
    Client anonymous = track(new Client(port));
    anonymous.get(path).expect(401);
    anonymous.get("/api/v1/me").expect(401);
    anonymous.post(path + "/approve", Map.of()).expect(401);
    track(Client.withToken(port, "jdih_aaaaaaaaaaaaaaaa_" + "b".repeat(52))).get(cases).expect(401);
    Client noCsrf = track(new Client(port));
    noCsrf.login("cf-a.kasubag", PASSWORD);
    noCsrf.post(cases, proposal("Tanpa CSRF"), Map.of("Idempotency-Key", "c-1")).expect(403);
    track(session("cf-a.tim")).get("/api/v1/offices/cf-a/tokens").expect(403);
  }

  private String token(Client admin, String office, String username, String... scopes) {
    return admin.post("/api/v1/offices/" + office + "/tokens", Map.of("label", "situs JDIH", "username", username,
        "scopes", List.of(scopes))).expect(201).json().get("token").asString();
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
  }

  private static String text(byte[] body) {
    String s = new String(body, StandardCharsets.UTF_8);
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  private static String abbreviate(Client.Exchange e) {
    return text(e.responseBody());
  }
}
