package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff's pages in a real headless Chromium (Debian's {@code chromium} and {@code chromedriver}; without them
 * these tests are skipped, never passed): three people of one office in three browser sessions take a case through
 * activities 1 to 6, with a rejection and a resubmission, and the outbox publishes it. Every page is photographed
 * at phone (390x844) and desktop (1366x900) width into {@code target/screenshots}, weighed and checked with
 * axe-core ({@link BrowserTestSupport#shoot}).
 */
class WebPagesBrowserTest extends BrowserTestSupport {
  private Client admin;

  @BeforeAll
  void setUp() {
    admin = admin();
    office(admin, "web-m", "Asia/Jakarta", "19800101200608");
    office(admin, "web-n", "Asia/Makassar", "19900101200608");
  }

  @Test
  void threePeopleTakeACaseThroughTheSopInTheirBrowsers() throws IOException {
    ChromeDriver kasubag = browser();
    // The login page, its English switch, and a wrong password shown as such.
    kasubag.get(url("/login"));
    assertThat(kasubag.findElement(By.tagName("h1")).getText()).isEqualTo("Masuk ke JDIH");
    shoot(kasubag, "01-login");
    submit(kasubag, By.id("lang-en"));
    assertThat(kasubag.findElement(By.tagName("h1")).getText()).isEqualTo("Log in to JDIH");
    kasubag.findElement(By.id("username")).sendKeys("web-m.kasubag");
    kasubag.findElement(By.id("password")).sendKeys("wrong-password");
    submit(kasubag, By.cssSelector("#login-form button"));
    assertThat(kasubag.findElement(By.id("login-error")).getText()).isEqualTo("Wrong username or password.");
    shoot(kasubag, "02-login-error-en");
    submit(kasubag, By.id("lang-id"));
    login(kasubag, "web-m.kasubag");
    assertThat(kasubag.findElement(By.tagName("h1")).getText()).isEqualTo("Tugas saya");
    assertThat(kasubag.findElement(By.id("no-tasks")).isDisplayed()).isTrue();
    shoot(kasubag, "03-tasks-empty");

    // Activity 1: a proposal refused for a blank title (the error next to the field, with its code)...
    submit(kasubag, By.id("nav-propose"));
    shoot(kasubag, "04-propose");
    noBrowserValidation(kasubag);
    kasubag.findElement(By.id("material")).sendKeys("Materi tentang JDIH");
    submit(kasubag, By.cssSelector("#propose button[type=submit]"));
    assertThat(kasubag.findElement(By.id("form-error")).getText()).contains("JDIH-HTTP-005");
    assertThat(kasubag.findElement(By.cssSelector("#title + .field-error")).getText()).isEqualTo("wajib diisi");
    assertThat(kasubag.findElement(By.id("material")).getAttribute("value")).isEqualTo("Materi tentang JDIH");
    shoot(kasubag, "05-propose-error");
    // ... then sent twice from the same form: one case.
    kasubag.findElement(By.id("title")).sendKeys("Tahukah kamu: JDIH Mentawai");
    kasubag.findElement(By.cssSelector("input[name=platforms][value=TELEGRAM]")).click();
    Object statuses = kasubag.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const f = document.getElementById('propose');
        const body = () => new URLSearchParams(new FormData(f));
        fetch(f.action, {method: 'POST', body: body(), redirect: 'manual'})
          .then(a => fetch(f.action, {method: 'POST', body: body(), redirect: 'manual'}).then(b => done([a.type, b.type])))
          .catch(e => done(String(e)));""");
    assertThat(statuses.toString()).isEqualTo("[opaqueredirect, opaqueredirect]");
    kasubag.get(url("/papan"));
    List<WebElement> cards = kasubag.findElements(By.cssSelector("#col-2 .card .title"));
    assertThat(cards).extracting(WebElement::getText).containsExactly("Tahukah kamu: JDIH Mentawai");
    shoot(kasubag, "06-board");
    submit(kasubag, By.cssSelector("#col-2 .card .title"));
    String caseUrl = kasubag.getCurrentUrl();
    String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
    assertForms(kasubag);
    shoot(kasubag, "07-case-approval");

    // Activity 2: a rejection needs its reason, then rejects; the proposer resubmits the prefilled proposal.
    noBrowserValidation(kasubag);
    submit(kasubag, By.cssSelector("#reject button"));
    assertThat(kasubag.findElement(By.id("reason-error")).getText()).isEqualTo("wajib diisi");
    assertThat(kasubag.findElement(By.id("form-error")).getText()).contains("JDIH-HTTP-005");
    shoot(kasubag, "08-case-reject-error");
    kasubag.findElement(By.id("reason")).sendKeys("Judul kurang jelas");
    submit(kasubag, By.cssSelector("#reject button"));
    assertThat(kasubag.findElement(By.id("rejection")).getText()).contains("Judul kurang jelas");
    assertThat(kasubag.findElement(By.id("title")).getAttribute("value")).isEqualTo("Tahukah kamu: JDIH Mentawai");
    assertThat(kasubag.findElement(By.id("material")).getAttribute("value")).isEqualTo("Materi tentang JDIH");
    shoot(kasubag, "09-case-resubmit");
    kasubag.findElement(By.id("title")).sendKeys(" (revisi)");
    submit(kasubag, By.cssSelector("#resubmit button[type=submit]"));
    assertThat(kasubag.findElement(By.id("case-title")).getText()).isEqualTo("Tahukah kamu: JDIH Mentawai (revisi)");
    kasubag.findElement(By.id("note")).sendKeys("Lanjut ke rapat");
    submit(kasubag, By.cssSelector("#approve button"));
    assertThat(kasubag.findElements(By.id("act"))).as("no form: the meeting is the team's").isEmpty();

    // Activity 3: the team's meeting, from the team member's own task list.
    ChromeDriver tim = browser();
    login(tim, "web-m.tim");
    List<WebElement> tasks = tim.findElements(By.cssSelector("#tasks .card"));
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).getText()).contains("Tahukah kamu: JDIH Mentawai (revisi)", "tepat waktu");
    shoot(tim, "10-tasks-tim");
    submit(tim, By.cssSelector("#tasks .card .title"));
    shoot(tim, "11-case-meeting");
    assertThat(tim.findElement(By.id("date")).getAttribute("value")).matches("\\d{4}-\\d{2}-\\d{2}");
    tim.findElement(By.id("attendees")).sendKeys("Rina\nBudi");
    tim.findElement(By.id("conclusions")).sendKeys("Dibuat infografis");
    for (WebElement box : tim.findElements(By.cssSelector("input[name=equipment]"))) {
      box.click();
    }
    tim.findElement(By.id("minutes")).sendKeys(file("notulen.txt", "Notulen rapat".getBytes(StandardCharsets.UTF_8)));
    submit(tim, By.cssSelector("#meeting button"));
    assertThat(tim.findElement(By.id("timeline")).getText()).contains("Orang web-m.tim");

    // Activity 4: the staff's summary.
    ChromeDriver staf = browser();
    login(staf, "web-m.staf");
    staf.get(caseUrl);
    shoot(staf, "12-case-summary");
    staf.findElement(By.id("summary-text")).sendKeys("Rangkuman: infografis tentang JDIH");
    submit(staf, By.cssSelector("#summary button"));

    // Activity 5: the design, uploaded by the team.
    tim.get(caseUrl);
    shoot(tim, "13-case-design");
    tim.findElement(By.id("images")).sendKeys(file("desain.jpg", jpeg(1080, 1350)));
    submit(tim, By.cssSelector("#design button"));

    // Activity 6: the caption, with its live count per target platform (the page's only script).
    kasubag.get(caseUrl);
    WebElement caption = kasubag.findElement(By.id("caption-text"));
    caption.sendKeys("Kenali JDIH KPU Kepulauan Mentawai #JDIH");
    assertThat(kasubag.findElement(By.id("count-INSTAGRAM")).getText()).isEqualTo("40 / 2.200");
    assertThat(kasubag.findElement(By.id("count-TELEGRAM")).getText()).isEqualTo("40 / 1.024");
    shoot(kasubag, "14-case-caption");
    submit(kasubag, By.cssSelector("#caption button"));

    // Activity 7: the outbox publishes (dry run); the page shows it.
    new WebDriverWait(kasubag, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(300)).until(d -> {
      d.navigate().refresh();
      return d.findElement(By.id("case-status")).getText().equals("terbit");
    });
    assertThat(kasubag.findElement(By.id("pub-INSTAGRAM")).getText()).contains("sudah tayang");
    assertThat(kasubag.findElement(By.id("pub-TELEGRAM")).getText()).contains("sudah tayang");
    assertThat(kasubag.findElements(By.cssSelector("#timeline > li"))).hasSize(9); // 1,2 rejected,1,2,3,4,5,6,7
    shoot(kasubag, "15-case-published");
    kasubag.get(url("/?lang=en"));
    assertThat(kasubag.findElement(By.tagName("h1")).getText()).isEqualTo("My tasks");
    kasubag.get(caseUrl);
    assertThat(kasubag.findElement(By.id("case-status")).getText()).isEqualTo("published");
    shoot(kasubag, "16-case-published-en");

    // Another office's person opening the case: refused, without its title.
    ChromeDriver other = browser();
    login(other, "web-n.kasubag");
    other.get(caseUrl);
    assertThat(other.findElement(By.id("refusal")).getText()).contains("JDIH-ACTOR-002"); // as the API says
    assertThat(other.getPageSource()).doesNotContain("Mentawai (revisi)").doesNotContain("Tahukah");
    shoot(other, "17-other-office-refused");
    assertThat(session("web-n.kasubag").get("/kasus/" + caseId).expect(403).text()).doesNotContain("Tahukah");
  }

  @Test
  void pagesNeedALoginAndKeepTheStrictContentSecurityPolicy() throws IOException {
    ChromeDriver browser = browser();
    for (String path : List.of("/", "/papan", "/kasus/baru", "/kasus/web-m-x")) {
      browser.get(url(path));
      assertThat(browser.getCurrentUrl()).as("anonymous %s", path).endsWith("/login");
    }
    Client anonymous = new Client(port);
    anonymous.get("/").expect(401); // a client that does not ask for HTML gets no redirect
    Client.Response login = anonymous.get("/login").expect(200);
    assertThat(login.header("Content-Security-Policy").orElse("")).contains("script-src 'self'", "style-src 'self'");
    anonymous.get("/css/app.css").expect(200);
    anonymous.get("/js/app.js").expect(200);
    Client kasubag = session("web-m.kasubag");
    for (String path : List.of("/", "/papan", "/kasus/baru")) {
      String html = kasubag.get(path).expect(200).text();
      assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("style=")
          .doesNotContain("<style").doesNotContainPattern("\\son[a-z]+=");
    }
    // An account of no office gets a refusal page, not an error.
    admin.get("/").expect(403);
  }

  @Test
  void theAccessibilityCheckSeesAViolation() throws IOException {
    ChromeDriver browser = browser();
    browser.get(url("/login"));
    assertThat(axe(browser)).as("the login page as served").isEmpty();
    // A field without a label: axe must report it as critical, or the check on every page checks nothing.
    browser.executeScript("""
        const i = document.createElement('input'); i.id = 'unlabelled'; document.body.appendChild(i);""");
    assertThat(axe(browser)).extracting(v -> v.get("id") + ":" + v.get("impact")).contains("label:critical");
  }
}
