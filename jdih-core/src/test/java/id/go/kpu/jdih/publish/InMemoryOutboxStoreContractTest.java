package id.go.kpu.jdih.publish;

/** The in-memory outbox store against the contract. */
class InMemoryOutboxStoreContractTest extends OutboxStoreContract {
  @Override
  protected OutboxStore createStore() {
    return new InMemoryOutboxStore();
  }
}
