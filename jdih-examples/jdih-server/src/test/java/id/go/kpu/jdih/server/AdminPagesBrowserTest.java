package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The office administrator's pages in a real headless Chromium: the SOP editor (a variant with a second approval
 * by a new role, its live lint, its publication), the people page (a person with the new role), a case run under
 * the new revision while an older case keeps its own, the calendar upload (a bad line shown and nothing stored),
 * the platform accounts (a pasted token refused without being shown), and who may see these pages at all.
 */
class AdminPagesBrowserTest extends BrowserTestSupport {
  private Client admin;

  @BeforeAll
  void setUp() {
    admin = admin();
    office(admin, "adm-a", "Asia/Jakarta", "19810101200608");
    office(admin, "adm-b", "Asia/Makassar", "19910101200608");
  }

  @Test
  void anAdministratorPublishesAVariantAndTheOfficeRunsACaseUnderIt() throws IOException {
    String cases = "/api/v1/offices/adm-a/cases";
    Client kasubagApi = session("adm-a.kasubag");
    String older = kasubagApi.post(cases, proposal("Kasus lama"), Map.of("Idempotency-Key", "lama-1")).expect(201)
        .json().get("id").asString();

    ChromeDriver k = browser();
    login(k, "adm-a.kasubag");
    submit(k, By.id("nav-admin"));
    assertThat(k.getCurrentUrl()).endsWith("/admin/orang");
    assertThat(k.findElement(By.id("people")).getText()).contains("Orang adm-a.staf").doesNotContain("adm-b");
    shoot(k, "30-admin-people");

    // The editor starts from the office's definition, as its next revision.
    submit(k, By.id("tab-sop"));
    assertThat(k.findElement(By.id("revision")).getAttribute("value")).isEqualTo("1");
    assertThat(k.findElements(By.id("no-findings"))).isEmpty(); // the reference SOP warns (the scanner)
    shoot(k, "31-sop-editor");

    // A new role: the lint finding "lane without activities" appears as it is typed (editor.js)...
    k.findElement(By.id("r3-id")).sendKeys("sekretaris");
    k.findElement(By.id("r3-name")).sendKeys("Sekretaris");
    awaitPreview(k, t -> t.contains("JDIH-LINT-003"));
    assertThat(k.findElement(By.id("sop-preview")).getText()).contains("Peran 4");
    shoot(k, "32-sop-editor-live-lint");
    // ... and, after a check round trip, the role can execute a second approval inserted after activity 2.
    submit(k, By.id("check"));
    assertThat(k.findElement(By.id("r3-name")).getAttribute("value")).isEqualTo("Sekretaris");
    assertThat(k.findElement(By.cssSelector("#r3-id ~ .field-note")).getText()).contains("JDIH-LINT-003");
    new Select(k.findElement(By.id("new-after"))).selectByValue("2");
    new Select(k.findElement(By.id("new-kind"))).selectByValue("APPROVAL");
    k.findElement(By.id("new-description")).sendKeys("Menyetujui materi konten oleh Sekretaris");
    new Select(k.findElement(By.id("new-executor"))).selectByValue("sekretaris");
    new Select(k.findElement(By.id("new-rejected"))).selectByValue("1");
    submit(k, By.id("add"));
    assertThat(k.findElement(By.id("a2-description")).getAttribute("value"))
        .isEqualTo("Menyetujui materi konten oleh Sekretaris");
    assertThat(new Select(k.findElement(By.id("a1-next"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("3");
    assertThat(new Select(k.findElement(By.id("a2-next"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("4");
    assertThat(k.findElement(By.id("sop-preview")).getText()).doesNotContain("JDIH-LINT-003");

    // The design is now activity 6: without a time the finding appears live, with 2 days it goes away.
    assertThat(new Select(k.findElement(By.id("a5-kind"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("DESIGN");
    WebElement design = k.findElement(By.id("a5-amount"));
    design.sendKeys(Keys.END, Keys.BACK_SPACE, Keys.BACK_SPACE);
    awaitPreview(k, t -> t.contains("JDIH-LINT-004"));
    assertThat(k.findElement(By.id("sop-preview")).getText()).contains("Kegiatan 6");
    shoot(k, "33-sop-editor-activity-added");
    design.sendKeys("2");
    awaitPreview(k, t -> !t.contains("JDIH-LINT-004"));
    assertThat(k.findElement(By.id("doc-acts")).getText()).contains("2 Hari");

    // Revision 0 with a revision date is refused by the library's validation, next to the field.
    WebElement revision = k.findElement(By.id("revision"));
    revision.clear();
    revision.sendKeys("0");
    submit(k, By.id("publish"));
    assertThat(k.findElement(By.id("form-error")).getText()).contains("JDIH-DEF-001");
    assertThat(k.findElement(By.cssSelector("#revision ~ .field-note")).getText()).contains("JDIH-DEF-001",
        "nomor revisi harus 1 atau lebih");
    assertThat(session("adm-a.kasubag").get("/api/v1/offices/adm-a/sop").expect(200).json().get("identity")
        .get("revision").asInt()).isZero(); // nothing half-saved
    shoot(k, "34-sop-editor-refused");
    revision = k.findElement(By.id("revision"));
    revision.clear();
    revision.sendKeys("1");
    // The office no longer posts to X (the allowed platforms of the definition).
    k.findElement(By.id("platform-X")).click();
    awaitPreview(k, t -> t.contains("Threads, Telegram"));
    submit(k, By.id("publish"));
    assertThat(k.findElement(By.id("published")).getText()).contains("adm-a/", "/r1");
    assertThat(k.findElement(By.id("current-sop")).getText()).endsWith("/r1");
    JsonNode sop = kasubagApi.get("/api/v1/offices/adm-a/sop").expect(200).json();
    assertThat(sop.get("activities")).hasSize(8);
    assertThat(sop.get("allowedPlatforms").toString()).contains("INSTAGRAM", "TELEGRAM").doesNotContain("\"X\"");

    // The people page: a person with the new role (a NIP error first, next to its field).
    submit(k, By.id("tab-people"));
    noBrowserValidation(k);
    k.findElement(By.id("username")).sendKeys("adm-a.sekretaris");
    k.findElement(By.id("person-name")).sendKeys("Ibu Sekretaris");
    k.findElement(By.id("nip")).sendKeys("1981");
    k.findElement(By.id("role-sekretaris")).click();
    k.findElement(By.id("password")).sendKeys(PASSWORD);
    submit(k, By.cssSelector("#person button[type=submit]"));
    assertThat(k.findElement(By.id("nip-error")).getText()).isEqualTo("NIP harus 18 angka");
    assertThat(k.findElement(By.id("form-error")).getText()).contains("JDIH-HTTP-005");
    shoot(k, "35-admin-people-error");
    WebElement nip = k.findElement(By.id("nip"));
    nip.clear();
    nip.sendKeys("198101012006080009");
    k.findElement(By.id("password")).sendKeys(PASSWORD);
    submit(k, By.cssSelector("#person button[type=submit]"));
    assertThat(k.findElement(By.id("saved")).getText()).contains("adm-a.sekretaris");
    assertThat(k.findElement(By.id("person-adm-a.sekretaris")).getText()).contains("Ibu Sekretaris", "Sekretaris");

    // A case under the new revision: the second approval is the Sekretaris's, done on the case page.
    String id = kasubagApi.post(cases, proposal("Kasus baru"), Map.of("Idempotency-Key", "baru-1")).expect(201)
        .json().get("id").asString();
    assertThat(kasubagApi.get(cases + "/" + id).expect(200).json().get("sop").asString()).endsWith("/r1");
    assertThat(kasubagApi.get(cases + "/" + older).expect(200).json().get("sop").asString()).endsWith("/r0");
    kasubagApi.command(cases + "/" + id + "/approve", Map.of("note", "Lanjut")).expect(200);
    ChromeDriver sekretaris = browser();
    login(sekretaris, "adm-a.sekretaris");
    sekretaris.get(url("/kasus/" + id));
    assertThat(sekretaris.findElement(By.id("current-activity")).getText())
        .contains("3. Menyetujui materi konten oleh Sekretaris (Sekretaris)");
    submit(sekretaris, By.cssSelector("#approve button"));
    Client tim = session("adm-a.tim");
    tim.multipart(cases + "/" + id + "/meeting", List.of(Map.entry("date", "2026-12-03"),
        Map.entry("attendees", "Rina"), Map.entry("conclusions", "Infografis"), Map.entry("equipment", "infocus"),
        Map.entry("equipment", "komputer-laptop"), Map.entry("minutes", new Client.FilePart("notulen.txt", "text/plain",
            "Notulen".getBytes(StandardCharsets.UTF_8)))), Map.of("Idempotency-Key", "rapat-a")).expect(200);
    session("adm-a.staf").command(cases + "/" + id + "/summary", Map.of("summary", "Rangkuman")).expect(200);
    tim.multipart(cases + "/" + id + "/design", List.of(Map.entry("images", new Client.FilePart("d.jpg",
        "image/jpeg", jpeg(1080, 1350)))), Map.of("Idempotency-Key", "desain-a")).expect(200);
    kasubagApi.command(cases + "/" + id + "/caption", Map.of("text", "Keterangan #JDIH")).expect(200);
    awaitStatus(kasubagApi, cases + "/" + id, "PUBLISHED");
    k.get(url("/kasus/" + id));
    assertThat(k.findElement(By.id("timeline")).getText()).contains("Menyetujui materi konten oleh Sekretaris",
        "Orang adm-a.kasubag", "Ibu Sekretaris");
    assertThat(kasubagApi.get(cases + "/" + id + "/timeline").expect(200).json().get("rows")).hasSize(8);
  }

  @Test
  void theCalendarRefusesABadLineAndThePlatformAccountsNeverShowAToken() throws IOException {
    ChromeDriver k = browser();
    login(k, "adm-b.kasubag");
    k.get(url("/admin/kalender"));
    assertThat(k.findElement(By.id("no-days")).isDisplayed()).isTrue();
    String bad = "date,kind,name,source\n2027-01-02,NATIONAL_HOLIDAY,Libur daerah,Perda 1/2026\n"
        + "2027-13-01,NATIONAL_HOLIDAY,Salah,Perda 1/2026\n";
    k.findElement(By.id("file")).sendKeys(file("kalender-salah.csv", bad.getBytes(StandardCharsets.UTF_8)));
    submit(k, By.cssSelector("#upload button"));
    assertThat(k.findElement(By.id("line-errors")).getText()).contains("Baris 3", "tanggal tidak sah");
    assertThat(k.findElement(By.id("form-error")).getText()).contains("JDIH-HTTP-005", "tidak ada yang disimpan");
    assertThat(k.findElement(By.id("no-days")).isDisplayed()).isTrue(); // nothing was stored
    assertThat(session("adm-b.kasubag").get("/api/v1/offices/adm-b/calendar").expect(200).json()).isEmpty();
    shoot(k, "36-admin-calendar-error");
    String good = "date,kind,name,source\n2027-01-02,NATIONAL_HOLIDAY,Libur daerah,Perda 1/2026\n";
    k.findElement(By.id("file")).sendKeys(file("kalender.csv", good.getBytes(StandardCharsets.UTF_8)));
    submit(k, By.cssSelector("#upload button"));
    assertThat(k.findElement(By.id("saved")).isDisplayed()).isTrue();
    assertThat(k.findElement(By.id("days")).getText()).contains("2 Januari 2027", "Libur daerah");
    shoot(k, "37-admin-calendar");

    // A platform account: a pasted token is refused and not shown again; a reference is saved, then removed.
    submit(k, By.id("tab-platforms"));
    String token = "123456789:AAHfakeTelegramBotTokenForTests0123";
    new Select(k.findElement(By.id("platform"))).selectByValue("TELEGRAM");
    k.findElement(By.id("accountId")).sendKeys("@jdihkpuadmb");
    k.findElement(By.id("displayUrl")).sendKeys("https://t.me/jdihkpuadmb");
    k.findElement(By.id("secretRef")).sendKeys(token);
    submit(k, By.cssSelector("#account button"));
    assertThat(k.findElement(By.id("secretRef-error")).getText()).contains("token");
    assertThat(k.getPageSource()).doesNotContain(token).doesNotContain("AAHfake");
    shoot(k, "38-admin-platform-error");
    k.findElement(By.id("secretRef")).sendKeys("env:JDIH_TEST_TELEGRAM_TOKEN");
    submit(k, By.cssSelector("#account button"));
    assertThat(k.findElement(By.id("account-TELEGRAM")).getText()).contains("@jdihkpuadmb",
        "env:JDIH_TEST_TELEGRAM_TOKEN", "tidak tersedia");
    shoot(k, "39-admin-platforms");
    submit(k, By.id("remove-TELEGRAM"));
    assertThat(k.findElement(By.id("no-accounts")).isDisplayed()).isTrue();
    assertThat(session("adm-b.kasubag").get("/api/v1/offices/adm-b/platforms").expect(200).json()).isEmpty();
  }

  @Test
  void onlyTheOfficesAdministratorsSeeOrChangeItsAdminPages() throws IOException {
    List<String> pagesToSee = List.of("/admin", "/admin/orang", "/admin/platform", "/admin/kalender", "/admin/sop");
    ChromeDriver anonymous = browser();
    for (String path : pagesToSee) {
      anonymous.get(url(path));
      assertThat(anonymous.getCurrentUrl()).as("anonymous %s", path).endsWith("/login");
    }
    Client nobody = new Client(port);
    for (String path : pagesToSee) {
      nobody.get(path).expect(401);
    }
    nobody.send("POST", "/admin/sop/pratinjau", "application/x-www-form-urlencoded", new byte[0], Map.of())
        .expect(403); // no session: no CSRF token either

    // A person of the office who is not its administrator: no Admin link, refused everywhere.
    Client tim = session("adm-a.tim");
    assertThat(tim.get("/").expect(200).text()).doesNotContain("nav-admin");
    for (String path : pagesToSee) {
      assertThat(tim.get(path).expect(403).text()).as(path).contains("JDIH-HTTP-").doesNotContain("Orang adm-a");
    }
    for (String path : List.of("/admin/orang", "/admin/platform", "/admin/platform/hapus", "/admin/sop",
        "/admin/sop/pratinjau")) {
      tim.send("POST", path, "application/x-www-form-urlencoded", form(Map.of("key",
          "00000000-0000-0000-0000-000000000000", "username", "adm-a.tim", "nip", "198101012006080002",
          "name", "Dinaikkan", "roles", "kasubag-hukum", "officeAdmin", "on", "platform", "TELEGRAM")), Map.of())
          .expect(403);
    }
    assertThat(admin.get("/api/v1/offices/adm-a/people").expect(200).text()).doesNotContain("Dinaikkan");

    // The administrator of another office sees only their own office, and cannot change this one's people.
    ChromeDriver other = browser();
    login(other, "adm-b.kasubag");
    other.get(url("/admin/orang"));
    assertThat(other.getPageSource()).doesNotContain("adm-a.");
    other.get(url("/admin/orang?ubah=adm-a.staf"));
    assertThat(other.findElement(By.id("refusal")).getText()).contains("JDIH-HTTP-001");
    assertThat(other.getPageSource()).doesNotContain("Orang adm-a.staf");
    Client b = session("adm-b.kasubag");
    String refused = b.send("POST", "/admin/orang", "application/x-www-form-urlencoded", form(Map.of("key",
        "00000000-0000-0000-0000-000000000000", "username", "adm-a.staf", "nip", "198101012006080003",
        "name", "Diambil", "roles", "staf")), Map.of()).expect(409).text();
    assertThat(refused).contains("JDIH-HTTP-");
    assertThat(admin.get("/api/v1/offices/adm-a/people").expect(200).text()).doesNotContain("Diambil");
    // The server administrator, a person of no office, is refused too.
    admin.get("/admin/orang").expect(403);
    // No inline script or style on any admin page.
    Client a = session("adm-a.kasubag");
    for (String path : List.of("/admin/orang", "/admin/platform", "/admin/kalender", "/admin/sop")) {
      String html = a.get(path).expect(200).text();
      assertThat(html).as(path).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("style=")
          .doesNotContain("<style").doesNotContainPattern("\\son[a-z]+=").contains("id=\"nav-admin\"");
    }
    // English on request.
    assertThat(a.get("/admin/sop?lang=en").expect(200).text()).contains("SOP editor", "Publish", "Allowed platforms");
    assertThat(a.get("/admin/orang").expect(200).text()).contains("People and roles");
  }

  private static byte[] form(Map<String, String> fields) {
    StringBuilder s = new StringBuilder();
    fields.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Waits until the live preview's text satisfies {@code test}. */
  private static void awaitPreview(ChromeDriver d, Predicate<String> test) {
    new WebDriverWait(d, Duration.ofSeconds(15)).pollingEvery(Duration.ofMillis(100))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(x -> test.test(x.findElement(By.id("sop-preview")).getText()));
  }
}
