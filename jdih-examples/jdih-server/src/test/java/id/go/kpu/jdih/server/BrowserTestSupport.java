package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests share: a real headless Chromium per person (Debian's {@code chromium} and
 * {@code chromedriver}; without them the tests are skipped, never passed), logging in, waiting for the next page,
 * and {@link #shoot} which photographs a page at phone (390x844) and desktop (1366x900) width into
 * {@code target/screenshots}, checks that it does not scroll sideways, weighs it (under 200 KB on first load) and
 * runs axe-core on it (no serious or critical violation). Weights and accessibility findings of every page are
 * appended to {@code target/screenshots/pages.tsv}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestSupport extends ServerTestSupport {
  protected static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  protected static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  protected static final Path SHOTS = Path.of("target", "screenshots");
  /** The weight a page may have on first load, everything it loads counted uncompressed. */
  protected static final long MAX_PAGE_BYTES = 200 * 1024;

  private static final Object REPORT_LOCK = new Object();
  private static volatile String axeScript;

  private final List<ChromeDriver> browsers = new ArrayList<>();
  private Path files;

  @BeforeAll
  void startBrowsers() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "no /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
    Files.createDirectories(SHOTS);
    files = Files.createTempDirectory("jdih-browser-files");
  }

  @AfterAll
  void quitBrowsers() {
    for (ChromeDriver b : browsers) {
      try {
        b.quit();
      } catch (RuntimeException e) {
        // the browser is gone already
      }
    }
  }

  /** A new browser session, with no cookies, at phone size. */
  protected ChromeDriver browser() throws IOException {
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-extensions", "--hide-scrollbars", "--lang=id-ID", "--window-size=390,844",
        "--user-data-dir=" + Files.createTempDirectory("jdih-chromium"));
    ChromeDriver driver = new ChromeDriver(service, options);
    viewport(driver, 390, 844);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    browsers.add(driver);
    return driver;
  }

  protected String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  protected void login(ChromeDriver d, String username) {
    d.get(url("/login"));
    d.findElement(By.id("username")).sendKeys(username);
    d.findElement(By.id("password")).sendKeys(PASSWORD);
    submit(d, By.cssSelector("#login-form button"));
    assertThat(d.getCurrentUrl()).doesNotContain("/login");
  }

  /** Clicks {@code target} and waits for the next page. */
  protected static void submit(ChromeDriver d, By target) {
    // A mark on the old page's window: the next page has none. (Waiting for the old <html> element to go stale
    // raced in chromedriver: "Node with given id does not belong to the document".) Errors while the browser
    // is between the two pages are retried.
    d.executeScript("window.jdihOldPage = true");
    d.findElement(target).click();
    new WebDriverWait(d, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
        .until(x -> Boolean.TRUE.equals(((JavascriptExecutor) x).executeScript(
            "return window.jdihOldPage === undefined && document.readyState === 'complete'")));
  }

  /** Turns off the browser's own checks of required fields, so that the server's are seen. */
  protected static void noBrowserValidation(ChromeDriver d) {
    d.executeScript("document.querySelectorAll('form').forEach(f => f.noValidate = true)");
  }

  /**
   * Every unsafe form of the page carries the CSRF token and, but for login and logout, the idempotency key; a GET
   * form (a filter) carries no token, which would end up in the address and the logs.
   */
  protected static void assertForms(ChromeDriver d) {
    for (WebElement form : d.findElements(By.tagName("form"))) {
      String action = Objects.requireNonNullElse(form.getAttribute("action"), "");
      boolean safe = "get".equalsIgnoreCase(form.getAttribute("method"));
      assertThat(form.findElements(By.cssSelector("input[type=hidden][name=_csrf]"))).as("CSRF field of %s",
          action).hasSize(safe ? 0 : 1);
      if (!safe && !action.matches(".*/log(in|out)")) {
        assertThat(form.findElement(By.cssSelector("input[name=key]")).getAttribute("value")).hasSize(36);
      }
    }
  }

  /** Writes {@code content} to a file for an upload field and returns its absolute path. */
  protected String file(String name, byte[] content) throws IOException {
    Path p = files.resolve(name);
    Files.write(p, content);
    return p.toAbsolutePath().toString();
  }

  /**
   * Checks and photographs the page: its forms, its weight on this load, axe-core's findings (none serious or
   * critical), then the whole page at phone and desktop width, neither scrolling sideways.
   */
  @SuppressWarnings("unchecked")
  protected static void shoot(ChromeDriver d, String name) {
    assertForms(d);
    long weight = weight(d);
    List<Map<String, Object>> violations = axe(d);
    report(name, weight, violations);
    assertThat(weight).as("bytes loaded by %s", name).isLessThanOrEqualTo(MAX_PAGE_BYTES);
    assertThat(violations).as("serious or critical accessibility violations on %s", name)
        .filteredOn(v -> List.of("serious", "critical").contains(String.valueOf(v.get("impact")))).isEmpty();
    for (int[] size : new int[][] {{390, 844}, {1366, 900}}) {
      viewport(d, size[0], size[1]);
      long width = ((Number) d.executeScript("return document.documentElement.clientWidth")).longValue();
      long height = ((Number) d.executeScript("return Math.max(document.documentElement.scrollHeight,"
          + " window.innerHeight)")).longValue();
      Map<String, Object> shot = d.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
          "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height,
              "scale", 1)));
      try {
        Files.write(SHOTS.resolve(name + "-" + size[0] + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // A page must not scroll sideways (the board's columns scroll inside their own box).
      Object wider = d.executeScript("""
          const w = document.documentElement.clientWidth;
          return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 1)
            .map(e => e.tagName + '#' + e.id + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right))
            .join(' ');""");
      assertThat(((Number) d.executeScript("return document.documentElement.scrollWidth")).longValue())
          .as("page width of %s at %s px; too wide: %s", name, size[0], wider).isLessThanOrEqualTo(width);
    }
    viewport(d, 390, 844);
  }

  /**
   * The bytes this page loaded, uncompressed: the document and every resource the Resource Timing API lists.
   * Counted as if nothing were cached, so it is the first-load weight even when styles came from the cache.
   */
  private static long weight(ChromeDriver d) {
    Object bytes = d.executeScript("""
        const nav = performance.getEntriesByType('navigation')[0];
        const all = [nav].concat(performance.getEntriesByType('resource'));
        return all.reduce((s, e) => s + (e ? (e.decodedBodySize || 0) : 0), 0);""");
    return ((Number) bytes).longValue();
  }

  /** axe-core's violations on the page (rules for WCAG 2.1 A and AA and best practices), as id, impact, targets. */
  @SuppressWarnings("unchecked")
  protected static List<Map<String, Object>> axe(ChromeDriver d) {
    // Injected through the driver, so the page's Content-Security-Policy (script-src 'self') does not apply.
    d.executeScript(axeScript());
    Object result = d.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || 'none',
              nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', ')}))))
          .catch(e => done([{id: 'axe-error', impact: 'critical', nodes: String(e)}]));""");
    return (List<Map<String, Object>>) result;
  }

  private static String axeScript() {
    String s = axeScript;
    if (s == null) {
      try (InputStream in = BrowserTestSupport.class.getResourceAsStream("/axe.min.js")) {
        assertThat(in).as("axe.min.js on the test class path (com.deque.html.axe-core:selenium)").isNotNull();
        s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      axeScript = s;
    }
    return s;
  }

  private static void report(String name, long weight, List<Map<String, Object>> violations) {
    StringBuilder line = new StringBuilder(name).append('\t').append(weight).append('\t').append(violations.size());
    for (Map<String, Object> v : violations) {
      line.append('\t').append(v.get("impact")).append(':').append(v.get("id")).append(" [").append(v.get("nodes"))
          .append(']');
    }
    line.append('\n');
    synchronized (REPORT_LOCK) {
      try {
        Files.writeString(SHOTS.resolve("pages.tsv"), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A viewport of exactly {@code width} x {@code height}; below 500 px a phone's (overlay scrollbars). */
  protected static void viewport(ChromeDriver d, int width, int height) {
    d.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", width < 500));
  }
}
