package id.go.kpu.jdih.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.media.InMemoryMediaStore;
import id.go.kpu.jdih.runtime.DocumentUpload;
import id.go.kpu.jdih.runtime.ImageUpload;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.PlatformPost;
import id.go.kpu.jdih.workflow.Principal;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runtimes in two JVMs on one PostgreSQL (and one MariaDB) database deliver every publication intent and every
 * notification exactly once, although one of them is killed with SIGKILL in the middle of its deliveries: judged
 * against the fake platforms' and the fake inbox's ground truth (tables the JVMs write into), every intent is one
 * post and every recorded notification arrives; the leases the killed JVM held are taken over by the other.
 */
class TwoRuntimesKillTest {

  private static final int CASES = 300;

  @TempDir Path dir;

  @Test
  void postgresql() throws Exception {
    String admin = System.getenv("JDIH_TEST_POSTGRES_URL");
    assumeTrue(admin != null && !admin.isBlank(), "JDIH_TEST_POSTGRES_URL is not set");
    run("PostgreSQL", admin, Dialect.POSTGRESQL);
  }

  @Test
  void mariadb() throws Exception {
    String admin = System.getenv("JDIH_TEST_MARIADB_URL");
    assumeTrue(admin != null && !admin.isBlank(), "JDIH_TEST_MARIADB_URL is not set");
    run("MariaDB", admin, Dialect.MARIADB);
  }

  private void run(String name, String admin, Dialect dialect) throws Exception {
    try (ScratchDatabase db = ScratchDatabase.create(admin, dialect)) {
      String url = db.url();
      SopRegistry registry = SopRegistry.withReference();
      // The cases are prepared to their upload activity by a third runtime, which delivers nothing.
      InMemoryMediaStore media = new InMemoryMediaStore();
      try (Jdih setup = Jdih.builder().actors(RuntimeWorker.directory()).media(media)
          .storage(JdbcStorage.open(url, null, null, registry::find)).build()) {
        for (int i = 0; i < CASES; i++) {
          upToCaption(setup, CaseId.of("kasus-" + i));
        }
      }
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        for (String ddl : FakeDbPlatform.ddl(dialect)) {
          s.execute(ddl);
        }
        s.execute(FakeDbNotifier.ddl());
      }
      int intents = count(url, "SELECT COUNT(*) FROM outbox_intents");
      assertThat(intents).isEqualTo(2 * CASES);

      Process a = worker(url, "jvm-a");
      Process b = worker(url, "jvm-b");
      Process c = null; // the instance that takes A's place
      // A storage names its leases <host>/<pid>/<random>: A's leases are those with A's pid.
      String ownerA = "'%/" + a.pid() + "/%'";
      try {
        // Kill A once it has published a quarter and holds a lease on an intent at that very moment.
        await(120, () -> count(url, "SELECT COUNT(*) FROM fake_posts") >= intents / 4
            && count(url, "SELECT COUNT(*) FROM outbox_intents WHERE status = 'IN_PROGRESS'"
                + " AND lease_owner LIKE " + ownerA) > 0, () -> state(url, a, b));
        a.destroyForcibly(); // SIGKILL on Linux
        assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Set<String> intentLeases = new HashSet<>(strings(url, "SELECT intent_id FROM outbox_intents"
            + " WHERE status = 'IN_PROGRESS' AND lease_owner LIKE " + ownerA));
        Set<String> noticeLeases = new HashSet<>(strings(url, "SELECT delivery_key FROM notification_deliveries"
            + " WHERE status = 'SENDING' AND lease_owner LIKE " + ownerA));
        int postsAtKill = count(url, "SELECT COUNT(*) FROM fake_posts");
        // A second instance takes A's place; its notification channel hangs, so it dies holding notifications.
        c = worker(url, "jvm-c", "hang-notifier");
        String ownerC = "'%/" + c.pid() + "/%'";
        await(120, () -> count(url, "SELECT COUNT(*) FROM notification_deliveries WHERE status = 'SENDING'"
            + " AND lease_owner LIKE " + ownerC) > 0, () -> state(url, a, b));
        c.destroyForcibly();
        assertThat(c.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Set<String> intentLeasesC = strings(url, "SELECT intent_id FROM outbox_intents WHERE status = 'IN_PROGRESS'"
            + " AND lease_owner LIKE " + ownerC);
        Set<String> noticeLeasesC = strings(url, "SELECT delivery_key FROM notification_deliveries"
            + " WHERE status = 'SENDING' AND lease_owner LIKE " + ownerC);
        intentLeases.addAll(intentLeasesC);
        noticeLeases.addAll(noticeLeasesC);
        // B finishes everything: every intent published and recorded on its case, every notification sent.
        // (A case published before any pass read its events gets no "available" notice: each case gets one or two.)
        await(300, () -> count(url, "SELECT COUNT(*) FROM cases WHERE status = 'PUBLISHED'") == CASES
            && count(url, "SELECT COUNT(*) FROM outbox_intents WHERE status <> 'PUBLISHED'") == 0
            && count(url, "SELECT COUNT(*) FROM notification_progress WHERE closed = TRUE") == CASES
            && count(url, "SELECT COUNT(*) FROM notification_deliveries WHERE status <> 'SENT'") == 0,
            () -> state(url, a, b));

        // Ground truth: one post per intent, no more, no fewer.
        int posts = count(url, "SELECT COUNT(*) FROM fake_posts");
        int distinctPosts = count(url, "SELECT COUNT(DISTINCT intent_id) FROM fake_posts");
        assertThat(distinctPosts).as("lost posts").isEqualTo(intents);
        assertThat(posts).as("duplicate posts").isEqualTo(intents);
        // Every case records exactly the posts the platforms hold.
        Map<String, String> truth = new HashMap<>();
        try (Connection con = DriverManager.getConnection(url); Statement s = con.createStatement();
            ResultSet rs = s.executeQuery("SELECT intent_id, id FROM fake_posts")) {
          while (rs.next()) {
            truth.put(rs.getString(1), String.valueOf(rs.getLong(2)));
          }
        }
        try (JdbcStorage check = JdbcStorage.open(url, null, null, registry::find)) {
          for (int i = 0; i < CASES; i++) {
            CaseId id = CaseId.of("kasus-" + i);
            List<RecordedEvent> history = check.cases().load(id);
            assertThat(HashChain.verify(history)).isEmpty();
            for (RecordedEvent e : history) {
              if (e.payload() instanceof CaseEvent.PublicationRecorded p) {
                for (PlatformPost post : p.posts()) {
                  String intent = id.value() + "." + post.platform().name().toLowerCase() + ".r1";
                  assertThat(post.postId()).as(intent).isEqualTo(truth.get(intent));
                }
              }
            }
          }
        }
        // Notifications: every recorded delivery arrived; a repeat can only be one the killed JVM was sending.
        int deliveries = count(url, "SELECT COUNT(*) FROM notification_deliveries");
        int received = count(url, "SELECT COUNT(*) FROM fake_inbox");
        int distinctReceived = count(url, "SELECT COUNT(DISTINCT delivery_key) FROM fake_inbox");
        Set<String> repeated = strings(url, "SELECT delivery_key FROM fake_inbox GROUP BY delivery_key"
            + " HAVING COUNT(*) > 1");
        assertThat(distinctReceived).as("lost notifications").isEqualTo(deliveries);
        assertThat(noticeLeases).containsAll(repeated);
        // Every lease the killed JVMs held was taken over: those intents are published and those notifications
        // sent, by B.
        assertThat(noticeLeasesC).isNotEmpty();
        for (String intent : intentLeases) {
          assertThat(strings(url, "SELECT status FROM outbox_intents WHERE intent_id = '" + intent + "'"))
              .containsExactly("PUBLISHED");
        }
        for (String key : noticeLeases) {
          assertThat(strings(url, "SELECT worker FROM fake_inbox WHERE delivery_key = '" + key + "'"))
              .as(key).contains("jvm-b");
        }
        int byB = count(url, "SELECT COUNT(*) FROM fake_posts WHERE worker = 'jvm-b'");
        System.out.printf("%s: %d cases, %d intents -> %d posts (%d distinct; %d by jvm-b), 0 duplicates, 0 lost;"
            + " jvm-a killed with SIGKILL after %d posts, then jvm-c (its channel hanging): %d intent lease(s) and %d"
            + " notification lease(s) held by the killed JVMs, all taken over; notifications: %d recorded, %d received"
            + " (%d distinct, %d repeated)%n", name, CASES, intents, posts, distinctPosts, byB, postsAtKill,
            intentLeases.size(), noticeLeases.size(), deliveries, received, distinctReceived, repeated.size());
      } finally {
        a.destroyForcibly();
        if (c != null) {
          c.destroyForcibly();
        }
        b.getOutputStream().close(); // B ends when its stdin closes
        if (!b.waitFor(30, TimeUnit.SECONDS)) {
          b.destroyForcibly();
        }
      }
    }
  }

  private static void upToCaption(Jdih jdih, CaseId id) {
    Principal rina = Principal.of(RuntimeWorker.KASUBAG.nip());
    Principal budi = Principal.of(RuntimeWorker.TIM.nip());
    Principal sari = Principal.of(RuntimeWorker.STAF.nip());
    jdih.cases().as(rina).propose(CommandId.random(), id, new ContentProposal("Tahukah kamu " + id,
        ContentCategory.INFORMASI_HUKUM, "Materi " + id, Optional.empty(), Set.of(Platform.INSTAGRAM, Platform.X)));
    jdih.cases().as(rina).approve(CommandId.random(), id, Optional.empty());
    jdih.cases().as(budi).recordMeeting(CommandId.random(), id, LocalDate.of(2026, 12, 4), List.of("Budi"),
        "Infografis", DocumentUpload.of("notulen.txt", "text/plain", "notulen".getBytes(StandardCharsets.UTF_8)),
        Set.of("infocus", "komputer-laptop"));
    jdih.cases().as(sari).summarize(CommandId.random(), id, "Rangkuman " + id);
    jdih.cases().as(budi).uploadDesign(CommandId.random(), id, List.of(ImageUpload.of("image/jpeg",
        RuntimeWorker.DESIGN, 1080, 1350)));
    // A caption of its own per case: the recent-posts reconciliation finds a post by its text.
    jdih.cases().as(rina).writeCaption(CommandId.random(), id, new Caption("Tahukah kamu? " + id + " #JDIH",
        ImmutableMap.of()));
  }

  private Process worker(String url, String name, String... more) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve(name + ".log");
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), RuntimeWorker.class.getName(), url, name));
    command.addAll(List.of(more));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** What the database and the workers' logs show, for a failure message. */
  private String state(String url, Process a, Process b) {
    StringBuilder sb = new StringBuilder();
    for (String sql : List.of("SELECT status, COUNT(*) FROM cases GROUP BY status",
        "SELECT status, COUNT(*) FROM outbox_intents GROUP BY status",
        "SELECT status, COUNT(*) FROM notification_deliveries GROUP BY status",
        "SELECT closed, COUNT(*) FROM notification_progress GROUP BY closed",
        "SELECT worker, COUNT(*) FROM fake_posts GROUP BY worker")) {
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        sb.append(sql).append(':');
        while (rs.next()) {
          sb.append(' ').append(rs.getString(1)).append('=').append(rs.getInt(2));
        }
        sb.append('\n');
      } catch (SQLException e) {
        sb.append(sql).append(": ").append(e.getMessage()).append('\n');
      }
    }
    for (String name : List.of("jvm-a", "jvm-b")) {
      try {
        List<String> lines = Files.readAllLines(dir.resolve(name + ".log"));
        sb.append(name).append(" (alive: ").append((name.equals("jvm-a") ? a : b).isAlive()).append("), last lines:\n");
        lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> sb.append("  ").append(l)
            .append('\n'));
      } catch (IOException e) {
        sb.append(name).append(": no log: ").append(e.getMessage()).append('\n');
      }
    }
    return sb.toString();
  }

  private static void await(int seconds, BooleanSupplier done, Supplier<String> state) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("waited " + seconds + " s; " + state.get());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // the condition is a query: ask 50 times a second
    }
  }

  private static int count(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static Set<String> strings(String url, String sql) throws SQLException {
    Set<String> out = new HashSet<>();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
