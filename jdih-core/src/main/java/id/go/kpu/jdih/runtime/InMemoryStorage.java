package id.go.kpu.jdih.runtime;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.notify.InMemoryNotificationLedger;
import id.go.kpu.jdih.notify.NotificationLedger;
import id.go.kpu.jdih.publish.InMemoryOutboxStore;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.OutboxStore;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.List;

/**
 * {@link Storage} in memory: the in-memory case store, outbox and ledger. For tests, demos and embedders who accept
 * losing everything with the JVM. Thread-safe; {@link #append} holds one lock, so that no thread sees a case at its
 * upload activity without its intents.
 */
public final class InMemoryStorage implements Storage {

  private final CaseStore cases;
  private final InMemoryOutboxStore outbox = new InMemoryOutboxStore();
  private final InMemoryNotificationLedger notifications = new InMemoryNotificationLedger();

  /** Empty storage. */
  public InMemoryStorage() {
    this(new InMemoryCaseStore());
  }

  private InMemoryStorage(CaseStore cases) {
    this.cases = cases;
  }

  /**
   * Storage whose case histories are kept in {@code cases} (any store: a file or database one in a test or a
   * benchmark) and whose outbox and ledger are in memory. The intents are added right after the events; were the
   * process to die in between, the runtime's first pass of the next process records them from the histories.
   */
  public static InMemoryStorage withCases(CaseStore cases) {
    return new InMemoryStorage(checkNotNull(cases, "cases"));
  }

  @Override
  public CaseStore cases() {
    return cases;
  }

  @Override
  public OutboxStore outbox() {
    return outbox;
  }

  @Override
  public NotificationLedger notifications() {
    return notifications;
  }

  @Override
  public synchronized void append(CaseId id, long expectedVersion, List<RecordedEvent> events,
      List<IntentState> newIntents) {
    checkNotNull(newIntents, "newIntents");
    for (IntentState s : newIntents) {
      checkArgument(s.version() == 1 && s.intent().caseId().equals(id), "not a new intent of case %s: %s", id,
          s.id());
    }
    cases.append(id, expectedVersion, events); // refuses before anything is recorded
    newIntents.forEach(outbox::add);
  }
}
