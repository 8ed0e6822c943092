package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.definition.json.SopDefinitionJson;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopIdentity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the served OpenAPI document, so that operations added later are swept too, called against
 * office A's data (1) anonymously: 401; (2) as a person of office B in a browser session: 403; (3) with an API
 * token of office B: 403. No refusal shows anything of office A, and no response or log line ever carries a
 * password, a token's secret (but the one response that issues it) or a stack trace.
 *
 * <p>Each operation needs a {@link Rule} in {@link #RULES}: what it touches and a request that is valid apart from
 * who sends it (a request the server refuses as malformed would say nothing about access). A new operation without
 * a rule fails the sweep.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class AuthorizationSweepTest extends ServerTestSupport {

  /** What an operation touches, so what office B and anonymous callers must get. */
  enum Scope {
    /** Office A's data (its office, people, tokens, cases): 401 anonymous, 403 to office B's session and token. */
    OFFICE_A,
    /** Server administration: 401 anonymous, 403 to any person of an office, session or token. */
    SERVER_ADMIN,
    /** The caller's own things (who they are, their offices, their CSRF token): 401 anonymous; B sees only B's. */
    OWN,
    /** The caller's own login (their password): 401 anonymous; B's session may, B's token may not (403). */
    OWN_SESSION
  }

  /** The request to send: a JSON body, multipart parts, or nothing. */
  record Request(Object json, List<Map.Entry<String, Object>> parts, String csv) {
    static Request none() {
      return new Request(null, null, null);
    }

    static Request json(Object body) {
      return new Request(body, null, null);
    }

    static Request multipart(List<Map.Entry<String, Object>> parts) {
      return new Request(null, parts, null);
    }

    static Request csv(String body) {
      return new Request(null, null, body);
    }
  }

  /** An operation's rule: what it touches and a request that is valid apart from who sends it. */
  record Rule(Scope scope, Function<AuthorizationSweepTest, Request> request) {}

  private static final Map<String, Rule> RULES = rules();

  private static Map<String, Rule> rules() {
    Map<String, Rule> r = new LinkedHashMap<>();
    String c = "/api/v1/offices/{office}/cases/{caseId}";
    r.put("GET /api/v1/csrf", new Rule(Scope.OWN, t -> Request.none()));
    r.put("GET /api/v1/me", new Rule(Scope.OWN, t -> Request.none()));
    r.put("GET /api/v1/offices", new Rule(Scope.OWN, t -> Request.none()));
    r.put("POST /api/v1/offices", new Rule(Scope.SERVER_ADMIN, t -> Request.json(Map.of("id", "sw-z", "name",
        "KPU Z", "unit", "Subbagian Hukum", "zone", "Asia/Jakarta"))));
    r.put("GET /api/v1/offices/{office}", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("GET /api/v1/offices/{office}/people", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("PUT /api/v1/offices/{office}/people/{username}", new Rule(Scope.OFFICE_A, t -> Request.json(Map.of(
        "nip", "198201012006049999", "name", "Penyusup", "roles", List.of("staf"), "officeAdmin", true,
        "password", "a-password-of-the-intruder"))));
    r.put("PUT /api/v1/offices/{office}/publisher", new Rule(Scope.OFFICE_A, t -> Request.json(Map.of(
        "username", "sw-a.staf"))));
    r.put("GET /api/v1/offices/{office}/tokens", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("POST /api/v1/offices/{office}/tokens", new Rule(Scope.OFFICE_A, t -> Request.json(Map.of("label", "x",
        "username", "sw-a.staf", "scopes", List.of("cases:read")))));
    r.put("DELETE /api/v1/offices/{office}/tokens/{id}", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("GET /api/v1/offices/{office}/cases", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("POST /api/v1/offices/{office}/cases", new Rule(Scope.OFFICE_A, t -> Request.json(
        proposal("Usul penyusup"))));
    r.put("GET " + c, new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("GET " + c + "/timeline", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("GET " + c + "/events", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("GET " + c + "/media/{ref}", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("POST " + c + "/approve", new Rule(Scope.OFFICE_A, t -> Request.json(Map.of("note", "ok"))));
    r.put("POST " + c + "/reject", new Rule(Scope.OFFICE_A, t -> Request.json(Map.of("reason", "tidak"))));
    r.put("POST " + c + "/meeting", new Rule(Scope.OFFICE_A, t -> Request.multipart(List.of(
        Map.entry("date", "2026-12-03"), Map.entry("attendees", "Rina"), Map.entry("conclusions", "Infografis"),
        Map.entry("equipment", "infocus"), Map.entry("equipment", "komputer-laptop"), Map.entry("minutes",
        new Client.FilePart("notulen.txt", "text/plain",
            "Notulen".getBytes(StandardCharsets.UTF_8)))))));
    r.put("POST " + c + "/summary", new Rule(Scope.OFFICE_A, t -> Request.json(Map.of("summary", "Rangkuman"))));
    r.put("POST " + c + "/design", new Rule(Scope.OFFICE_A, t -> Request.multipart(List.of(Map.entry("images",
        new Client.FilePart("desain.jpg", "image/jpeg", jpeg(1080, 1350)))))));
    r.put("POST " + c + "/caption", new Rule(Scope.OFFICE_A, t -> Request.json(Map.of("text", "Keterangan"))));
    r.put("POST " + c + "/publications", new Rule(Scope.OFFICE_A, t -> Request.json(Map.of("posts", List.of(
        Map.of("platform", "INSTAGRAM", "postId", "1", "url", "https://instagram.com/p/1",
            "publishedAt", "2026-12-04T00:00:00Z"))))));
    r.put("POST " + c + "/task", new Rule(Scope.OFFICE_A, t -> Request.json(Map.of("result", "Selesai"))));
    r.put("POST " + c + "/withdraw", new Rule(Scope.OFFICE_A, t -> Request.json(Map.of("reason", "Tarik"))));
    r.put("POST " + c + "/resubmit", new Rule(Scope.OFFICE_A, t -> Request.json(proposal("Usul ulang penyusup"))));
    r.put("GET " + c + "/archive", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("GET " + c + "/publications", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("POST " + c + "/publications/{platform}/confirm", new Rule(Scope.OFFICE_A, t -> Request.json(
        Map.of("posted", false))));
    String o = "/api/v1/offices/{office}";
    r.put("GET " + o + "/sop", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("PUT " + o + "/sop", new Rule(Scope.OFFICE_A, t -> Request.json(t.revisionOfA())));
    r.put("GET " + o + "/sop/lint", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("GET " + o + "/sop/export/{format}", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("GET " + o + "/sop/revisions/{number}/{revision}", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("GET " + o + "/reports/compliance", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("GET " + o + "/reports/monitoring-form", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("GET " + o + "/notifications", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("GET " + o + "/calendar", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("PUT " + o + "/calendar", new Rule(Scope.OFFICE_A, t -> Request.csv(
        "date,kind,name,source\n2026-12-31,CUTI_BERSAMA,Libur penyusup,SK palsu\n")));
    r.put("GET " + o + "/platforms", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("PUT " + o + "/platforms/{platform}", new Rule(Scope.OFFICE_A, t -> Request.json(Map.of("accountId",
        "17841400000000000", "displayUrl", "https://www.instagram.com/jdih_penyusup", "secretRef",
        "env:JDIH_PENYUSUP"))));
    r.put("DELETE " + o + "/platforms/{platform}", new Rule(Scope.OFFICE_A, t -> Request.none()));
    r.put("PUT /api/v1/me/password", new Rule(Scope.OWN_SESSION, t -> Request.json(Map.of("current", PASSWORD,
        "password", PASSWORD))));
    return r;
  }

  private Client admin;
  private final List<Client> clients = new ArrayList<>();
  private final List<String> secrets = new ArrayList<>();
  /** What office B must never see of office A. */
  private final List<String> officeAData = new ArrayList<>();
  private String caseA;
  private String minutesA;
  private String tokenIdA;
  private String tokenB;

  @BeforeAll
  void twoOffices() {
    admin = track(admin());
    office(admin, "sw-a", "Asia/Jakarta", "19820101200604");
    office(admin, "sw-b", "Asia/Makassar", "19920101200604");
    secrets.add(PASSWORD);
    secrets.add(ADMIN_PASSWORD);

    JsonNode issuedA = admin.post("/api/v1/offices/sw-a/tokens", Map.of("label", "situs A", "username",
        "sw-a.tim", "scopes", List.of("cases:read", "cases:write"))).expect(201).json();
    tokenIdA = issuedA.get("id").asString();
    String tokenA = issuedA.get("token").asString();
    tokenB = admin.post("/api/v1/offices/sw-b/tokens", Map.of("label", "situs B", "username", "sw-b.kasubag",
        "scopes", List.of("cases:read", "cases:write", "sop:read", "reports:read"))).expect(201).json()
        .get("token").asString();
    secrets.add(secretOf(tokenA));
    secrets.add(secretOf(tokenB));

    Client kasubagA = track(session("sw-a.kasubag"));
    String titleA = "Rahasia kantor A " + UUID.randomUUID();
    caseA = kasubagA.post("/api/v1/offices/sw-a/cases", proposal(titleA), Map.of("Idempotency-Key", "a-1"))
        .expect(201).json().get("id").asString();
    kasubagA.command("/api/v1/offices/sw-a/cases/" + caseA + "/approve", Map.of()).expect(200);
    minutesA = track(Client.withToken(port, tokenA)).multipart("/api/v1/offices/sw-a/cases/" + caseA + "/meeting",
        List.of(Map.entry("date", "2026-12-03"), Map.entry("attendees", "Rina"),
            Map.entry("conclusions", "Kesimpulan rahasia A"), Map.entry("equipment", "infocus"),
            Map.entry("equipment", "komputer-laptop"), Map.entry("minutes", new Client.FilePart(
                "notulen.txt", "text/plain", "Notulen rahasia A".getBytes(StandardCharsets.UTF_8)))),
        Map.of("Idempotency-Key", "m-1")).expect(200).json().get("meeting").get("minutes").get("ref").asString();
    String otherTitleA = "Usul lain kantor A " + UUID.randomUUID();
    String otherCaseA = kasubagA.post("/api/v1/offices/sw-a/cases", proposal(otherTitleA),
        Map.of("Idempotency-Key", "a-2")).expect(201).json().get("id").asString();
    officeAData.addAll(List.of(titleA, otherTitleA, otherCaseA, "Kesimpulan rahasia A", "Notulen rahasia A",
        "198201012006040001", "198201012006040002", "198201012006040003", tokenIdA, "Orang sw-a."));
  }

  @Test
  void everyOperationRefusesAnonymousCallersAndAnotherOfficesSessionsAndTokens(CapturedOutput output) {
    OpenApiDoc doc = OpenApiDoc.of(port);
    List<String> failures = new ArrayList<>();
    List<String> noRule = new ArrayList<>();
    long versionBefore = caseVersion();
    Client anonymous = track(new Client(port));
    Client sessionB = track(session("sw-b.kasubag"));
    Client tokenClientB = track(Client.withToken(port, tokenB));
    int swept = 0;
    for (OpenApiDoc.Operation op : doc.operations()) {
      if (op.isPublic()) {
        continue;
      }
      Rule rule = RULES.get(op.toString());
      if (rule == null) {
        noRule.add(op.toString());
        continue;
      }
      String path;
      try {
        path = fill(op);
      } catch (IllegalStateException e) {
        noRule.add(op + " (" + e.getMessage() + ")");
        continue;
      }
      Request request = rule.request().apply(this);
      swept++;
      check(failures, op, "anonymous", send(anonymous, op.method(), path, request), 401, "JDIH-HTTP-007");
      for (Map.Entry<String, Client> b : Map.of("office B's session", sessionB, "office B's token", tokenClientB)
          .entrySet()) {
        Client.Response r = send(b.getValue(), op.method(), path, request);
        switch (rule.scope()) {
          case OFFICE_A -> check(failures, op, b.getKey(), r, 403, "JDIH-ACTOR-002", "JDIH-HTTP-002");
          case SERVER_ADMIN -> check(failures, op, b.getKey(), r, 403, "JDIH-HTTP-002");
          case OWN_SESSION -> {
            if (b.getValue() == tokenClientB) {
              check(failures, op, b.getKey(), r, 403, "JDIH-HTTP-002");
            } else if (r.status() / 100 != 2) {
              failures.add(op + " as " + b.getKey() + ": " + r.status() + " for its own login: " + r.text());
            }
            leaks(failures, op, b.getKey(), r);
          }
          case OWN -> {
            if (r.status() / 100 != 2) {
              failures.add(op + " as " + b.getKey() + ": " + r.status() + " for its own things: " + r.text());
            }
            leaks(failures, op, b.getKey(), r);
          }
        }
      }
    }
    assertThat(noRule).as("operations of the OpenAPI document without a rule in AuthorizationSweepTest.RULES"
        + " (add one: what it touches and a valid request)").isEmpty();
    assertThat(RULES.keySet()).as("rules of operations the document no longer has")
        .allSatisfy(k -> assertThat(doc.operations().stream().map(Object::toString)).contains(k));
    assertThat(failures).as("refusals that are not what they should be").isEmpty();
    assertThat(swept).isEqualTo(RULES.size());
    assertThat(caseVersion()).as("office A's case is unchanged").isEqualTo(versionBefore);

    // No response of any client, and no log line, carries a secret or a stack trace.
    for (Client c : clients) {
      for (Client.Exchange e : c.exchanges()) {
        String body = new String(e.responseBody(), StandardCharsets.UTF_8);
        boolean issuesToken = e.method().equals("POST") && e.path().matches("/api/v1/offices/[^/]+/tokens")
            && e.status() == 201;
        for (String s : secrets) {
          if (!issuesToken) {
            assertThat(body).as("%s %s carries a secret", e.method(), e.path()).doesNotContain(s);
          }
        }
        assertThat(body).as("%s %s shows a stack trace", e.method(), e.path())
            .doesNotContain("at id.go.kpu").doesNotContain("Exception:").doesNotContain("Exception")
            .doesNotContain("at org.springframework");
      }
    }
    for (String s : secrets) {
      assertThat(output.getAll()).as("the log carries a secret").doesNotContain(s);
    }
    assertThat(output.getAll()).doesNotContain("a-password-of-the-intruder");
  }

  /** A valid new revision of office A's SOP (as JSON), which office B must not be able to publish. */
  private JsonNode revisionOfA() {
    SopDefinition current = new SopDefinitionJson().read(track(session("sw-a.kasubag")).get(
        "/api/v1/offices/sw-a/sop").expect(200).text());
    SopDefinition next = current.toBuilder().identity(new SopIdentity(current.identity().number(), 1,
        current.identity().createdOn(), Optional.of(current.identity().createdOn()), current.identity().approvedOn(),
        current.identity().approvedBy())).build();
    return Client.JSON.readTree(new SopDefinitionJson().write(next));
  }

  private Client track(Client c) {
    clients.add(c);
    return c;
  }

  private long caseVersion() {
    return track(session("sw-a.kasubag")).get("/api/v1/offices/sw-a/cases/" + caseA).expect(200).json()
        .get("version").asLong();
  }

  /** The operation's path with its parameters filled with office A's things. */
  private String fill(OpenApiDoc.Operation op) {
    String path = op.template();
    for (String name : op.pathParameters()) {
      String value = switch (name) {
        case "office" -> "sw-a";
        case "caseId" -> caseA;
        case "ref" -> minutesA;
        case "username" -> "sw-a.staf";
        case "id" -> tokenIdA;
        case "number" -> java.net.URLEncoder.encode(ReferenceSop.definition().key().number(),
            StandardCharsets.UTF_8).replace("+", "%20");
        case "revision" -> "0";
        case "format" -> "pdf";
        case "platform" -> "INSTAGRAM";
        default -> throw new IllegalStateException("no value for path parameter {" + name + "}; add one in fill()");
      };
      path = path.replace("{" + name + "}", value);
    }
    return path;
  }

  private static Client.Response send(Client c, String method, String path, Request request) {
    Map<String, String> headers = method.equals("GET") ? Map.of()
        : Map.of("Idempotency-Key", UUID.randomUUID().toString());
    if (request.parts() != null) {
      return c.multipart(path, request.parts(), headers);
    }
    if (request.json() != null) {
      return c.send(method, path, "application/json", Client.JSON.writeValueAsBytes(request.json()), headers);
    }
    if (request.csv() != null) {
      return c.send(method, path, "text/csv; charset=UTF-8", request.csv().getBytes(StandardCharsets.UTF_8),
          headers);
    }
    return c.send(method, path, null, null, headers);
  }

  private void check(List<String> failures, OpenApiDoc.Operation op, String who, Client.Response r, int status,
      String... codes) {
    String ct = r.header("Content-Type").orElse("");
    if (r.status() != status) {
      failures.add(op + " as " + who + ": " + r.status() + " instead of " + status + ": " + r.text());
      return;
    }
    if (!ct.startsWith("application/problem+json")) {
      failures.add(op + " as " + who + ": " + ct + " instead of application/problem+json");
      return;
    }
    String code = r.json().path("code").asString("");
    if (!List.of(codes).contains(code)) {
      failures.add(op + " as " + who + ": code " + code + " instead of one of " + List.of(codes));
    }
    leaks(failures, op, who, r);
  }

  /** Office A's data in a response to someone else; the request's own path ({@code instance}) aside. */
  private void leaks(List<String> failures, OpenApiDoc.Operation op, String who, Client.Response r) {
    String body = r.text();
    if (r.header("Content-Type").orElse("").contains("json") && r.body().length > 0) {
      JsonNode json = r.json();
      if (json instanceof ObjectNode o) {
        o.remove("instance");
        body = o.toString();
      }
    }
    for (String a : officeAData) {
      if (body.contains(a)) {
        failures.add(op + " as " + who + ": shows office A's " + a + ": " + body);
      }
    }
    if (body.contains(caseA)) {
      failures.add(op + " as " + who + ": shows office A's case id: " + body);
    }
  }

  private static String secretOf(String token) {
    // jdih_<id>_<secret>
    return token.substring(token.indexOf('_', 5) + 1);
  }
}
