/**
 * The contract suites of the storage ports, for adapter authors: a test class extends
 * {@link id.go.kpu.jdih.testkit.store.CaseStoreContract}, {@link id.go.kpu.jdih.testkit.store.OutboxStoreContract},
 * {@link id.go.kpu.jdih.testkit.store.NotificationLedgerContract} or
 * {@link id.go.kpu.jdih.testkit.store.StorageContract}, supplies a fresh store per test (and, where asked, another
 * instance on the same backend, as a second process would open it), and the suite's tests run as its own.
 */
package id.go.kpu.jdih.testkit.store;
