package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.PlatformClients;
import id.go.kpu.jdih.publish.PlatformRules;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * The case page's newer parts in a real headless Chromium: a proposal with its legal product (errors next to the
 * fields, from the library), the design's preview (through the office's own file route) and each target platform's
 * verdict, the caption's live counters per platform (X's weighted count with a URL and an emoji) and the server's
 * verdicts, the upload status per platform with a "needs confirmation" answered in the browser (Telegram here always
 * times out after the request left and cannot be asked), a withdrawal, and, under a clock the test moves, the three
 * badges of <em>Tugas saya</em> and the warning for a year the holiday calendar does not cover.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CasePagesBrowserTest extends BrowserTestSupport {

  static final MovableClock CLOCK = new MovableClock();
  static final AtomicInteger TELEGRAM_SENDS = new AtomicInteger();
  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

  /** The system clock moved by an offset the test sets; time goes on from there. */
  static final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    /** From now on, the clock reads {@code at} and goes on from there. */
    void set(Instant at) {
      offset = Duration.between(Instant.now(), at);
    }

    void reset() {
      offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this; // every time the server stores is an instant
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }

  /** The movable clock, and Telegram timing out on every send (the other platforms post to the dry run). */
  @TestConfiguration
  static class MovableClockAndAmbiguousTelegram {
    @Bean
    @Primary
    Clock movableClock() {
      return CLOCK;
    }

    @Bean
    @Primary
    PlatformClients ambiguousTelegram() throws IOException {
      return AmbiguousTelegramClients.clients(CLOCK, TELEGRAM_SENDS);
    }
  }

  private Client admin;

  @BeforeAll
  void setUp() {
    CLOCK.reset();
    admin = admin();
    office(admin, "cp-m", "Asia/Jakarta", "19800101200609");
    office(admin, "cp-n", "Asia/Makassar", "19900101200609");
    office(admin, "cp-t", "Asia/Jakarta", "19850101200609");
  }

  @AfterAll
  void resetClock() {
    CLOCK.reset();
  }

  @Test
  @Order(1)
  void aLegalProductIsDesignedCaptionedAndItsUncertainPostAnsweredInTheBrowser() throws IOException {
    ChromeDriver kasubag = browser();
    login(kasubag, "cp-m.kasubag");

    // The proposal: the legal product's fields only for a legal product (the script hides them otherwise).
    kasubag.get(url("/kasus/baru"));
    assertThat(kasubag.findElement(By.id("legal-product")).isDisplayed()).isFalse();
    new Select(kasubag.findElement(By.id("category"))).selectByValue("PRODUK_HUKUM");
    assertThat(kasubag.findElement(By.id("legal-product")).isDisplayed()).isTrue();
    kasubag.findElement(By.id("title")).sendKeys("Keputusan KPU tentang JDIH");
    kasubag.findElement(By.id("material")).sendKeys("Ringkasan keputusan");
    for (String pl : List.of("X", "TELEGRAM")) {
      kasubag.findElement(By.cssSelector("input[name=platforms][value=" + pl + "]")).click();
    }
    kasubag.findElement(By.id("lp-number")).sendKeys("533/HK.04-Kpt/03/KPU/XI/2020");
    kasubag.findElement(By.id("lp-year")).sendKeys("1900");
    kasubag.findElement(By.id("lp-form")).sendKeys("Keputusan Komisi Pemilihan Umum");
    shoot(kasubag, "40-propose-legal-product");
    // Refused by the library: blank fields and a year before 1945, each next to its field; nothing saved.
    noBrowserValidation(kasubag);
    submit(kasubag, By.cssSelector("#propose button[type=submit]"));
    assertThat(kasubag.findElement(By.id("form-error")).getText()).contains("JDIH-");
    assertThat(kasubag.findElement(By.id("lp-year-error")).getText()).isNotBlank();
    assertThat(kasubag.findElement(By.id("lp-title-error")).getText()).isNotBlank();
    assertThat(kasubag.findElement(By.id("lp-documentType-error")).getText()).isNotBlank();
    assertThat(kasubag.findElements(By.cssSelector("#title + .field-error"))).isEmpty();
    assertThat(kasubag.findElement(By.id("lp-number")).getAttribute("value")).isEqualTo("533/HK.04-Kpt/03/KPU/XI/2020");
    assertThat(kasubag.findElement(By.id("legal-product")).isDisplayed()).isTrue();
    shoot(kasubag, "41-propose-legal-error");
    kasubag.findElement(By.id("lp-year")).clear();
    kasubag.findElement(By.id("lp-year")).sendKeys("2020");
    kasubag.findElement(By.id("lp-title")).sendKeys("Pedoman Teknis Pengelolaan JDIH");
    kasubag.findElement(By.id("lp-documentType")).sendKeys("Peraturan Perundang-undangan");
    kasubag.findElement(By.id("lp-issuingBody")).sendKeys("Komisi Pemilihan Umum");
    submit(kasubag, By.cssSelector("#propose button[type=submit]"));
    assertThat(kasubag.findElement(By.id("legal-product-facts")).getText())
        .contains("533/HK.04-Kpt/03/KPU/XI/2020", "2020", "Pedoman Teknis Pengelolaan JDIH");
    String caseUrl = kasubag.getCurrentUrl();
    String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
    String api = "/api/v1/offices/cp-m/cases/" + caseId;
    JsonNode legal = session("cp-m.kasubag").get(api).expect(200).json();
    assertThat(legal.toString()).contains("533/HK.04-Kpt/03/KPU/XI/2020");

    // Activities 2 to 4 over the API (the browser test of every form is WebPagesBrowserTest).
    Client k = session("cp-m.kasubag");
    Client tim = session("cp-m.tim");
    k.command(api + "/approve", Map.of()).expect(200);
    tim.multipart(api + "/meeting", List.of(Map.entry("date", "2026-12-03"), Map.entry("attendees", "Rina"),
        Map.entry("conclusions", "Infografis"), Map.entry("equipment", "infocus"),
        Map.entry("equipment", "komputer-laptop"), Map.entry("minutes", new Client.FilePart("notulen.txt",
            "text/plain", "Notulen".getBytes(StandardCharsets.UTF_8)))), Map.of("Idempotency-Key", "cp-1"))
        .expect(200);
    session("cp-m.staf").command(api + "/summary", Map.of("summary", "Rangkuman")).expect(200);

    // Activity 5: a PNG, which Instagram does not take: refused, with each platform's verdict next to the field.
    ChromeDriver timB = browser();
    login(timB, "cp-m.tim");
    timB.get(caseUrl);
    timB.findElement(By.id("images")).sendKeys(file("desain.png", png(1080, 1350)));
    submit(timB, By.cssSelector("#design button"));
    assertThat(timB.findElement(By.id("upload-verdicts-INSTAGRAM")).getAttribute("class")).contains("refused");
    assertThat(timB.findElement(By.id("upload-verdicts-INSTAGRAM")).getText()).contains("image/png");
    assertThat(timB.findElement(By.id("upload-verdicts-X")).getAttribute("class")).contains("ok");
    assertThat(timB.findElement(By.id("upload-verdicts-TELEGRAM")).getAttribute("class")).contains("ok");
    assertThat(timB.findElements(By.id("design-preview"))).as("nothing saved").isEmpty();
    shoot(timB, "42-case-design-refused");
    timB.findElement(By.id("images")).sendKeys(file("desain.jpg", jpeg(1080, 1350)));
    submit(timB, By.cssSelector("#design button"));
    WebElement preview = timB.findElement(By.cssSelector("#design-preview img"));
    assertThat(preview.getAttribute("src")).contains("/kasus/" + caseId + "/berkas/");
    new WebDriverWait(timB, Duration.ofSeconds(10)).until(d -> ((Number) timB.executeScript(
        "return arguments[0].complete ? arguments[0].naturalWidth : 0", preview)).intValue() == 1080);
    for (String pl : List.of("INSTAGRAM", "X", "TELEGRAM")) {
      assertThat(timB.findElement(By.id("design-verdicts-" + pl)).getAttribute("class")).contains("ok");
    }
    shoot(timB, "43-case-design-verdicts");
    String image = preview.getAttribute("src").replaceFirst("^https?://[^/]+", "");

    // The design image only for the office's people: another office's person and an anonymous caller are refused.
    Client other = session("cp-n.staf");
    Client.Response refused = other.get(image);
    assertThat(refused.status()).isIn(403, 404);
    assertThat(refused.header("Content-Type").orElse("")).doesNotContain("image");
    assertThat(new Client(port).get(image).status()).isEqualTo(401);
    assertThat(session("cp-m.staf").get(image).expect(200).header("Content-Type").orElse("")).isEqualTo("image/jpeg");

    // Activity 6: live counters per platform, X weighing the URL 23 and the emoji 2.
    kasubag.get(caseUrl);
    // The page's estimate of X's weight agrees with the library's on URLs, emoji sequences, CJK and NFC.
    for (String sample : List.of("\u65E5\u672C\u8A9E\u306E\u30C6\u30AD\u30B9\u30C8", "Keluarga \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 dan"
        + " bendera \uD83C\uDDEE\uD83C\uDDE9", "Tekan 1\uFE0F\u20E3 lalu #\uFE0F\u20E3", "\u00A9 KPU \u00AE 2024",
        "Lihat jdih.kpu.go.id.", "(lihat https://kpu.go.id)", "Jempol \uD83D\uDC4D\uD83C\uDFFD", "tunggu\u2026",
        "Kafe\u0301 dan caf\u00E9", "surel jdih@kpu.go.id", "https://jdih.kpu.go.id/a?b=c#d, dan www.kpu.go.id/x")) {
      type(kasubag, sample);
      assertThat(kasubag.findElement(By.id("count-X")).getText()).as("X's weight of %s", sample)
          .isEqualTo(PlatformRules.of(Platform.X).captionLength(sample) + " / 280");
      assertThat(kasubag.findElement(By.id("count-TELEGRAM")).getText()).as("UTF-16 units of %s", sample)
          .isEqualTo(sample.length() + " / 1.024");
    }
    String text = "Lihat https://jdih.kpu.go.id/peraturan/533 \uD83D\uDE00 #JDIH";
    type(kasubag, text);
    assertThat(kasubag.findElement(By.id("count-X")).getText()).isEqualTo("38 / 280");
    assertThat(kasubag.findElement(By.id("count-X")).getText())
        .isEqualTo(PlatformRules.of(Platform.X).captionLength(text) + " / 280");
    assertThat(kasubag.findElement(By.id("count-INSTAGRAM")).getText())
        .isEqualTo(text.codePointCount(0, text.length()) + " / 2.200");
    assertThat(kasubag.findElement(By.id("count-TELEGRAM")).getText()).isEqualTo(text.length() + " / 1.024");
    String tooLong = text + " " + "a".repeat(250);
    type(kasubag, tooLong);
    int weighted = PlatformRules.of(Platform.X).captionLength(tooLong);
    assertThat(kasubag.findElement(By.id("count-X")).getText()).isEqualTo(weighted + " / 280");
    assertThat(kasubag.findElement(By.id("count-row-X")).getAttribute("class")).contains("over");
    assertThat(kasubag.findElement(By.id("count-row-INSTAGRAM")).getAttribute("class")).doesNotContain("over");
    shoot(kasubag, "44-case-caption-counters");
    // The server is the judge: refused for X only, each platform's verdict next to the field.
    submit(kasubag, By.cssSelector("#caption button"));
    assertThat(kasubag.findElement(By.id("caption-sent-verdicts-X")).getAttribute("class")).contains("refused");
    assertThat(kasubag.findElement(By.id("caption-sent-verdicts-X")).getText()).contains("280");
    assertThat(kasubag.findElement(By.id("caption-sent-verdicts-INSTAGRAM")).getAttribute("class")).contains("ok");
    assertThat(kasubag.findElement(By.id("caption-text")).getAttribute("value")).isEqualTo(tooLong);
    shoot(kasubag, "45-case-caption-refused");
    type(kasubag, text);
    submit(kasubag, By.cssSelector("#caption button"));
    assertThat(kasubag.findElement(By.id("caption-verdicts-X")).getAttribute("class")).contains("ok");

    // Activity 7: Instagram and X post (dry run); Telegram cannot tell, so it waits for the uploader's answer.
    ChromeDriver staf = browser();
    login(staf, "cp-m.staf");
    awaitOnPage(staf, caseUrl, "#pub-TELEGRAM .state-confirm");
    awaitOnPage(staf, caseUrl, "#pub-INSTAGRAM .state-posted");
    awaitOnPage(staf, caseUrl, "#pub-X .state-posted");
    assertThat(staf.findElement(By.id("pub-TELEGRAM")).getText()).contains("perlu konfirmasi", "timeout");
    shoot(staf, "46-case-needs-confirmation");
    // The page with all its parts keeps the strict CSP: no inline script, style or handler; English on asking.
    Client stafClient = session("cp-m.staf");
    assertThat(stafClient.get("/kasus/" + caseId).expect(200).text()).doesNotContainPattern("<script(?![^>]*\\ssrc=)")
        .doesNotContain("style=").doesNotContain("<style").doesNotContainPattern("\\son[a-z]+=")
        .contains("Sudah tayang", "Tidak tayang");
    assertThat(stafClient.get("/kasus/" + caseId + "?lang=en").expect(200).text())
        .contains("It is there", "It is not there", "needs confirmation", "Upload status per platform");
    // Only the uploader's role sees the answers; another office's person and anonymous callers cannot answer.
    kasubag.get(caseUrl);
    assertThat(kasubag.findElements(By.id("confirm-TELEGRAM"))).isEmpty();
    byte[] answer = ("key=" + UUID.randomUUID() + "&posted=false").getBytes(StandardCharsets.UTF_8);
    int sends = TELEGRAM_SENDS.get();
    Client.Response otherAnswer = other.send("POST", "/kasus/" + caseId + "/terbit/TELEGRAM",
        "application/x-www-form-urlencoded", answer, Map.of());
    assertThat(otherAnswer.status()).isIn(403, 404);
    assertThat(otherAnswer.text()).doesNotContain("Keputusan KPU tentang JDIH");
    assertThat(new Client(port).send("POST", "/kasus/" + caseId + "/terbit/TELEGRAM",
        "application/x-www-form-urlencoded", answer, Map.of()).status()).isIn(401, 403);
    assertThat(k.send("POST", "/kasus/" + caseId + "/terbit/TELEGRAM", "application/x-www-form-urlencoded", answer,
        Map.of()).status()).isEqualTo(403);
    assertThat(TELEGRAM_SENDS.get()).isEqualTo(sends);
    assertThat(session("cp-m.staf").get(api + "/publications").expect(200).json().get("needsConfirmation")
        .toString()).contains("TELEGRAM");

    // "Tidak tayang" sent twice from one form (one key): answered once, Telegram is sent again.
    staf.get(caseUrl);
    Object statuses = staf.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const f = document.getElementById('confirm-TELEGRAM');
        const body = () => { const b = new URLSearchParams(new FormData(f)); b.set('posted', 'false'); return b; };
        fetch(f.action, {method: 'POST', body: body(), redirect: 'manual'})
          .then(a => fetch(f.action, {method: 'POST', body: body(), redirect: 'manual'}).then(b => done([a.type, b.type])))
          .catch(e => done(String(e)));""");
    assertThat(statuses.toString()).isEqualTo("[opaqueredirect, opaqueredirect]");
    new WebDriverWait(staf, Duration.ofSeconds(30)).until(d -> TELEGRAM_SENDS.get() > sends);
    awaitOnPage(staf, caseUrl, "#pub-TELEGRAM .state-confirm");
    // "Sudah tayang" needs the post's address; then the post is recorded and the case is published.
    submit(staf, By.id("posted-TELEGRAM"));
    assertThat(staf.findElement(By.cssSelector("#confirm-TELEGRAM .field-error")).getText()).isNotBlank();
    assertThat(staf.findElement(By.id("form-error")).getText()).contains("JDIH-");
    staf.findElement(By.id("url-TELEGRAM")).sendKeys("https://t.me/jdih_uji/42");
    submit(staf, By.id("posted-TELEGRAM"));
    new WebDriverWait(staf, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(300)).until(d -> {
      d.navigate().refresh();
      return d.findElement(By.id("case-status")).getText().equals("terbit");
    });
    assertThat(staf.findElement(By.id("pub-TELEGRAM")).getText()).contains("sudah tayang");
    assertThat(staf.findElement(By.cssSelector("#pub-TELEGRAM a")).getAttribute("href"))
        .isEqualTo("https://t.me/jdih_uji/42");
    assertThat(staf.findElements(By.cssSelector("#publications .state-posted"))).hasSize(3);
    shoot(staf, "47-case-published-per-platform");
  }

  @Test
  @Order(2)
  void aCaseIsWithdrawnWithAReason() throws IOException {
    Client k = session("cp-m.kasubag");
    String id = k.post("/api/v1/offices/cp-m/cases", proposal("Akan dibatalkan"), Map.of("Idempotency-Key",
        "cp-w")).expect(201).json().get("id").asString();
    ChromeDriver tim = browser();
    login(tim, "cp-m.tim");
    tim.get(url("/kasus/" + id));
    assertThat(tim.findElements(By.id("withdraw"))).as("only the withdrawal role").isEmpty();
    ChromeDriver kasubag = browser();
    login(kasubag, "cp-m.kasubag");
    kasubag.get(url("/kasus/" + id));
    kasubag.findElement(By.cssSelector("#withdraw summary")).click();
    noBrowserValidation(kasubag);
    submit(kasubag, By.cssSelector("#withdraw-form button"));
    assertThat(kasubag.findElement(By.id("withdraw-reason-error")).getText()).isEqualTo("wajib diisi");
    assertThat(kasubag.findElement(By.id("case-status")).getText()).isEqualTo("berjalan");
    kasubag.findElement(By.id("withdraw-reason")).sendKeys("Materi sudah tidak relevan");
    submit(kasubag, By.cssSelector("#withdraw-form button"));
    assertThat(kasubag.findElement(By.id("case-status")).getText()).isEqualTo("dibatalkan");
    assertThat(kasubag.findElement(By.id("withdrawn")).getText()).contains("Materi sudah tidak relevan");
    assertThat(kasubag.findElements(By.id("withdraw"))).isEmpty();
    shoot(kasubag, "48-case-withdrawn");
  }

  @Test
  @Order(3)
  void badgesFollowTheClockAndAnUncoveredYearIsWarnedOf() throws IOException {
    // Monday 7 December 2026, 09.00 WIB: a proposal waits for its approval by the Kasubag Hukum.
    CLOCK.set(ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, WIB).toInstant());
    Client k = session("cp-t.kasubag");
    String id = k.post("/api/v1/offices/cp-t/cases", proposal("Jam yang bergerak"), Map.of("Idempotency-Key",
        "cp-c1")).expect(201).json().get("id").asString();
    JsonNode rows = k.get("/api/v1/offices/cp-t/cases/" + id + "/timeline").expect(200).json().get("rows");
    Instant due = Instant.parse(rows.get(rows.size() - 1).get("due").asString());
    ChromeDriver kasubag = browser();
    login(kasubag, "cp-t.kasubag");
    assertThat(card(kasubag, "Jam yang bergerak").getText()).contains("tepat waktu");
    assertThat(card(kasubag, "Jam yang bergerak").findElements(By.className("coverage-warning"))).isEmpty();
    CLOCK.set(due.minus(Duration.ofMinutes(1)));
    assertThat(card(kasubag, "Jam yang bergerak").getText()).contains("segera jatuh tempo");
    CLOCK.set(due.plus(Duration.ofHours(1)));
    assertThat(card(kasubag, "Jam yang bergerak").getText()).contains("terlambat");

    // 2027, which the bundled holidays do not cover: the due time is flagged on the card and on the case page.
    CLOCK.set(ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, WIB).toInstant());
    String late = k.post("/api/v1/offices/cp-t/cases", proposal("Tahun tanpa kalender"), Map.of("Idempotency-Key",
        "cp-c2")).expect(201).json().get("id").asString();
    WebElement uncovered = card(kasubag, "Tahun tanpa kalender");
    assertThat(uncovered.getText()).contains("tepat waktu");
    assertThat(uncovered.findElement(By.className("coverage-warning")).getText()).contains("2027");
    assertThat(card(kasubag, "Jam yang bergerak").getText()).contains("terlambat");
    shoot(kasubag, "49-tasks-badges-coverage");
    kasubag.get(url("/kasus/" + late));
    assertThat(kasubag.findElement(By.cssSelector("#timeline li.open .coverage-warning")).getText()).contains("2027");
    kasubag.get(url("/kasus/" + late + "?lang=en"));
    assertThat(kasubag.findElement(By.cssSelector("#timeline li.open .coverage-warning")).getText())
        .contains("does not cover 2027");
    kasubag.get(url("/?lang=id"));
  }

  @Test
  @Order(4)
  void theProposalFormWorksWithoutItsScript() {
    // As a browser without the script sends it: the legal product's fields go with legal information too, and are
    // ignored there; a legal product may be proposed without them (the library does not require them).
    Client k = session("cp-m.kasubag");
    String legalFields = "&legalProduct.documentType=Peraturan&legalProduct.title=Judul&legalProduct.issuingBody=KPU"
        + "&legalProduct.number=1%2FPL.01-Kpt%2F2024&legalProduct.form=Keputusan%20KPU&legalProduct.year=2024";
    for (String category : List.of("INFORMASI_HUKUM", "PRODUK_HUKUM")) {
      String form = "key=" + UUID.randomUUID() + "&title=Tanpa%20skrip%20" + category + "&category=" + category
          + "&material=Materi&platforms=INSTAGRAM" + (category.equals("INFORMASI_HUKUM") ? legalFields : "");
      Client.Response r = k.send("POST", "/kasus/baru", "application/x-www-form-urlencoded",
          form.getBytes(StandardCharsets.UTF_8), Map.of());
      assertThat(r.status()).as("%s: %s", category, r.text()).isEqualTo(302);
      String id = r.header("Location").orElseThrow().replaceFirst(".*/kasus/", "");
      JsonNode c = k.get("/api/v1/offices/cp-m/cases/" + id).expect(200).json();
      assertThat(c.toString()).as("no legal product on %s", category).doesNotContain("1/PL.01-Kpt/2024");
    }
    // Every field of the form is bounded.
    String html = k.get("/kasus/baru").expect(200).text();
    for (String f : List.of("documentType", "title", "issuingBody", "number", "form", "year")) {
      assertThat(html).containsPattern("name=\"legalProduct\\." + f + "\"[^>]*maxlength=\"\\d+\"");
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  /** The card of {@code title} on a fresh load of Tugas saya. */
  private WebElement card(ChromeDriver d, String title) {
    d.get(url("/"));
    return d.findElements(By.cssSelector("#tasks .card")).stream()
        .filter(c -> c.findElement(By.className("title")).getText().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no task card " + title + ": " + d.findElement(By.id("tasks"))
            .getText()));
  }

  /** Sets the caption as a person would type it (chromedriver cannot type an emoji) and lets the page count. */
  private static void type(ChromeDriver d, String text) {
    d.executeScript("""
        const a = document.getElementById('caption-text');
        a.value = arguments[0];
        a.dispatchEvent(new Event('input', {bubbles: true}));""", text);
  }

  /** Reloads {@code url} until {@code selector} is on it (30 s). */
  private static void awaitOnPage(ChromeDriver d, String url, String selector) {
    d.get(url);
    new WebDriverWait(d, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(300)).until(x -> {
      if (!x.findElements(By.cssSelector(selector)).isEmpty()) {
        return true;
      }
      x.navigate().refresh();
      return false;
    });
  }

  static byte[] png(int w, int h) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
