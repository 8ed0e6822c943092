package id.go.kpu.jdih.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A borrowed connection. As a transaction ({@code new Tx(.., true)}): auto-commit off and READ COMMITTED, rolled
 * back on close unless committed, and handed back with the settings it came with. Otherwise as it comes from the
 * pool (auto-commit on), for statements that stand alone. Not thread-safe: one thread uses it, then closes it.
 */
final class Tx implements AutoCloseable {
  final Connection con;
  private final boolean transaction;
  private final boolean autoCommit;
  private final int isolation;
  private boolean committed;

  /**
   * Borrows a connection of {@code dataSource}.
   *
   * @param ownPool true if the data source is the store's own pool, which hands out READ COMMITTED connections
   * @param transaction true for a transaction, false for the connection as it comes
   */
  Tx(DataSource dataSource, boolean ownPool, boolean transaction) throws SQLException {
    this.transaction = transaction;
    con = dataSource.getConnection();
    try {
      autoCommit = con.getAutoCommit();
      // The store's own pool hands out READ COMMITTED connections and HikariCP resets the level on return, so
      // only a caller's data source needs asking (PgJDBC answers getTransactionIsolation() with a round trip,
      // "SHOW TRANSACTION ISOLATION LEVEL": measured here at 25-40 us, a tenth of an append).
      isolation = transaction && !ownPool
          ? con.getTransactionIsolation() : Connection.TRANSACTION_READ_COMMITTED;
      if (transaction && autoCommit) {
        con.setAutoCommit(false);
      }
      if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
        con.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    } catch (SQLException | RuntimeException e) {
      try {
        con.close();
      } catch (SQLException x) {
        e.addSuppressed(x);
      }
      throw e;
    }
  }

  void commit() throws SQLException {
    con.commit();
    committed = true;
  }

  /**
   * Commits a statement that stood alone if the connection is not in auto-commit (a caller's data source may hand
   * out connections so), where closing would roll it back; with auto-commit on, the statement committed itself.
   */
  void commitUnlessAutoCommit() throws SQLException {
    if (!con.getAutoCommit()) {
      commit();
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      if (!con.getAutoCommit() && !committed) {
        con.rollback();
      }
      if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
        con.setTransactionIsolation(isolation);
      }
      if (transaction && autoCommit) {
        con.setAutoCommit(true);
      }
    } finally {
      con.close();
    }
  }
}
