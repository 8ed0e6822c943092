package id.go.kpu.jdih.publish;

import id.go.kpu.jdih.testkit.store.OutboxStoreContract;

/** The in-memory outbox store against the contract. */
class InMemoryOutboxStoreContractTest extends OutboxStoreContract {
  @Override
  protected OutboxStore createStore() {
    return new InMemoryOutboxStore();
  }
}
