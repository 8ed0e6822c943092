package id.go.kpu.jdih.runtime;

import id.go.kpu.jdih.notify.NotificationLedger;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.OutboxStore;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.InvalidAppendException;
import id.go.kpu.jdih.store.VersionConflictException;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.List;

/**
 * The port for everything the runtime keeps in one backend: case histories, the publishing outbox and the
 * notification ledger, with one operation that spans two of them: {@link #append} stores a command's events and
 * the publication intents they call for in one atomic step, so that a case that reached its upload activity always
 * has its intents, even if the process dies right after.
 *
 * <p>Implementations: {@link InMemoryStorage} here; {@code JdbcStorage} (H2, PostgreSQL, MariaDB: one database
 * transaction) in jdih-store-jdbc; {@code FileStorage} (one fsynced append to the case's log) in jdih-store-file.
 * They are thread-safe and share their data with every other instance on the same backend (other processes too),
 * and pass the contract suites of jdih-testkit.
 */
public interface Storage extends AutoCloseable {

  /** The case histories. */
  CaseStore cases();

  /** The publication intents and their progress. */
  OutboxStore outbox();

  /** The notification deliveries and how far each case was read. */
  NotificationLedger notifications();

  /**
   * Appends {@code events} to the case at {@code expectedVersion} and records {@code newIntents} (each a first
   * state, version 1), all or nothing. An intent whose id is recorded already is left as it is.
   *
   * @throws VersionConflictException if the case is at another version; nothing is stored
   * @throws InvalidAppendException if the events do not continue the history; nothing is stored
   */
  void append(CaseId id, long expectedVersion, List<RecordedEvent> events, List<IntentState> newIntents);

  /** Releases what the storage holds (pools, locks); by default nothing. */
  @Override
  default void close() {}
}
