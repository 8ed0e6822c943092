package id.go.kpu.jdih.store;

/** The in-memory store passes the case-store contract. */
class InMemoryCaseStoreTest extends CaseStoreContract {
  @Override
  protected CaseStore createStore() {
    return new InMemoryCaseStore();
  }
}
