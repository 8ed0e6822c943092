package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.oidcprovider.OidcProvider;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Single sign-on against a real OIDC provider (Spring Authorization Server, started by this test): the browser's
 * whole authorization-code dance over HTTP. A person with an account logs in and gets the roles of the server's
 * directory, not the ones the provider's token claims; a person without an account is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "server.servlet.session.cookie.secure=false", "jdih.worker.enabled=false"})
class OidcLoginTest {

  private static int serverPort;
  private static ConfigurableApplicationContext provider;

  @Autowired
  id.go.kpu.jdih.server.directory.Accounts accounts;

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry r) throws IOException {
    serverPort = freePort();
    int providerPort = freePort();
    // The provider runs at "localhost" and the server at "127.0.0.1", so that their session cookies stay apart.
    provider = OidcProvider.start(providerPort, "http://127.0.0.1:" + serverPort + "/login/oauth2/code/kpu");
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("jdih-oidc-test");
    r.add("server.port", () -> serverPort);
    r.add("spring.datasource.url", () -> "jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    r.add("jdih.media-dir", () -> dir.resolve("media").toString());
    String reg = "spring.security.oauth2.client.registration.kpu.";
    r.add(reg + "client-id", () -> "jdih");
    r.add(reg + "client-secret", () -> "jdih-client-secret");
    r.add(reg + "scope", () -> "openid,profile");
    r.add(reg + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
    r.add("spring.security.oauth2.client.provider.kpu.issuer-uri", () -> "http://localhost:" + providerPort);
  }

  @AfterAll
  static void stopProvider() {
    if (provider != null) {
      provider.close();
    }
  }

  @Test
  void aPersonWithAnAccountLogsInThroughTheProviderAndGetsTheDirectorysRolesOnly() throws Exception {
    Client admin = new Client(serverPort);
    accounts.setPassword("admin", "admin-password-for-tests");
    admin.login("admin", "admin-password-for-tests");
    admin.withCsrf();
    ServerTestSupport.office(admin, "kab-a", "Asia/Jakarta", "19800101200604");

    HttpClient browser = browser();
    HttpResponse<String> end = signOn(browser, "kab-a.staf");
    assertThat(end.statusCode()).isEqualTo(302);
    assertThat(end.headers().firstValue("Location").orElse("")).doesNotContain("error");
    JsonNode me = Client.JSON.readTree(get(browser, "http://127.0.0.1:" + serverPort + "/api/v1/me").body());
    assertThat(me.get("username").asString()).isEqualTo("kab-a.staf");
    assertThat(me.get("office").asString()).isEqualTo("kab-a");
    // The token claimed kasubag-hukum and admin; the directory says staf, and only that counts.
    assertThat(me.get("roles").toString()).isEqualTo("[\"staf\"]");
    assertThat(me.get("officeAdmin").asBoolean()).isFalse();
    assertThat(me.get("serverAdmin").asBoolean()).isFalse();
  }

  @Test
  void aPersonWithoutAnAccountIsRefused() throws Exception {
    HttpClient browser = browser();
    HttpResponse<String> end = signOn(browser, "stranger");
    assertThat(end.headers().firstValue("Location").orElse("")).contains("error");
    assertThat(get(browser, "http://127.0.0.1:" + serverPort + "/api/v1/me").statusCode()).isEqualTo(401);
  }

  /** The authorization-code flow as a browser runs it; returns the server's answer to the provider's redirect. */
  private HttpResponse<String> signOn(HttpClient browser, String user) throws Exception {
    HttpResponse<String> r = get(browser, "http://127.0.0.1:" + serverPort + "/oauth2/authorization/kpu");
    String authorize = location(r);
    assertThat(authorize).startsWith("http://localhost:");
    r = get(browser, authorize); // the provider wants a login first
    String loginPage = absolute(authorize, location(r));
    r = get(browser, loginPage);
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(r.body());
    assertThat(csrf.find()).as("provider login page: %s", r.body()).isTrue();
    String form = "username=" + enc(user) + "&password=sso-password&_csrf=" + enc(csrf.group(1));
    r = browser.send(HttpRequest.newBuilder(URI.create(loginPage)).header("Accept", "text/html").header("Content-Type",
        "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    String next = absolute(loginPage, location(r)); // back to the authorization endpoint
    r = get(browser, next);
    String callback = location(r);
    assertThat(callback).startsWith("http://127.0.0.1:" + serverPort + "/login/oauth2/code/kpu?code=");
    return get(browser, callback);
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  private static HttpResponse<String> get(HttpClient c, String url) throws Exception {
    // A browser navigating asks for HTML (the provider saves only such requests to return to after its login); the
    // API answers JSON.
    String accept = url.contains("/api/") ? "application/json" : "text/html";
    return c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String location(HttpResponse<String> r) {
    assertThat(r.statusCode()).as("redirect expected from %s: %s", r.uri(), r.body()).isBetween(301, 303);
    return r.headers().firstValue("Location").orElseThrow();
  }

  private static String absolute(String base, String location) {
    return URI.create(base).resolve(location).toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
