package id.go.kpu.jdih.notify;

import id.go.kpu.jdih.testkit.store.NotificationLedgerContract;

/** The in-memory ledger against the contract. */
class InMemoryNotificationLedgerContractTest extends NotificationLedgerContract {
  @Override
  protected NotificationLedger createLedger() {
    return new InMemoryNotificationLedger();
  }
}
