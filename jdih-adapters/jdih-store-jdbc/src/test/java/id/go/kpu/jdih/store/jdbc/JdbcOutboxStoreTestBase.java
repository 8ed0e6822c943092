package id.go.kpu.jdih.store.jdbc;

import id.go.kpu.jdih.publish.OutboxStore;
import id.go.kpu.jdih.testkit.store.OutboxStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The outbox-store contract on {@link JdbcOutboxStore}: each test on the class's database, emptied first; a
 * reopened store is the outbox of another {@link JdbcStorage} on that database, as a second process would open it.
 * A subclass supplies the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcOutboxStoreTestBase extends OutboxStoreContract {

  private ClassDatabase db;

  /** A new, empty database that no other test class or run uses. */
  protected abstract JdbcCaseStoreTestBase.TestDatabase createDatabase() throws Exception;

  @BeforeAll
  void createTheDatabase() throws Exception {
    db = new ClassDatabase(createDatabase());
  }

  @AfterAll
  void dropTheDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @AfterEach
  void closeStorages() {
    db.closeAll();
  }

  @Override
  protected OutboxStore createStore() throws Exception {
    return db.fresh().outbox();
  }

  @Override
  protected OutboxStore reopen(OutboxStore store) {
    return db.another().outbox();
  }

  @Override
  protected void closeStore(OutboxStore store) {
    db.close(store);
  }
}
