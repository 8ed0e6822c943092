package id.go.kpu.jdih.store.jdbc;

import id.go.kpu.jdih.sop.SopRegistry;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database of one test class, for the storage, outbox and ledger tests: every test starts on it with its tables
 * emptied, opens one or more {@link JdbcStorage} (each as a separate process would), and has them closed after it;
 * the database is dropped after the class. Not thread-safe: the tests of a class run one at a time.
 */
final class ClassDatabase implements AutoCloseable {

  static final SopRegistry REGISTRY = SopRegistry.withReference();

  private final JdbcCaseStoreTestBase.TestDatabase database;
  private final List<JdbcStorage> open = new ArrayList<>();
  private final Map<Object, JdbcStorage> owners = new IdentityHashMap<>();
  private boolean used;

  ClassDatabase(JdbcCaseStoreTestBase.TestDatabase database) {
    this.database = database;
  }

  JdbcCaseStoreTestBase.TestDatabase database() {
    return database;
  }

  /** Storage on the emptied database: the first of a test. */
  JdbcStorage fresh() throws Exception {
    if (used) {
      database.clear();
    }
    used = true;
    return another();
  }

  /** Another storage on the same database, as a second process would open it. */
  JdbcStorage another() {
    JdbcStorage s = database.openStorage(REGISTRY::find);
    open.add(s);
    owners.put(s.outbox(), s);
    owners.put(s.notifications(), s);
    owners.put(s, s);
    return s;
  }

  /** Closes the storage that {@code part} (a storage, its outbox or its ledger) belongs to. */
  void close(Object part) {
    JdbcStorage s = owners.remove(part);
    if (s != null) {
      s.close();
    }
  }

  /** Closes every storage opened since the last call. */
  void closeAll() {
    open.forEach(JdbcStorage::close);
    open.clear();
    owners.clear();
  }

  @Override
  public void close() throws SQLException {
    closeAll();
    database.close();
  }
}
