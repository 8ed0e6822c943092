package id.go.kpu.jdih.archive;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.RecordedEvent;

/**
 * One case of a verified bundle: its events, whose hash chain is intact and ends at the head the manifest records,
 * and the state they replay to under the bundle's definition.
 *
 * @param entry the bundle entry holding the events, e.g. {@code cases/kasus-1.jsonl}
 * @param events the events, in order
 * @param state the case's state after the events
 */
public record ArchivedCase(String entry, ImmutableList<RecordedEvent> events, ContentCase state) {

  /** All fields are required. */
  public ArchivedCase {
    checkNotNull(entry, "entry");
    checkNotNull(events, "events");
    checkNotNull(state, "state");
  }

  /** The case. */
  public CaseId id() {
    return state.id();
  }

  /** The key of the definition the case ran under. */
  public SopKey sop() {
    return events.get(0).sop();
  }

  /** Where the case stands: published, withdrawn, or still open when it was archived. */
  public CaseStatus status() {
    return state.status();
  }

  /** The hash of the last event: the head of the case's hash chain. */
  public String head() {
    return state.headHash();
  }
}
