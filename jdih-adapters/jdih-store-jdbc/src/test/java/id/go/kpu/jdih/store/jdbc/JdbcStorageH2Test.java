package id.go.kpu.jdih.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.notify.CaseProgress;
import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.notify.DeliveryStatus;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage contract and the JDBC storage's own tests on H2 in file mode, in databases under the class's
 * temporary folder; and storage on a caller's data source.
 */
class JdbcStorageH2Test extends JdbcStorageTestBase {

  @TempDir
  static Path dir;

  private int databases;

  @Override
  protected JdbcCaseStoreTestBase.TestDatabase createDatabase() throws SQLException {
    return JdbcCaseStoreH2Test.h2(dir.resolve("db-" + databases++));
  }

  /**
   * A caller's data source that hands out connections with auto-commit off: every change the storage makes must
   * still be committed (a second storage, on a plain connection, sees them), and closing the storage leaves the
   * data source usable.
   */
  @Test
  void aCallersDataSourceWithoutAutoCommitGetsEveryChangeCommittedAndStaysOpen() throws Exception {
    String url = JdbcCaseStore.h2FileUrl(dir.resolve("eigen"));
    DataSource own = new NoAutoCommit(url);
    CaseId id = CaseId.of("sumber-sendiri");
    List<RecordedEvent> events = Histories.happyPath(id, T0, 3);
    IntentState intent = pending("sumber-sendiri", T0);
    Delivery d = Delivery.pending(notice("sumber-sendiri", 1), "email", T0);
    try (JdbcStorage storage = JdbcStorage.open(own, ClassDatabase.REGISTRY::find)) {
      storage.append(id, 0, events.subList(0, 2), List.of());
      storage.append(id, 2, events.subList(2, 3), List.of(intent));
      assertThat(storage.outbox().add(pending("lain", T0))).isTrue();
      assertThat(storage.outbox().replace(intent, next(intent, IntentStatus.RETRY_SCHEDULED,
          Optional.of(T0.plusSeconds(60)), Optional.empty()))).isTrue();
      assertThat(storage.notifications().record(d)).isTrue();
      assertThat(storage.notifications().claimDue(T0, 5, Duration.ofMinutes(1))).hasSize(1);
      storage.notifications().markSent(d.key(), T0.plusSeconds(1));
      storage.notifications().saveProgress(id, new CaseProgress(3, T0, false));
    }
    try (Connection c = own.getConnection()) {
      assertThat(c.isValid(1)).as("the caller's data source is left open").isTrue();
      c.rollback();
    }
    try (JdbcStorage plain = JdbcStorage.open(url, null, null, ClassDatabase.REGISTRY::find)) {
      assertThat(plain.cases().load(id)).isEqualTo(events);
      assertThat(plain.outbox().find(intent.id()).orElseThrow().version()).isEqualTo(2);
      assertThat(plain.outbox().forCase(CaseId.of("lain"))).hasSize(1);
      assertThat(plain.notifications().find(d.key()).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
      assertThat(plain.notifications().progress(id)).contains(new CaseProgress(3, T0, false));
    }
  }

  /** Plain H2 connections with auto-commit turned off, as some application servers hand them out. */
  private static final class NoAutoCommit implements DataSource {
    private final String url;

    NoAutoCommit(String url) {
      this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection c = DriverManager.getConnection(url);
      c.setAutoCommit(false);
      return c;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
