package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pages <em>Kepatuhan</em> (the compliance report with its charts drawn in SVG on the server, its table, the
 * period form and the monitoring form) and <em>SOP</em> (the current SOP with its documents) in a real headless
 * Chromium: the figures shown are the API's report, downloads are the API's documents, and a person sees only
 * their own office. Photographed as {@code 2x-*} ({@link BrowserTestSupport#shoot}).
 */
class CompliancePagesBrowserTest extends BrowserTestSupport {
  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

  /**
   * The runtime's clock: real time from a Monday morning in Jakarta, moved on by the test between activities so
   * that activities take working hours and one misses its time standard.
   */
  static final class TestClock extends Clock {
    private final long startNanos = System.nanoTime();
    private volatile Instant base;

    TestClock(Instant base) {
      this.base = base;
    }

    void advance(Duration d) {
      base = base.plus(d);
    }

    @Override
    public Instant instant() {
      return base.plus(Duration.ofNanos(System.nanoTime() - startNanos));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-30T01:00:00Z")); // Monday 08.00 WIB

  @TestConfiguration
  static class Time {
    @Bean
    @Primary
    Clock testClock() {
      return CLOCK;
    }
  }

  private Client admin;

  @BeforeAll
  void setUp() {
    admin = admin();
    office(admin, "cmp-a", "Asia/Jakarta", "19800101200609");
    office(admin, "cmp-b", "Asia/Makassar", "19900101200609");
    Client kasubag = session("cmp-a.kasubag");
    Client tim = session("cmp-a.tim");
    Client staf = session("cmp-a.staf");
    // A revision of the SOP, so that the page shows revision 1 (cases opened after it run under it).
    ObjectNode d = (ObjectNode) kasubag.get("/api/v1/offices/cmp-a/sop").expect(200).json();
    ((ObjectNode) d.get("identity")).put("revision", 1).put("revisedOn", "2026-11-27");
    kasubag.put("/api/v1/offices/cmp-a/sop", d).expect(201);

    String cases = "/api/v1/offices/cmp-a/cases";
    // One case through activities 1 to 6, published by the worker; its meeting a day late.
    String full = kasubag.post(cases, proposal("Kepatuhan satu"), Map.of("Idempotency-Key", "k-1")).expect(201)
        .json().get("id").asString();
    CLOCK.advance(Duration.ofHours(2));
    kasubag.command(cases + "/" + full + "/approve", Map.of("note", "Lanjut")).expect(200);
    CLOCK.advance(Duration.ofHours(26));
    meeting(tim, cases + "/" + full);
    CLOCK.advance(Duration.ofHours(1));
    staf.command(cases + "/" + full + "/summary", Map.of("summary", "Rangkuman")).expect(200);
    CLOCK.advance(Duration.ofMinutes(150));
    tim.multipart(cases + "/" + full + "/design", List.of(Map.entry("images", new Client.FilePart("desain.jpg",
        "image/jpeg", jpeg(1080, 1350)))), Map.of("Idempotency-Key", "k-2")).expect(200);
    CLOCK.advance(Duration.ofMinutes(40));
    kasubag.command(cases + "/" + full + "/caption", Map.of("text", "Keterangan #JDIH")).expect(200);
    // One rejected and proposed again, then taken to the meeting.
    String again = kasubag.post(cases, proposal("Kepatuhan dua"), Map.of("Idempotency-Key", "k-3")).expect(201)
        .json().get("id").asString();
    CLOCK.advance(Duration.ofMinutes(45));
    kasubag.command(cases + "/" + again + "/reject", Map.of("reason", "Perbaiki judul")).expect(200);
    CLOCK.advance(Duration.ofMinutes(30));
    kasubag.command(cases + "/" + again + "/resubmit", proposal("Kepatuhan dua (revisi)")).expect(200);
    CLOCK.advance(Duration.ofMinutes(20));
    kasubag.command(cases + "/" + again + "/approve", Map.of()).expect(200);
    CLOCK.advance(Duration.ofHours(3));
    meeting(tim, cases + "/" + again);
    // One only proposed; and one of the other office.
    kasubag.post(cases, proposal("Kepatuhan tiga"), Map.of("Idempotency-Key", "k-4")).expect(201);
    session("cmp-b.kasubag").post("/api/v1/offices/cmp-b/cases", proposal("Kantor lain"),
        Map.of("Idempotency-Key", "k-5")).expect(201);
    awaitStatus(kasubag, cases + "/" + full, "PUBLISHED");
  }

  private static void meeting(Client tim, String path) {
    tim.multipart(path + "/meeting", List.of(Map.entry("date", LocalDate.ofInstant(CLOCK.instant(), JAKARTA)
        .toString()), Map.entry("attendees", "Rina"), Map.entry("conclusions", "Infografis"),
        Map.entry("equipment", "infocus"), Map.entry("equipment", "komputer-laptop"),
        Map.entry("minutes", new Client.FilePart("notulen.txt", "text/plain",
            "Notulen rapat".getBytes(StandardCharsets.UTF_8)))),
        Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString())).expect(200);
  }

  /** The API's report over the dates the page shows (both inclusive, in the office's zone). */
  private static JsonNode apiReport(Client c, String office, ZoneId zone, String from, String to) {
    String q = "?from=" + LocalDate.parse(from).atStartOfDay(zone).toInstant() + "&to="
        + LocalDate.parse(to).plusDays(1).atStartOfDay(zone).toInstant();
    return c.get("/api/v1/offices/" + office + "/reports/compliance" + q).expect(200).json();
  }

  private static String percent(double rate) {
    return Math.round(rate * 100) + " %";
  }

  private static String hours(long minutes) {
    return String.format(Locale.ROOT, "%d:%02d", minutes / 60, minutes % 60);
  }

  /** The page's figures are the API's: counts, and per activity and per role the table and the charts. */
  private static void assertFiguresMatch(ChromeDriver d, JsonNode api) {
    assertThat(d.findElement(By.id("stat-cases")).getText()).isEqualTo(api.get("cases").asString());
    assertThat(d.findElement(By.id("stat-compliant")).getText()).isEqualTo(api.get("compliantCases").asString());
    assertThat(d.findElement(By.id("stat-revisions")).getText()).isEqualTo(api.get("revisions").asString());
    for (Map.Entry<String, JsonNode> s : api.get("byStatus").properties()) {
      assertThat(d.findElement(By.id("stat-status-" + s.getKey())).getText()).isEqualTo(s.getValue().asString());
    }
    List<WebElement> rows = d.findElements(By.cssSelector("#table-activity tbody tr"));
    assertThat(rows).hasSize(api.get("perActivity").size());
    for (Map.Entry<String, JsonNode> a : api.get("perActivity").properties()) {
      WebElement row = d.findElement(By.cssSelector("#table-activity tr[data-key='" + a.getKey() + "']"));
      JsonNode t = a.getValue();
      assertThat(row.findElement(By.cssSelector(".done")).getText()).isEqualTo(t.get("done").asString());
      assertThat(row.findElement(By.cssSelector(".rate")).getText()).isEqualTo(t.get("onTime").asString() + " ("
          + percent(t.get("onTimeRate").asDouble()) + ")");
      assertThat(row.findElement(By.cssSelector(".median")).getText())
          .isEqualTo(hours(t.get("medianWorkingMinutes").asLong()));
      assertThat(row.findElement(By.cssSelector(".p90")).getText())
          .isEqualTo(hours(t.get("p90WorkingMinutes").asLong()));
    }
    for (Map.Entry<String, JsonNode> r : api.get("perRole").properties()) {
      WebElement row = d.findElement(By.cssSelector("#table-role tr[data-key='" + r.getKey() + "']"));
      JsonNode t = r.getValue();
      assertThat(row.findElement(By.cssSelector(".done")).getText()).isEqualTo(t.get("done").asString());
      assertThat(row.findElement(By.cssSelector(".rate")).getText()).isEqualTo(t.get("onTime").asString() + " ("
          + percent(t.get("onTimeRate").asDouble()) + ")");
      assertThat(row.findElement(By.cssSelector(".executor")).getText()).isEqualTo(t.get("byExecutor").asString());
    }
    assertThat(d.findElements(By.cssSelector("#table-role tbody tr"))).hasSize(api.get("perRole").size());
    // The charts: one group per activity / role, each with a title, the values written beside the bars.
    assertThat(d.findElements(By.cssSelector("#chart-rate-activity svg[role=img] > g")))
        .hasSize(api.get("perActivity").size());
    assertThat(d.findElements(By.cssSelector("#chart-rate-role svg[role=img] > g"))).hasSize(api.get("perRole")
        .size());
    assertThat(d.findElements(By.cssSelector("#chart-hours svg[role=img] .bar-value")))
        .hasSize(2 * api.get("perActivity").size());
    List<String> rateValues = d.findElements(By.cssSelector("#chart-rate-activity .bar-value")).stream()
        .map(e -> e.getAttribute("textContent")).toList();
    List<String> apiRates = api.get("perActivity").valueStream().map(t -> percent(t.get("onTimeRate").asDouble()))
        .toList();
    assertThat(rateValues).isEqualTo(apiRates);
    for (String chart : List.of("chart-rate-activity", "chart-rate-role", "chart-hours")) {
      assertThat(d.findElement(By.cssSelector("#" + chart + " svg title")).getAttribute("textContent"))
          .isNotBlank();
    }
  }

  @Test
  void theCompliancePageShowsTheApisReportAndItsDownloads() throws IOException {
    ChromeDriver browser = browser();
    login(browser, "cmp-a.staf");
    submit(browser, By.id("nav-compliance"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Kepatuhan SOP");
    String from = browser.findElement(By.id("from")).getAttribute("value");
    String to = browser.findElement(By.id("to")).getAttribute("value");
    assertThat(to).isEqualTo(LocalDate.ofInstant(CLOCK.instant(), JAKARTA).toString());
    Client staf = session("cmp-a.staf");
    JsonNode api = apiReport(staf, "cmp-a", JAKARTA, from, to);
    assertThat(api.get("cases").asLong()).isEqualTo(3);
    assertThat(api.get("perActivity").size()).isGreaterThanOrEqualTo(6);
    // The late meeting: activity 3 on time once of twice, a finding, and working hours to draw.
    assertThat(api.get("perActivity").get("3").get("onTime").asLong()).isEqualTo(1);
    assertThat(api.get("findings").get("JDIH-COMP-005").asLong()).isEqualTo(1);
    assertThat(browser.findElement(By.cssSelector("#findings [data-code='JDIH-COMP-005']")).getText())
        .startsWith("1 melewati standar waktu");
    assertThat(api.get("perActivity").get("3").get("p90WorkingMinutes").asLong()).isPositive();
    assertFiguresMatch(browser, api);
    shoot(browser, "20-compliance");

    // The monitoring form for the period shown: the API's PDF, for the person's own office.
    String pdfLink = browser.findElement(By.id("monitoring-pdf")).getAttribute("href");
    assertThat(pdfLink).contains("/kepatuhan/formulir.pdf", "from=" + from, "to=" + to);
    Client.Response pdf = staf.get(pdfLink.substring(pdfLink.indexOf("/kepatuhan"))).expect(200);
    assertThat(pdf.header("Content-Type").orElse("")).isEqualTo("application/pdf");
    assertThat(pdf.header("Content-Disposition").orElse("")).startsWith("attachment")
        .contains("monitoring-cmp-a-" + from + "-" + to + ".pdf");
    assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
    assertThat(staf.get("/kepatuhan/formulir.pdf").expect(200).body().length).isGreaterThan(1000);

    // A period chosen in the form: the figures follow.
    browser.executeScript("document.getElementById('from').value = arguments[0];"
        + "document.getElementById('to').value = arguments[1];", "2026-01-01", to);
    submit(browser, By.cssSelector("#period button[type=submit]"));
    assertThat(browser.getCurrentUrl()).contains("from=2026-01-01");
    assertFiguresMatch(browser, apiReport(staf, "cmp-a", JAKARTA, "2026-01-01", to));

    // Bad dates: the error next to the field, with its stable code, in the person's language.
    browser.get(url("/kepatuhan?from=kemarin&to=" + to));
    assertThat(browser.findElement(By.id("form-error")).getText()).contains("JDIH-HTTP-005");
    assertThat(browser.findElement(By.id("from-error")).getText()).startsWith("tanggal tidak sah");
    assertThat(browser.findElements(By.id("summary"))).isEmpty();
    shoot(browser, "21-compliance-bad-date");
    browser.executeScript("document.getElementById('from').value = '2015-01-01';"
        + "document.getElementById('to').value = '2021-06-30';");
    submit(browser, By.cssSelector("#period button[type=submit]"));
    assertThat(browser.findElement(By.id("form-error")).getText()).contains("JDIH-HTTP-005");
    assertThat(browser.findElement(By.id("from-error")).getText()).isEqualTo("periode paling lama 5 tahun");
    browser.get(url("/kepatuhan?from=2026-02-01&to=2026-01-01&lang=en"));
    assertThat(browser.findElement(By.id("to-error")).getText()).isEqualTo("must not be before the start date");
    assertThat(browser.findElement(By.id("form-error")).getText()).contains("JDIH-HTTP-005", "Check the fields");
    shoot(browser, "22-compliance-bad-date-en");
    staf.get("/kepatuhan?from=" + "9".repeat(5000)).expect(400);
    staf.get("/kepatuhan/formulir.pdf?from=2015-01-01&to=2021-06-30").expect(400);

    // In English.
    browser.get(url("/kepatuhan"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("SOP compliance");
    assertFiguresMatch(browser, api);
    shoot(browser, "23-compliance-en");
    browser.get(url("/kepatuhan?lang=id"));

    // The page keeps the strict Content-Security-Policy.
    for (String path : List.of("/kepatuhan", "/sop")) {
      Client.Response page = staf.get(path).expect(200);
      assertThat(page.text()).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("style=")
          .doesNotContain("<style").doesNotContainPattern("\\son[a-z]+=");
      assertThat(page.header("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    }
  }

  @Test
  void aDeadlineTheHolidayCalendarDoesNotCoverIsFlagged() throws IOException {
    assertThat(session("cmp-a.kasubag").get("/api/v1/offices/cmp-a/reports/compliance").expect(200).json()
        .get("uncoveredYears").size()).isZero();
    // New Year's Eve 2026: the proposal's one working day runs into 2027, which the bundled calendar lacks.
    office(admin, "cmp-c", "Asia/Jakarta", "19850101200609");
    CLOCK.advance(Duration.between(CLOCK.instant(), Instant.parse("2026-12-31T02:00:00Z")));
    Client kasubag = session("cmp-c.kasubag");
    kasubag.post("/api/v1/offices/cmp-c/cases", proposal("Akhir tahun"), Map.of("Idempotency-Key", "k-6"))
        .expect(201);
    assertThat(kasubag.get("/api/v1/offices/cmp-c/reports/compliance").expect(200).json().get("uncoveredYears")
        .toString()).isEqualTo("[2027]");
    ChromeDriver browser = browser();
    login(browser, "cmp-c.kasubag");
    submit(browser, By.id("nav-compliance"));
    assertThat(browser.findElement(By.id("coverage-warning")).getText())
        .startsWith("Kalender hari libur belum memuat tahun 2027");
    shoot(browser, "27-compliance-not-covered");
    login(browser, "cmp-a.kasubag");
    submit(browser, By.id("nav-compliance"));
    assertThat(browser.findElements(By.id("coverage-warning"))).isEmpty();
  }

  @Test
  void anotherOfficeSeesItsOwnReportOnly() throws IOException {
    ChromeDriver browser = browser();
    login(browser, "cmp-b.kasubag");
    submit(browser, By.id("nav-compliance"));
    String from = browser.findElement(By.id("from")).getAttribute("value");
    String to = browser.findElement(By.id("to")).getAttribute("value");
    Client other = session("cmp-b.kasubag");
    JsonNode api = apiReport(other, "cmp-b", ZoneId.of("Asia/Makassar"), from, to);
    assertThat(api.get("cases").asLong()).isEqualTo(1);
    assertFiguresMatch(browser, api);
    assertThat(browser.getPageSource()).doesNotContain("Kepatuhan satu");
    // No period with cases: said so, without charts.
    browser.get(url("/kepatuhan?from=2020-01-01&to=2020-12-31"));
    assertThat(browser.findElement(By.id("stat-cases")).getText()).isEqualTo("0");
    assertThat(browser.findElement(By.id("no-data")).isDisplayed()).isTrue();
    assertThat(browser.findElements(By.cssSelector("svg"))).isEmpty();
    shoot(browser, "24-compliance-empty");

    // The web routes serve the caller's own office only, whatever they add to the address.
    for (String path : List.of("/kepatuhan/formulir.pdf", "/kepatuhan/formulir.pdf?office=cmp-a")) {
      Client.Response pdf = other.get(path).expect(200);
      assertThat(pdf.header("Content-Disposition").orElse("")).contains("monitoring-cmp-b-")
          .doesNotContain("cmp-a");
    }
    assertThat(other.get("/sop/unduh/pdf?office=cmp-a").expect(200).header("Content-Disposition").orElse(""))
        .contains("sop-cmp-b-").doesNotContain("cmp-a");
    // ... and the API refuses them another office's form.
    assertThat(other.get("/api/v1/offices/cmp-a/reports/monitoring-form").expect(403).json().get("code")
        .asString()).isEqualTo("JDIH-ACTOR-002");
    // Anonymous: the login page in a browser, 401 to a client that does not ask for HTML.
    ChromeDriver anonymous = browser();
    for (String path : List.of("/kepatuhan", "/sop", "/kepatuhan/formulir.pdf", "/sop/unduh/pdf")) {
      anonymous.get(url(path));
      assertThat(anonymous.getCurrentUrl()).as("anonymous %s", path).endsWith("/login");
      new Client(port).get(path).expect(401);
    }
    // An account of no office gets a refusal.
    admin.get("/kepatuhan").expect(403);
    admin.get("/sop").expect(403);
  }

  @Test
  void theSopPageShowsTheCurrentRevisionAndItsDocuments() throws IOException {
    ChromeDriver browser = browser();
    login(browser, "cmp-a.tim");
    submit(browser, By.id("nav-sop"));
    Client tim = session("cmp-a.tim");
    JsonNode sop = tim.get("/api/v1/offices/cmp-a/sop").expect(200).json();
    assertThat(browser.findElement(By.id("sop-revision")).getText()).isEqualTo("1")
        .isEqualTo(sop.get("identity").get("revision").asString());
    assertThat(browser.findElement(By.id("sop-number")).getText())
        .isEqualTo(sop.get("identity").get("number").asString());
    List<WebElement> acts = browser.findElements(By.cssSelector("#activities > li"));
    assertThat(acts).hasSize(sop.get("activities").size());
    assertThat(browser.findElement(By.id("act-1")).getText()).contains("1 Hari");
    shoot(browser, "25-sop");

    Map<String, String> types = Map.of("html", "text/html;charset=UTF-8", "pdf", "application/pdf",
        "bpmn", "application/xml", "mermaid", "text/plain;charset=UTF-8");
    for (Map.Entry<String, String> f : types.entrySet()) {
      String href = browser.findElement(By.id("download-" + f.getKey())).getAttribute("href");
      Client.Response doc = tim.get(href.substring(href.indexOf("/sop/"))).expect(200);
      assertThat(doc.header("Content-Type").orElse("")).as(f.getKey()).isEqualToIgnoringWhitespace(f.getValue());
      assertThat(doc.header("Content-Disposition").orElse("")).startsWith("attachment").contains("sop-cmp-a-")
          .contains("-r1.");
      assertThat(doc.body()).as(f.getKey()).isNotEmpty();
      // The same document as the API's.
      Client.Response apiDoc = tim.get("/api/v1/offices/cmp-a/sop/export/" + f.getKey()).expect(200);
      if (!f.getKey().equals("pdf")) {
        assertThat(doc.text()).isEqualTo(apiDoc.text());
      }
    }
    assertThat(new String(tim.get("/sop/unduh/pdf").body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
    tim.get("/sop/unduh/exe").expect(404);

    browser.get(url("/sop?lang=en"));
    assertThat(browser.findElement(By.id("activities-h")).getText()).isEqualTo("Activities and quality standards");
    shoot(browser, "26-sop-en");
  }
}
