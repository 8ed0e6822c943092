package id.go.kpu.jdih.store.jdbc;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.ContainerCheck;
import id.go.kpu.jdih.publish.ContainerStatus;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.IdSink;
import id.go.kpu.jdih.publish.PlatformCallException;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.publish.PlatformId;
import id.go.kpu.jdih.publish.PostAttempt;
import id.go.kpu.jdih.publish.PostLookup;
import id.go.kpu.jdih.publish.PostResult;
import id.go.kpu.jdih.publish.PublishedPost;
import id.go.kpu.jdih.publish.Reconciliation;
import id.go.kpu.jdih.publish.RemotePost;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A platform shared by several JVMs, whose account is a pair of tables in the test's database: the ground truth of
 * the multi-instance test. Instagram-like ({@link Reconciliation#CONTAINER_STATUS}: a container, then publishing it)
 * or X-like ({@link Reconciliation#RECENT_POSTS}: one post call, and a list of recent posts). Every call takes a
 * few random milliseconds, so that a process killed at a random moment is often in the middle of one, and a post
 * is committed to the account before its id reaches the caller, as on a real platform.
 */
final class FakeDbPlatform implements PlatformClient {

  /** The tables, for a database of {@code dialect}. */
  static String[] ddl(Dialect dialect) {
    String id = dialect == Dialect.POSTGRESQL ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        : "BIGINT AUTO_INCREMENT PRIMARY KEY";
    return new String[] {
        "CREATE TABLE fake_containers (id " + id + ", platform VARCHAR(16) NOT NULL, intent_id VARCHAR(128) NOT NULL,"
            + " status VARCHAR(16) NOT NULL, worker VARCHAR(64) NOT NULL)",
        "CREATE TABLE fake_posts (id " + id + ", platform VARCHAR(16) NOT NULL, intent_id VARCHAR(128) NOT NULL,"
            + " text_value VARCHAR(4000) NOT NULL, created_micros BIGINT NOT NULL, worker VARCHAR(64) NOT NULL)"};
  }

  private final Platform platform;
  private final Reconciliation reconciliation;
  private final String url;
  private final String worker;

  FakeDbPlatform(Platform platform, Reconciliation reconciliation, String url, String worker) {
    this.platform = platform;
    this.reconciliation = reconciliation;
    this.url = url;
    this.worker = worker;
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public Reconciliation reconciliation() {
    return reconciliation;
  }

  @Override
  public URI postUrl(String postId) {
    return URI.create("https://fake.invalid/" + platform.name().toLowerCase() + "/" + postId);
  }

  @Override
  public PostResult createPost(PostAttempt attempt, IdSink ids) {
    String intent = attempt.intent().id().value();
    String text = attempt.intent().text();
    try (Connection c = DriverManager.getConnection(url)) {
      if (reconciliation == Reconciliation.CONTAINER_STATUS) {
        Optional<String> known = attempt.latest(PlatformId.Kind.CONTAINER);
        String container = known.isPresent() ? known.get()
            : String.valueOf(insert(c, "INSERT INTO fake_containers (platform, intent_id, status, worker)"
                + " VALUES (?, ?, 'FINISHED', ?)", platform.name(), intent, worker));
        if (known.isEmpty()) {
          ids.record(PlatformId.Kind.CONTAINER, container);
        }
        pause();
        // Publishing: the container moves to PUBLISHED and the post exists, in one step of the platform's own.
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE fake_containers SET status = 'PUBLISHED' WHERE id = ? AND status = 'FINISHED'")) {
          ps.setLong(1, Long.parseLong(container));
          if (ps.executeUpdate() != 1) {
            c.rollback();
            throw new PlatformCallException(FailureKind.REJECTED, "ALREADY-PUBLISHED", Text.of(
                "kontainer sudah diterbitkan", "the container was published already"));
          }
        }
        long post = insertPost(c, intent, text);
        c.commit();
        return published(ids, post);
      }
      pause();
      long post = insertPost(c, intent, text);
      return published(ids, post);
    } catch (SQLException e) {
      // The account could not be reached or the request broke off: the post may exist.
      throw new PlatformCallException(FailureKind.AMBIGUOUS, "FAKE-DB", Text.of(e.getMessage(), e.getMessage()));
    }
  }

  private PostResult published(IdSink ids, long post) {
    pause(); // the answer travels back: a kill here leaves a post the caller has not heard of
    ids.record(PlatformId.Kind.POST, String.valueOf(post));
    return new PostResult.Published(new PublishedPost(platform, String.valueOf(post), postUrl(String.valueOf(post)),
        Instant.now()));
  }

  private long insertPost(Connection c, String intent, String text) throws SQLException {
    return insert(c, "INSERT INTO fake_posts (platform, intent_id, text_value, created_micros, worker)"
        + " VALUES (?, ?, ?, ?, ?)", platform.name(), intent, text, micros(Instant.now()), worker);
  }

  @Override
  public ContainerCheck checkStatus(String containerId) {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement("SELECT status FROM fake_containers WHERE id = ?")) {
      ps.setLong(1, Long.parseLong(containerId));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return ContainerCheck.of(ContainerStatus.EXPIRED);
        }
        return ContainerCheck.of(ContainerStatus.valueOf(rs.getString(1)));
      }
    } catch (SQLException e) {
      throw new PlatformCallException(FailureKind.NOT_SENT, "FAKE-DB", Text.of(e.getMessage(), e.getMessage()));
    }
  }

  @Override
  public ImmutableList<RemotePost> findRecentPosts(PostLookup lookup) {
    try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(
        "SELECT id, text_value, created_micros FROM fake_posts WHERE platform = ? AND created_micros >= ?"
            + " ORDER BY id DESC")) {
      ps.setString(1, platform.name());
      ps.setLong(2, micros(lookup.since()));
      ImmutableList.Builder<RemotePost> out = ImmutableList.builder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = String.valueOf(rs.getLong(1));
          out.add(new RemotePost(id, postUrl(id), rs.getString(2), Instant.EPOCH.plus(rs.getLong(3),
              ChronoUnit.MICROS)));
        }
      }
      return out.build();
    } catch (SQLException e) {
      throw new PlatformCallException(FailureKind.NOT_SENT, "FAKE-DB", Text.of(e.getMessage(), e.getMessage()));
    }
  }

  private static long insert(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  static long micros(Instant at) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
  }

  private static void pause() {
    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000, 8_000_000));
  }
}
