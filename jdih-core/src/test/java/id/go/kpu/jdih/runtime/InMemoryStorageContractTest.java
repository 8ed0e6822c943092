package id.go.kpu.jdih.runtime;

import id.go.kpu.jdih.testkit.store.StorageContract;

/** The in-memory storage against the contract. */
class InMemoryStorageContractTest extends StorageContract {
  @Override
  protected Storage createStorage() {
    return new InMemoryStorage();
  }
}
