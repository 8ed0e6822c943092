package id.go.kpu.jdih.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on H2 in file mode, the embedded default, in a database under the class's temporary folder: the
 * case-store contract (race test with the contract's 20 cases) and the JDBC store's own tests.
 */
class JdbcCaseStoreH2Test extends JdbcCaseStoreTestBase {

  @TempDir
  static Path dir;

  /**
   * The class's database. A connection is kept open for the life of the class so that H2 keeps the database open
   * between tests instead of closing (and compacting) the file after each test's store and opening it again;
   * {@link #survivesClosingAndReopeningTheFile} closes and reopens a database of its own.
   */
  @Override
  protected TestDatabase createDatabase() throws SQLException {
    return h2(dir.resolve("db"));
  }

  /**
   * An H2 file database in {@code folder}, kept open by a connection until it is closed (H2 would otherwise close
   * and compact the file whenever its last store closes).
   */
  static TestDatabase h2(Path folder) throws SQLException {
    Connection keeper = DriverManager.getConnection(JdbcCaseStore.h2FileUrl(folder));
    return new TestDatabase() {
      @Override
      public JdbcCaseStore open(Function<SopKey, Optional<SopDefinition>> definitions) {
        return JdbcCaseStore.h2File(folder, definitions);
      }

      @Override
      public JdbcStorage openStorage(Function<SopKey, Optional<SopDefinition>> definitions) {
        return JdbcStorage.h2File(folder, definitions);
      }

      @Override
      public Connection connect() throws SQLException {
        return DriverManager.getConnection(JdbcCaseStore.h2FileUrl(folder));
      }

      @Override
      public Flyway flyway() {
        return Flyway.configure().dataSource(JdbcCaseStore.h2FileUrl(folder), "", "")
            .locations(Dialect.commonMigrations(), Dialect.H2.migrations())
            .table(JdbcCaseStore.SCHEMA_HISTORY_TABLE).load();
      }

      @Override
      public void close() throws SQLException {
        keeper.close(); // the folder goes with the test class
      }
    };
  }

  @Override
  protected String databaseName() {
    return "H2 file";
  }

  @Test
  void survivesClosingAndReopeningTheFile() {
    Path folder = dir.resolve("neu-dibuka");
    CaseId id = CaseId.of("buka-tutup");
    List<RecordedEvent> events = Histories.happyPath(id, MONDAY, 7);
    try (JdbcCaseStore first = JdbcCaseStore.h2File(folder, REGISTRY::find)) {
      first.append(id, 0, events.subList(0, 4));
    }
    try (JdbcCaseStore second = JdbcCaseStore.h2File(folder, REGISTRY::find)) {
      assertThat(second.load(id)).isEqualTo(events.subList(0, 4));
      second.append(id, 4, events.subList(4, 7));
    }
    try (JdbcCaseStore third = JdbcCaseStore.h2File(folder, REGISTRY::find)) {
      assertThat(third.load(id)).isEqualTo(events);
      assertThat(third.summary(id).orElseThrow().status()).contains(CaseStatus.PUBLISHED);
    }
  }

  @Test
  void opensOnACallersDataSourceAndLeavesItOpen() throws SQLException {
    JdbcDataSource own = new JdbcDataSource();
    own.setURL(JdbcCaseStore.h2FileUrl(dir.resolve("eigen")));
    CaseId id = CaseId.of("sumber-data-sendiri");
    List<RecordedEvent> events = Histories.happyPath(id, MONDAY, 2);
    try (JdbcCaseStore store = JdbcCaseStore.open(own, REGISTRY::find)) {
      store.append(id, 0, events);
      assertThat(store.load(id)).isEqualTo(events);
    }
    try (Connection c = own.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM case_events")) {
      assertThat(c.getAutoCommit()).isTrue();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(2);
    }
  }

  @Test
  void anUnreachableDatabaseIsATypedBilingualError() {
    assertThatThrownBy(() -> JdbcCaseStore.open("jdbc:postgresql://127.0.0.1:1/tidak-ada?ssl=false", "jdih",
        "rahasia", REGISTRY::find)).isInstanceOfSatisfying(JdbcStoreException.class, e -> {
          assertThat(e.kind()).isEqualTo(JdbcStoreException.Kind.DATABASE_FAILURE);
          assertThat(e.code()).isEqualTo("JDIH-JDBC-001");
          assertThat(e.getMessage()).startsWith("JDIH-JDBC-001: Basis data jdbc:postgresql://127.0.0.1:1/tidak-ada..."
              + " tidak dapat dibuka").contains(" / The database jdbc:postgresql://127.0.0.1:1/tidak-ada..."
              + " cannot be opened").doesNotContain("rahasia");
        });
  }
}
