package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.server.directory.Accounts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server on a random port with a fresh in-memory H2 database and media folder per test class, a worker pass
 * every 200 ms, and plain-HTTP session cookies (the tests speak HTTP, not HTTPS).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "jdih.worker.run-every=200ms",
    "server.servlet.session.cookie.secure=false",
    "jdih.server.max-failed-logins=3"})
abstract class ServerTestSupport {
  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final String PASSWORD = "a-long-test-password";

  @LocalServerPort
  int port;

  @Autowired
  Accounts accounts;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) throws IOException {
    Path dir = Files.createTempDirectory("jdih-server-test");
    r.add("spring.datasource.url", () -> "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    r.add("jdih.media-dir", () -> dir.resolve("media").toString());
  }

  /** A logged-in session of the server administrator, with its CSRF token. */
  Client admin() {
    accounts.setPassword("admin", ADMIN_PASSWORD);
    Client c = new Client(port);
    Client.Response r = c.login("admin", ADMIN_PASSWORD);
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.header("Location").orElse("")).doesNotContain("error");
    return c.withCsrf();
  }

  /** A logged-in session of {@code username}, with its CSRF token. */
  Client session(String username) {
    Client c = new Client(port);
    Client.Response r = c.login(username, PASSWORD);
    assertThat(r.header("Location").orElse("")).as("login of %s", username).doesNotContain("error");
    return c.withCsrf();
  }

  /** Creates office {@code id} under the reference SOP with a Kasubag Hukum (office admin), a Tim and a Staf. */
  static void office(Client admin, String id, String zone, String nipPrefix) {
    admin.post("/api/v1/offices", Map.of("id", id, "name", "KPU " + id, "unit", "Subbagian Hukum", "zone", zone))
        .expect(201);
    person(admin, id, id + ".kasubag", nipPrefix + "0001", "kasubag-hukum", true);
    person(admin, id, id + ".tim", nipPrefix + "0002", "tim-pembina-teknis", false);
    person(admin, id, id + ".staf", nipPrefix + "0003", "staf", false);
    admin.put("/api/v1/offices/" + id + "/publisher", Map.of("username", id + ".staf")).expect(200);
  }

  static void person(Client admin, String office, String username, String nip, String role, boolean officeAdmin) {
    admin.put("/api/v1/offices/" + office + "/people/" + username, Map.of("nip", nip, "name", "Orang " + username,
        "roles", List.of(role), "officeAdmin", officeAdmin, "password", PASSWORD)).expect(200);
  }

  static Map<String, Object> proposal(String title) {
    return Map.of("title", title, "category", "INFORMASI_HUKUM", "material", "Materi tertulis",
        "platforms", List.of("INSTAGRAM", "TELEGRAM"));
  }

  /** The case at {@code path} once its status is {@code status}; fails after 30 s with the last state seen. */
  static tools.jackson.databind.JsonNode awaitStatus(Client c, String path, String status) {
    java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofSeconds(30));
    tools.jackson.databind.JsonNode last = c.get(path).expect(200).json();
    while (!last.get("status").asString().equals(status) && java.time.Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = c.get(path).expect(200).json();
    }
    assertThat(last.get("status").asString()).as("status of %s: %s", path, last).isEqualTo(status);
    return last;
  }

  static byte[] jpeg(int w, int h) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "jpg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
