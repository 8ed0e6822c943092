package id.go.kpu.jdih.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A new, empty PostgreSQL schema or MariaDB database with a random name on the server of an admin URL, for tests
 * that need a URL several JVMs can open; dropped on close.
 */
final class ScratchDatabase implements AutoCloseable {

  private final String admin;
  private final String url;
  private final String drop;

  private ScratchDatabase(String admin, String url, String drop) {
    this.admin = admin;
    this.url = url;
    this.drop = drop;
  }

  static ScratchDatabase create(String adminUrl, Dialect dialect) throws SQLException {
    // An identifier cannot be a bound parameter: the name is made here, of [a-z0-9_] only.
    String name = "jdih_s_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    if (dialect == Dialect.POSTGRESQL) {
      execute(adminUrl, "CREATE SCHEMA " + name);
      return new ScratchDatabase(adminUrl, adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + name,
          "DROP SCHEMA " + name + " CASCADE");
    }
    execute(adminUrl, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    int q = adminUrl.indexOf('?');
    String base = q < 0 ? adminUrl : adminUrl.substring(0, q);
    String params = q < 0 ? "" : adminUrl.substring(q);
    int slash = base.indexOf('/', "jdbc:mariadb://".length());
    return new ScratchDatabase(adminUrl, (slash < 0 ? base : base.substring(0, slash)) + "/" + name + params,
        "DROP DATABASE " + name);
  }

  /** The database's URL. */
  String url() {
    return url;
  }

  @Override
  public void close() throws SQLException {
    execute(admin, drop);
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
