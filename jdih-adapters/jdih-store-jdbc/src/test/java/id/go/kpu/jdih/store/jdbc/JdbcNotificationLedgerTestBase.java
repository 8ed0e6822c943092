package id.go.kpu.jdih.store.jdbc;

import id.go.kpu.jdih.notify.NotificationLedger;
import id.go.kpu.jdih.testkit.store.NotificationLedgerContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The notification-ledger contract on {@link JdbcNotificationLedger}: each test on the class's database, emptied
 * first; a reopened ledger is the ledger of another {@link JdbcStorage} on that database, as a second process would
 * open it. A subclass supplies the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcNotificationLedgerTestBase extends NotificationLedgerContract {

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
  protected NotificationLedger createLedger() throws Exception {
    return db.fresh().notifications();
  }

  @Override
  protected NotificationLedger reopen(NotificationLedger ledger) {
    return db.another().notifications();
  }

  @Override
  protected void closeLedger(NotificationLedger ledger) {
    db.close(ledger);
  }
}
