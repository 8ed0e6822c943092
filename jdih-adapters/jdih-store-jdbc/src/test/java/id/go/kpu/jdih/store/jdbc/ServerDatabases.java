package id.go.kpu.jdih.store.jdbc;

import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * Fresh databases on a PostgreSQL or MariaDB server for one test class each: a new schema (PostgreSQL) or
 * database (MariaDB) with a random name, dropped afterwards, so that repeated and parallel runs never meet.
 */
final class ServerDatabases {

  private static final Pattern NAME = Pattern.compile("jdih_t_[a-z0-9]+");

  private ServerDatabases() {}

  /**
   * A new schema in the PostgreSQL database of {@code adminUrl} (e.g.
   * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); the store connects with {@code currentSchema}.
   */
  static JdbcCaseStoreTestBase.TestDatabase postgres(String adminUrl) throws SQLException {
    String name = newName();
    execute(adminUrl, "CREATE SCHEMA " + name);
    String url = adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    return database(url, Dialect.POSTGRESQL, () -> execute(adminUrl, "DROP SCHEMA " + name + " CASCADE"));
  }

  /**
   * A new database on the MariaDB server of {@code adminUrl} (e.g.
   * {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}); the store connects to it instead of the URL's one.
   */
  static JdbcCaseStoreTestBase.TestDatabase mariadb(String adminUrl) throws SQLException {
    String name = newName();
    execute(adminUrl, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    int q = adminUrl.indexOf('?');
    String base = q < 0 ? adminUrl : adminUrl.substring(0, q);
    String params = q < 0 ? "" : adminUrl.substring(q);
    int slash = base.indexOf('/', "jdbc:mariadb://".length());
    String url = (slash < 0 ? base : base.substring(0, slash)) + "/" + name + params;
    return database(url, Dialect.MARIADB, () -> execute(adminUrl, "DROP DATABASE " + name));
  }

  private interface Drop {
    void run() throws SQLException;
  }

  private static JdbcCaseStoreTestBase.TestDatabase database(String url, Dialect dialect, Drop drop) {
    return new JdbcCaseStoreTestBase.TestDatabase() {
      @Override
      public JdbcCaseStore open(Function<SopKey, Optional<SopDefinition>> definitions) {
        return JdbcCaseStore.open(url, null, null, definitions);
      }

      @Override
      public JdbcStorage openStorage(Function<SopKey, Optional<SopDefinition>> definitions) {
        return JdbcStorage.open(url, null, null, definitions);
      }

      @Override
      public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
      }

      @Override
      public Flyway flyway() {
        return Flyway.configure().dataSource(url, null, null)
            .locations(Dialect.commonMigrations(), dialect.migrations())
            .table(JdbcCaseStore.SCHEMA_HISTORY_TABLE).load();
      }

      @Override
      public void close() throws SQLException {
        drop.run();
      }
    };
  }

  private static String newName() {
    String name = "jdih_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalStateException(name);
    }
    return name; // an identifier cannot be a bound parameter: it is made here, of [a-z0-9_] only
  }

  private static void execute(String url, String ddl) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(ddl);
    }
  }
}
