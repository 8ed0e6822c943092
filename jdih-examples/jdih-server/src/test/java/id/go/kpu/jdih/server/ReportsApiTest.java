package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** An office's compliance report, monitoring form and case archive over HTTP, and who may not read them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsApiTest extends ServerTestSupport {

  private Client admin;
  private String withMinutes;

  @BeforeAll
  void offices() {
    admin = admin();
    office(admin, "rpt-a", "Asia/Jakarta", "19800101200606");
    office(admin, "rpt-b", "Asia/Makassar", "19900101200606");
    Client kasubag = session("rpt-a.kasubag");
    String cases = "/api/v1/offices/rpt-a/cases";
    withMinutes = kasubag.post(cases, proposal("Laporan satu"), Map.of("Idempotency-Key", "r-1")).expect(201)
        .json().get("id").asString();
    kasubag.command(cases + "/" + withMinutes + "/approve", Map.of()).expect(200);
    session("rpt-a.tim").multipart(cases + "/" + withMinutes + "/meeting", List.of(
        Map.entry("date", "2026-12-03"), Map.entry("attendees", "Rina"), Map.entry("conclusions", "Infografis"),
        Map.entry("equipment", "infocus"), Map.entry("equipment", "komputer-laptop"),
        Map.entry("minutes", new Client.FilePart("notulen.txt", "text/plain",
            "Notulen rapat".getBytes(StandardCharsets.UTF_8)))), Map.of("Idempotency-Key", "r-2")).expect(200);
    kasubag.post(cases, proposal("Laporan dua"), Map.of("Idempotency-Key", "r-3")).expect(201);
    session("rpt-b.kasubag").post("/api/v1/offices/rpt-b/cases", proposal("Kantor lain"),
        Map.of("Idempotency-Key", "r-4")).expect(201);
  }

  private String token(String office, String username, String... scopes) {
    return admin.post("/api/v1/offices/" + office + "/tokens", Map.of("label", "uji", "username", username,
        "scopes", List.of(scopes))).expect(201).json().get("token").asString();
  }

  @Test
  void theComplianceReportCoversTheOfficesOwnCasesOnly() {
    JsonNode a = session("rpt-a.staf").get("/api/v1/offices/rpt-a/reports/compliance").expect(200).json();
    assertThat(a.get("office").asString()).isEqualTo("rpt-a");
    assertThat(a.get("cases").asLong()).isEqualTo(2);
    assertThat(a.get("perActivity").has("1")).isTrue();
    assertThat(a.get("perActivity").get("1").get("done").asLong()).isEqualTo(2);
    assertThat(a.get("perRole").has("kasubag-hukum")).isTrue();
    Instant to = Instant.parse(a.get("to").asString());
    Instant from = Instant.parse(a.get("from").asString());
    assertThat(ChronoUnit.DAYS.between(from, to)).isEqualTo(365);

    JsonNode b = session("rpt-b.staf").get("/api/v1/offices/rpt-b/reports/compliance").expect(200).json();
    assertThat(b.get("cases").asLong()).isEqualTo(1);

    Client reader = Client.withToken(port, token("rpt-a", "rpt-a.staf", "reports:read"));
    Instant now = Instant.now();
    String q = "?from=" + now.minus(1, ChronoUnit.DAYS) + "&to=" + now.plus(1, ChronoUnit.DAYS);
    assertThat(reader.get("/api/v1/offices/rpt-a/reports/compliance" + q).expect(200).json().get("cases").asLong())
        .isEqualTo(2);
    String past = "?from=2020-01-01T00:00:00Z&to=2021-01-01T00:00:00Z";
    assertThat(reader.get("/api/v1/offices/rpt-a/reports/compliance" + past).expect(200).json().get("cases")
        .asLong()).isZero();
  }

  @Test
  void periodsAreBounded() {
    Client staf = session("rpt-a.staf");
    Client.Response tooLong = staf.get("/api/v1/offices/rpt-a/reports/compliance?from=2015-01-01T00:00:00Z"
        + "&to=2021-01-01T00:00:00Z").expect(400);
    assertThat(tooLong.json().get("code").asString()).isEqualTo("JDIH-HTTP-005");
    assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
    staf.get("/api/v1/offices/rpt-a/reports/compliance?from=2021-01-01T00:00:00Z&to=2020-01-01T00:00:00Z")
        .expect(400);
    staf.get("/api/v1/offices/rpt-a/reports/compliance?from=kemarin").expect(400);
    staf.get("/api/v1/offices/rpt-a/reports/monitoring-form?from=2015-01-01T00:00:00Z&to=2021-01-01T00:00:00Z")
        .expect(400);
  }

  @Test
  void theMonitoringFormIsAPdf() {
    Client.Response pdf = session("rpt-a.kasubag").get("/api/v1/offices/rpt-a/reports/monitoring-form").expect(200);
    assertThat(pdf.header("Content-Type").orElse("")).isEqualTo("application/pdf");
    assertThat(pdf.header("Content-Disposition").orElse("")).startsWith("attachment").contains("monitoring-rpt-a-");
    assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
  }

  @Test
  void aCaseArchiveIsAZipWithItsEventsAndFiles() throws IOException {
    Client.Response zip = Client.withToken(port, token("rpt-a", "rpt-a.tim", "reports:read"))
        .get("/api/v1/offices/rpt-a/cases/" + withMinutes + "/archive").expect(200);
    assertThat(zip.header("Content-Type").orElse("")).isEqualTo("application/zip");
    assertThat(zip.header("Content-Disposition").orElse("")).contains(withMinutes + ".zip");
    assertThat(new String(zip.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    assertThat(names).hasSizeGreaterThanOrEqualTo(3);
    assertThat(String.join(" ", names)).containsIgnoringCase("manifest");
    session("rpt-a.staf").get("/api/v1/offices/rpt-a/cases/no-such-case/archive").expect(404);
  }

  @Test
  void anotherOfficeAnonymousAndWrongScopesAreRefused() {
    List<String> paths = List.of("/api/v1/offices/rpt-a/reports/compliance",
        "/api/v1/offices/rpt-a/reports/monitoring-form", "/api/v1/offices/rpt-a/cases/" + withMinutes + "/archive");
    Client other = session("rpt-b.kasubag");
    Client otherToken = Client.withToken(port, token("rpt-b", "rpt-b.kasubag", "reports:read"));
    Client casesOnly = Client.withToken(port, token("rpt-a", "rpt-a.kasubag", "cases:read", "sop:read"));
    for (String p : paths) {
      assertThat(other.get(p).expect(403).json().get("code").asString()).isEqualTo("JDIH-ACTOR-002");
      assertThat(otherToken.get(p).expect(403).json().get("code").asString()).isEqualTo("JDIH-ACTOR-002");
      assertThat(new Client(port).get(p).expect(401).json().get("code").asString()).isEqualTo("JDIH-HTTP-007");
      assertThat(casesOnly.get(p).expect(403).json().get("code").asString()).isEqualTo("JDIH-HTTP-002");
    }
    // rpt-b's case is refused through rpt-a, even to rpt-a's own people (the runtime's guard).
    String foreign = session("rpt-b.kasubag").get("/api/v1/offices/rpt-b/cases").expect(200).json().get("items")
        .get(0).get("id").asString();
    assertThat(session("rpt-a.kasubag").get("/api/v1/offices/rpt-a/cases/" + foreign + "/archive").expect(403)
        .json().get("code").asString()).isEqualTo("JDIH-ACTOR-002");
  }
}
