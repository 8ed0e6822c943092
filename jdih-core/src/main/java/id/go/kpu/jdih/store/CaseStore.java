package id.go.kpu.jdih.store;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.List;
import java.util.stream.Stream;

/**
 * The port for storing case histories: an append-only event log per case with optimistic concurrency.
 *
 * <p>Contract for implementations (checked by the contract suite in jdih-testkit):
 * <ul>
 *   <li>{@link #append} is atomic: all the events are stored, or none;
 *   <li>it succeeds only if the case's current version equals {@code expectedVersion}; otherwise it throws
 *       {@link VersionConflictException} and stores nothing, so of two writers racing on one version exactly one
 *       wins;
 *   <li>events that do not continue the case's history (wrong case, sequence or previous hash) are refused with
 *       {@link InvalidAppendException} and nothing is stored (see {@link AppendCheck});
 *   <li>{@link #load} returns the events exactly as appended, in order.
 * </ul>
 * Implementations must be thread-safe.
 */
public interface CaseStore {

  /** The case's events in order; empty if the case has none. */
  ImmutableList<RecordedEvent> load(CaseId id);

  /**
   * Appends {@code events} if the case is at {@code expectedVersion} (0 for a new case).
   *
   * @return the case's new version
   * @throws VersionConflictException if the case is at another version; nothing is stored
   * @throws InvalidAppendException if the events do not continue the history; nothing is stored
   */
  long append(CaseId id, long expectedVersion, List<RecordedEvent> events);

  /** The case's current version: the number of its events, 0 if none. */
  long version(CaseId id);

  /** Every case id in the store. The stream may hold resources: close it. */
  Stream<CaseId> caseIds();
}
