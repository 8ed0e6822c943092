package id.go.kpu.jdih.store.jdbc;

import id.go.kpu.jdih.i18n.Text;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The databases the store supports, and the little that differs between them outside the migrations. */
enum Dialect {
  H2("h2"),
  POSTGRESQL("postgresql"),
  MARIADB("mariadb");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /** The Flyway location of this database's own migrations. */
  String migrations() {
    return "classpath:db/migration/" + folder;
  }

  /** The Flyway location of the migrations that are the same for every database. */
  static String commonMigrations() {
    return "classpath:db/migration/common";
  }

  /** {@code identifier} quoted for this database, as Flyway quotes its history table's name. */
  String quote(String identifier) {
    return this == MARIADB ? "`" + identifier + "`" : "\"" + identifier + "\"";
  }

  static Dialect of(DatabaseMetaData meta) throws SQLException {
    String product = meta.getDatabaseProductName();
    String version = meta.getDatabaseProductVersion();
    String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (p.equals("h2")) {
      return H2;
    }
    if (p.equals("postgresql")) {
      return POSTGRESQL;
    }
    if (p.equals("mariadb") || (p.equals("mysql") && version != null
        && version.toLowerCase(Locale.ROOT).contains("mariadb"))) {
      return MARIADB;
    }
    throw new JdbcStoreException(JdbcStoreException.Kind.UNSUPPORTED_DATABASE, Text.of(
        "Basis data %s %s tidak didukung (yang didukung: H2, PostgreSQL, MariaDB)",
        "The database %s %s is not supported (supported: H2, PostgreSQL, MariaDB)").format(product, version), null);
  }

  /**
   * True if {@code e}, or an exception chained to it, is a unique-key violation: SQLState 23505 (PostgreSQL,
   * H2) or error 1062 with SQLState class 23 (MariaDB). A batch reports it on the next exception or the cause.
   */
  static boolean isDuplicateKey(SQLException e) {
    for (SQLException x : chain(e)) {
      String state = x.getSQLState();
      if ("23505".equals(state) || (x.getErrorCode() == 1062 && state != null && state.startsWith("23"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if {@code e} is a failure a retry can cure: a serialization failure or deadlock (SQLState 40001,
   * PostgreSQL 40P01), an H2 lock time-out (error 50200) or a MariaDB lock-wait time-out (error 1205).
   */
  static boolean isTransient(SQLException e) {
    for (SQLException x : chain(e)) {
      String state = x.getSQLState();
      if ("40001".equals(state) || "40P01".equals(state) || x.getErrorCode() == 50200 || x.getErrorCode() == 1205) {
        return true;
      }
    }
    return false;
  }

  private static Iterable<SQLException> chain(SQLException e) {
    List<SQLException> all = new ArrayList<>();
    ArrayDeque<Throwable> todo = new ArrayDeque<>();
    todo.add(e);
    while (!todo.isEmpty() && all.size() < 32) {
      Throwable t = todo.poll();
      if (t instanceof SQLException s && !all.contains(s)) {
        all.add(s);
        if (s.getNextException() != null) {
          todo.add(s.getNextException());
        }
      }
      if (t.getCause() != null && t.getCause() != t) {
        todo.add(t.getCause());
      }
    }
    return all;
  }
}
