package id.go.kpu.jdih.notify;

/** The in-memory ledger against the contract. */
class InMemoryNotificationLedgerContractTest extends NotificationLedgerContract {
  @Override
  protected NotificationLedger createLedger() {
    return new InMemoryNotificationLedger();
  }
}
