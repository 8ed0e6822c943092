package id.go.kpu.jdih.benchmarks.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jdih-server (jdih-examples/jdih-server) through its HTTP API, as an office's site uses it.
 *
 * <p><b>Set-up</b>, as a server administrator would do it (the README's "The server", and
 * {@code e2e/two_offices.py}): log in as the first administrator with the one-time password the server printed at
 * its first start (the login form and its CSRF token, then the API's CSRF token), create office {@value #OFFICE}
 * under the reference SOP, put its Kasubag Hukum (office administrator, role {@code kasubag-hukum}, which executes
 * activities 1 and 2) in the directory, and issue API tokens acting as that person with the scopes
 * {@code cases:read cases:write}: one per client, up to the server's default limit of 50 per office.
 *
 * <p><b>An iteration</b>: {@code POST /api/v1/offices/{office}/cases} with a proposal (opens the case and
 * completes activity 1; 201), then {@code POST .../cases/{id}/approve} (completes activity 2; 200), each with an
 * {@code Idempotency-Key} of its own and the client's {@code Authorization: Bearer} token. Each response is the case;
 * the check is that it stands at the next activity (2, then 3).
 */
final class JdihScenario implements Scenario {

  /** The office the load runs in. */
  static final String OFFICE = "kpu-load";
  static final String PROPOSE = "POST cases (propose: activity 1)";
  static final String APPROVE = "POST approve (activity 2)";
  static final String KASUBAG = OFFICE + ".kasubag";
  static final String KASUBAG_NIP = "198001012006042001";
  private static final int MAX_TOKENS = 50;
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern SESSION = Pattern.compile("^(JSESSIONID=[^;]+)");

  private final String base;
  private final String adminPassword;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> tokens = new ArrayList<>();

  JdihScenario(String base, String adminPassword) {
    this.base = base;
    this.adminPassword = adminPassword;
  }

  @Override
  public String name() {
    return "jdih-server";
  }

  @Override
  public List<String> types() {
    return List.of(PROPOSE, APPROVE);
  }

  @Override
  public Set<String> completing() {
    return Set.of(PROPOSE, APPROVE);
  }

  @Override
  public void prepare(int clients) throws IOException, InterruptedException {
    Admin admin = new Admin();
    admin.login("admin", adminPassword);
    admin.call("POST", "/api/v1/offices", Map.of("id", OFFICE, "name", "KPU Load", "unit", "Subbagian Hukum",
        "zone", "Asia/Jakarta"), 201);
    admin.call("PUT", "/api/v1/offices/" + OFFICE + "/people/" + KASUBAG, Map.of("nip", KASUBAG_NIP,
        "name", "Kasubag Hukum", "roles", List.of("kasubag-hukum"), "officeAdmin", true), 200);
    for (int i = 0; i < Math.min(clients, MAX_TOKENS); i++) {
      String body = admin.call("POST", "/api/v1/offices/" + OFFICE + "/tokens", Map.of("label", "load client " + i,
          "username", KASUBAG, "scopes", List.of("cases:read", "cases:write")), 201);
      tokens.add(Json.text(body, "token").orElseThrow(() -> new IllegalStateException("no token in " + body)));
    }
  }

  @Override
  public void iteration(Client c, int client, long n) throws Client.Failed, InterruptedException {
    String token = tokens.get(client % tokens.size());
    String key = run + "-" + client + "-" + n;
    String cases = base + "/api/v1/offices/" + OFFICE + "/cases";
    String created = c.send(PROPOSE, command(cases, token, key + "-p", Proposals.proposal(client, n)), 201,
        body -> atActivity(body, 2));
    String id = Json.text(created, "id").orElseThrow();
    c.send(APPROVE, command(cases + "/" + id + "/approve", token, key + "-a", Map.of("note", "Setuju")), 200,
        body -> atActivity(body, 3));
  }

  private static HttpRequest command(String url, String token, String key, Object body) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Client.REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
  }

  private static Optional<String> atActivity(String body, int activity) {
    Optional<JsonNode> json = Json.read(body);
    if (json.isEmpty()) {
      return Optional.of("not JSON");
    }
    JsonNode current = json.get().get("currentActivity");
    return current != null && current.asInt() == activity && json.get().hasNonNull("id") ? Optional.empty()
        : Optional.of("the case is not at activity " + activity);
  }

  /** The server administrator's browser session: the session cookie and the API's CSRF token. */
  private final class Admin {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private String cookie = "";
    private String csrf = "";

    void login(String username, String password) throws IOException, InterruptedException {
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      keepSession(page);
      Matcher m = CSRF_FIELD.matcher(page.body());
      if (page.statusCode() != 200 || !m.find()) {
        throw new IllegalStateException("no login form at " + base + "/login: HTTP " + page.statusCode());
      }
      String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
      // The session cookie is marked Secure; like a browser on 127.0.0.1, this client sends it over plain HTTP.
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      keepSession(r);
      if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("error").contains("error")) {
        throw new IllegalStateException("login of " + username + " refused: HTTP " + r.statusCode() + " "
            + r.headers().firstValue("Location").orElse(""));
      }
      String token = call("GET", "/api/v1/csrf", null, 200);
      csrf = Json.text(token, "token").orElseThrow(() -> new IllegalStateException("no CSRF token: " + token));
    }

    String call(String method, String path, Object body, int expected) throws IOException, InterruptedException {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Client.REQUEST_TIMEOUT)
          .header("Cookie", cookie).header("Accept", "application/json");
      if (!csrf.isEmpty()) {
        b.header("X-CSRF-TOKEN", csrf);
      }
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json").method(method,
            HttpRequest.BodyPublishers.ofString(Json.write(body)));
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      keepSession(r);
      if (r.statusCode() != expected) {
        throw new IllegalStateException(method + " " + path + ": HTTP " + r.statusCode() + " (expected " + expected
            + "): " + Client.abbreviate(r.body()));
      }
      return r.body();
    }

    private void keepSession(HttpResponse<?> r) {
      for (String h : r.headers().allValues("Set-Cookie")) {
        Matcher m = SESSION.matcher(h);
        if (m.find()) {
          cookie = m.group(1);
        }
      }
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
