package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Health, metrics, security headers and request limits as an operator and an attacker meet them. */
@TestPropertySource(properties = {"jdih.server.metrics-token=scrape-secret-for-tests",
    "jdih.server.max-json-bytes=4096", "jdih.metrics.refresh-every=100ms"})
class OperationsTest extends ServerTestSupport {

  @Test
  void healthIsPublicWithoutDetailsAndDetailedForTheServerAdministrator() {
    Client.Response anonymous = new Client(port).get("/actuator/health").expect(200);
    assertThat(anonymous.json().get("status").asString()).isEqualTo("UP");
    assertThat(anonymous.text()).doesNotContain("components", "jdih");

    Client.Response detailed = admin().get("/actuator/health").expect(200);
    assertThat(detailed.json().get("components").has("jdih")).isTrue();
    assertThat(detailed.json().get("components").has("db")).isTrue();
  }

  @Test
  void metricsAreForTheScraperTokenAndServerAdministratorsOnly() {
    Client admin = admin();
    office(admin, "kab-ops", "Asia/Jayapura", "19850101200604");
    session("kab-ops.kasubag").post("/api/v1/offices/kab-ops/cases", proposal("Metrik"),
        Map.of("Idempotency-Key", "m-1")).expect(201);

    new Client(port).get("/actuator/prometheus").expect(401);
    Client.withToken(port, "wrong").get("/actuator/prometheus").expect(401);
    session("kab-ops.kasubag").get("/actuator/prometheus").expect(403);
    // The case gauges are recounted after a worker pass (every 200 ms here).
    Client scraper = Client.withToken(port, "scrape-secret-for-tests");
    // Wait for the case gauge itself: a recount that began before the proposal committed can show the office in
    // the overdue gauge (counted a moment later) but not yet in jdih_cases (a CI run under load saw exactly that).
    java.util.regex.Pattern counted = java.util.regex.Pattern.compile(
        "jdih_cases\\{[^}]*office=\"kab-ops\"[^}]*\\} 1\\.0");
    String scraped = "";
    for (int i = 0; i < 100 && !counted.matcher(scraped).find(); i++) {
      scraped = scraper.get("/actuator/prometheus").expect(200).text();
      sleep(100);
    }
    assertThat(scraped).containsPattern(counted);
    assertThat(admin.get("/actuator/prometheus").expect(200).text()).contains("jdih_cases");
    new Client(port).get("/actuator/env").expect(401); // nothing else of the actuator is exposed to anyone
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void responsesCarryAStrictContentSecurityPolicyAndBodiesAreBounded() {
    Client.Response login = new Client(port).get("/login").expect(200);
    assertThat(login.header("Content-Security-Policy").orElse("")).contains("default-src 'self'",
        "frame-ancestors 'none'", "object-src 'none'");
    assertThat(login.header("X-Frame-Options")).contains("DENY");
    assertThat(login.header("X-Content-Type-Options")).contains("nosniff");
    Client.Response api = new Client(port).get("/api/v1/me").expect(401);
    assertThat(api.header("Content-Security-Policy").orElse("")).contains("default-src 'self'");

    Client admin = admin();
    Client.Response tooLarge = admin.post("/api/v1/offices", Map.of("id", "kab-besar", "name", "x".repeat(5000),
        "unit", "u", "zone", "Asia/Jakarta")).expect(413);
    assertThat(tooLarge.json().get("code").asString()).isEqualTo("JDIH-HTTP-006");
    admin.get("/api/v1/offices/kab-besar").expect(404);
  }
}
