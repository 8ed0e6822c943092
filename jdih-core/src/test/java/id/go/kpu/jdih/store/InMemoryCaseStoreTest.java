package id.go.kpu.jdih.store;

import id.go.kpu.jdih.testkit.store.CaseStoreContract;

/** The in-memory store passes the case-store contract. */
class InMemoryCaseStoreTest extends CaseStoreContract {
  @Override
  protected CaseStore createStore() {
    return new InMemoryCaseStore();
  }
}
