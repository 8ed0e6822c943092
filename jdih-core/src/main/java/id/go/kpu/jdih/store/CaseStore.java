package id.go.kpu.jdih.store;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
   * The events of each of {@code ids} that has any, as {@link #load} returns them, in the order of {@code ids}
   * (once each); a case without events is left out. For views of many cases at once (an office's open cases): the
   * default loads one case after the other; a store that can read many cases in one request overrides it
   * (jdih-store-jdbc reads them with one query). Each history is complete and in order, but the histories need
   * not be of one instant.
   *
   * @throws NullPointerException if {@code ids} or one of them is null
   */
  default ImmutableMap<CaseId, ImmutableList<RecordedEvent>> loadAll(Collection<CaseId> ids) {
    checkNotNull(ids, "ids");
    Map<CaseId, ImmutableList<RecordedEvent>> out = new LinkedHashMap<>();
    for (CaseId id : ids) {
      checkNotNull(id, "an id is null");
      if (!out.containsKey(id)) {
        ImmutableList<RecordedEvent> events = load(id);
        if (!events.isEmpty()) {
          out.put(id, events);
        }
      }
    }
    return ImmutableMap.copyOf(out);
  }

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
