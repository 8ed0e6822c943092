package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.definition.json.SopDefinitionJson;
import id.go.kpu.jdih.e2e.CountingServer;
import id.go.kpu.jdih.server.directory.Accounts;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.Office;
import id.go.kpu.jdih.sop.QualityStandard;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.Target;
import id.go.kpu.jdih.sop.TimeStandard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two server instances on one database (PostgreSQL or MariaDB, by subclass), as a central deployment runs them behind a load balancer: two
 * offices with different SOP variants (one with a second approval by a Sekretaris, a rejection and a resubmission),
 * every command sent to the instances in turn, both instances' workers publishing at once. Every case ends
 * published with each post made exactly once. Skipped (not passed) without the server's URL in the environment.
 */
abstract class TwoInstancesTestBase {
  private static final int CASES_PER_OFFICE = 4;

  private static String url;
  private static String schema;
  private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
  private static final List<Integer> ports = new ArrayList<>();

  /** Creates a fresh schema (PostgreSQL) or database (MariaDB) and returns the JDBC URL of the instances. */
  interface Database {
    String create(String adminUrl, String name) throws Exception;

    void drop(String adminUrl, String name) throws Exception;
  }

  static final Database POSTGRES = new Database() {
    @Override
    public String create(String adminUrl, String name) throws Exception {
      execute(adminUrl, "CREATE SCHEMA " + name);
      return adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    public void drop(String adminUrl, String name) throws Exception {
      execute(adminUrl, "DROP SCHEMA " + name + " CASCADE");
    }
  };

  static final Database MARIADB = new Database() {
    @Override
    public String create(String adminUrl, String name) throws Exception {
      execute(adminUrl, "CREATE DATABASE " + name);
      // jdbc:mariadb://host:port/test?user=root -> the same server, the new database
      return adminUrl.replaceFirst("(jdbc:mariadb://[^/]+/)[^?]*", "$1" + name);
    }

    @Override
    public void drop(String adminUrl, String name) throws Exception {
      execute(adminUrl, "DROP DATABASE " + name);
    }
  };

  private static Database database;

  static void execute(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static void start(String environmentVariable, Database db) throws Exception {
    url = System.getenv(environmentVariable);
    assumeTrue(url != null && !url.isBlank(), environmentVariable + " is not set: these tests are skipped");
    database = db;
    CountingServer.POSTS.clear();
    CountingServer.BY_INSTANCE.clear();
    schema = "jdih_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String instanceUrl = db.create(url, schema);
    Path dir = Files.createTempDirectory("jdih-two-instances");
    for (int i = 0; i < 2; i++) {
      ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CountingServer.class).run(
          "--server.port=0",
          "--spring.datasource.url=" + instanceUrl,
          "--spring.datasource.username=", "--spring.datasource.password=",
          "--spring.datasource.hikari.maximum-pool-size=6",
          "--jdih.media-dir=" + dir.resolve("media"),
          "--jdih.worker.run-every=150ms",
          "--server.servlet.session.cookie.secure=false",
          "--spring.jmx.enabled=false",
          "--spring.application.name=jdih-server-" + (char) ('a' + i));
      instances.add(ctx);
      ports.add(Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port")));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    instances.forEach(ConfigurableApplicationContext::close);
    instances.clear();
    ports.clear();
    if (schema != null && database != null) {
      database.drop(url, schema);
      schema = null;
    }
  }

  /** Kab B's variant: WITA, a second approval by the Sekretaris (a rejection goes back to the proposal), design 2 days. */
  static SopDefinition variant() {
    Activity second = new Activity(0, "Menyetujui draft materi konten (Sekretaris)", RoleId.of("sekretaris"),
        ActivityKind.APPROVAL, new QualityStandard(ImmutableList.of(), Optional.of(TimeStandard.workingDays(1)),
            Optional.empty()), Optional.empty());
    return ReferenceSop.definition().toBuilder()
        .office(new Office("kab-b", "KPU Kabupaten B", "Subbagian Hukum", ZoneId.of("Asia/Makassar")))
        .addRole(new Role(RoleId.of("sekretaris"), "Sekretaris"))
        .insertApprovalAfter(2, second, Target.activity(1))
        .time(6, TimeStandard.workingDays(2))
        .build();
  }

  @Test
  void twoOfficesWithTheirOwnVariantsRunOnTwoInstancesAndEveryPostIsMadeOnce() {
    instances.get(0).getBean(Accounts.class).setPassword("admin", "admin-password-for-tests");
    Client admin = new Client(ports.get(0));
    admin.login("admin", "admin-password-for-tests");
    admin.withCsrf();
    ServerTestSupport.office(admin, "kab-a", "Asia/Jakarta", "19800101200604");
    JsonNode definition = Client.JSON.readTree(new SopDefinitionJson().write(variant())
        .getBytes(StandardCharsets.UTF_8));
    admin.post("/api/v1/offices", Map.of("id", "kab-b", "name", "KPU Kabupaten B", "unit", "Subbagian Hukum",
        "zone", "Asia/Makassar", "definition", definition)).expect(201);
    ServerTestSupport.person(admin, "kab-b", "kab-b.kasubag", "19900101200604" + "0001", "kasubag-hukum", true);
    ServerTestSupport.person(admin, "kab-b", "kab-b.tim", "19900101200604" + "0002", "tim-pembina-teknis", false);
    ServerTestSupport.person(admin, "kab-b", "kab-b.staf", "19900101200604" + "0003", "staf", false);
    ServerTestSupport.person(admin, "kab-b", "kab-b.sekretaris", "19900101200604" + "0004", "sekretaris", false);
    admin.put("/api/v1/offices/kab-b/publisher", Map.of("username", "kab-b.staf")).expect(200);

    List<String> cases = new ArrayList<>();
    AtomicInteger turn = new AtomicInteger();
    for (String office : List.of("kab-a", "kab-b")) {
      Map<String, Client[]> people = new java.util.HashMap<>();
      for (String role : List.of("kasubag", "tim", "staf", "sekretaris")) {
        if (office.equals("kab-a") && role.equals("sekretaris")) {
          continue;
        }
        String token = admin.post("/api/v1/offices/" + office + "/tokens", Map.of("label", "e2e", "username",
            office + "." + role, "scopes", List.of("cases:read", "cases:write"))).expect(201).json().get("token")
            .asString();
        // The same person's token on both instances: each command goes to the next instance in turn.
        people.put(role, new Client[] {Client.withToken(ports.get(0), token), Client.withToken(ports.get(1), token)});
      }
      for (int n = 0; n < CASES_PER_OFFICE; n++) {
        String base = "/api/v1/offices/" + office + "/cases";
        String id = next(people, "kasubag", turn).post(base, ServerTestSupport.proposal(office + " " + n),
            Map.of("Idempotency-Key", office + "-" + n)).expect(201).json().get("id").asString();
        String c = base + "/" + id;
        next(people, "kasubag", turn).command(c + "/approve", Map.of()).expect(200);
        if (office.equals("kab-b")) {
          if (n == 0) { // the Sekretaris sends the first one back; it is revised and goes through both approvals
            next(people, "sekretaris", turn).command(c + "/reject", Map.of("reason", "Perbaiki judul")).expect(200);
            next(people, "kasubag", turn).command(c + "/resubmit", ServerTestSupport.proposal(office + " revisi"))
                .expect(200);
            next(people, "kasubag", turn).command(c + "/approve", Map.of()).expect(200);
          }
          next(people, "sekretaris", turn).command(c + "/approve", Map.of()).expect(200);
        }
        next(people, "tim", turn).multipart(c + "/meeting", List.of(Map.entry("date", "2026-12-03"),
            Map.entry("attendees", "Rina"), Map.entry("conclusions", "Infografis"),
            Map.entry("equipment", "infocus"), Map.entry("equipment", "komputer-laptop"),
            Map.entry("minutes", new Client.FilePart("notulen.txt", "text/plain",
                ("Notulen " + id).getBytes(StandardCharsets.UTF_8)))),
            Map.of("Idempotency-Key", "rapat-" + id)).expect(200);
        next(people, "staf", turn).command(c + "/summary", Map.of("summary", "Rangkuman")).expect(200);
        next(people, "tim", turn).multipart(c + "/design", List.of(Map.entry("images", new Client.FilePart(
            "d.jpg", "image/jpeg", ServerTestSupport.jpeg(1080, 1080 + n)))), Map.of("Idempotency-Key",
            "desain-" + id)).expect(200);
        next(people, "kasubag", turn).command(c + "/caption", Map.of("text", "Keterangan " + n + " #JDIH"))
            .expect(200);
        cases.add(c);
      }
    }

    Client reader = new Client(ports.get(1));
    reader.login("kab-a.kasubag", ServerTestSupport.PASSWORD);
    Client readerB = new Client(ports.get(0));
    readerB.login("kab-b.kasubag", ServerTestSupport.PASSWORD);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    for (String c : cases) {
      Client r = c.contains("/kab-a/") ? reader : readerB;
      JsonNode state;
      do {
        state = r.get(c).expect(200).json();
      } while (!state.get("status").asString().equals("PUBLISHED") && Instant.now().isBefore(deadline)
          && pause());
      assertThat(state.get("status").asString()).as("case %s", c).isEqualTo("PUBLISHED");
      assertThat(state.get("posts")).hasSize(2);
      if (c.contains("/kab-b/")) {
        assertThat(state.get("sop").asString()).startsWith("kab-b/");
      }
    }
    JsonNode revised = readerB.get(cases.get(CASES_PER_OFFICE) + "/timeline").expect(200).json();
    assertThat(revised.get("rows").size()).isEqualTo(8 + 3); // 8 activities, and 3 more for the round sent back
    assertThat(revised.get("zone").asString()).isEqualTo("Asia/Makassar");

    // 8 cases x 2 platforms: 16 intents, each posted by exactly one of the two instances, once.
    assertThat(CountingServer.POSTS).hasSize(cases.size() * 2);
    assertThat(CountingServer.POSTS.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    System.out.println("posts per instance: " + CountingServer.BY_INSTANCE);
  }

  private static Client next(Map<String, Client[]> people, String role, AtomicInteger turn) {
    return people.get(role)[turn.getAndIncrement() % 2];
  }

  private static boolean pause() {
    try {
      Thread.sleep(100);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
