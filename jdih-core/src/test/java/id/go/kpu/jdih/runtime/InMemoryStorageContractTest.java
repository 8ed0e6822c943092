package id.go.kpu.jdih.runtime;

/** The in-memory storage against the contract. */
class InMemoryStorageContractTest extends StorageContract {
  @Override
  protected Storage createStorage() {
    return new InMemoryStorage();
  }
}
