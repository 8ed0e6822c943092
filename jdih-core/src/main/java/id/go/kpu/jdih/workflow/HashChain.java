package id.go.kpu.jdih.workflow;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.SopKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The SHA-256 hash chain over a case's events. Each event's hash covers its fields and its predecessor's hash, so
 * verification detects an altered, removed, inserted or reordered event. Each event is checked by the
 * {@link HashFormat} it was written with, so a history begun by an older version goes on verifying. Removing
 * events from the end leaves a shorter valid chain; compare the {@link #head head} with one kept elsewhere (an
 * archive's manifest, say) to detect that too.
 */
public final class HashChain {

  /** The previous hash of a case's first event: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private HashChain() {}

  static String hash(HashFormat format, CaseId caseId, long sequence, SopKey sop, CommandId commandId,
      Optional<Principal> principal, Person actor, Instant at, OptionalInt activity, CaseEvent payload,
      String previousHash) {
    return switch (format) {
      case LEGACY_1 -> LegacyHash.hash(caseId, sequence, sop, commandId, actor, at, activity, payload, previousHash);
      case JCS_2 -> EventDocument.hash(EventDocument.of(format, caseId, sequence, sop, commandId, principal, actor,
          at, activity, payload, previousHash));
    };
  }

  /** The hash of the last event, or {@link #GENESIS} for an empty history. */
  public static String head(List<RecordedEvent> events) {
    return events.isEmpty() ? GENESIS : events.get(events.size() - 1).hash();
  }

  /**
   * Verifies a case's history: sequences 1, 2, 3, ... of one case, each hash correct and chained to its
   * predecessor's.
   *
   * @return empty if the chain is intact, else the first break
   */
  public static Optional<Break> verify(List<RecordedEvent> events) {
    return verifyFrom(events, 0, GENESIS);
  }

  /**
   * Verifies the events from index {@code from} on, given that the events before it were verified already and
   * end at {@code previousHash}: sequences {@code from + 1, from + 2, ...} of the first event's case, each hash
   * correct and chained to its predecessor's. Used to check only what is new since a verified state.
   *
   * @param events the whole history
   * @param from the index of the first event to check (0 for all)
   * @param previousHash the hash of the event at {@code from - 1}, {@link #GENESIS} for {@code from == 0}
   * @return empty if those events are intact and continue {@code previousHash}, else the first break
   */
  public static Optional<Break> verifyFrom(List<RecordedEvent> events, int from, String previousHash) {
    String previous = previousHash;
    for (int i = from; i < events.size(); i++) {
      RecordedEvent e = events.get(i);
      if (!e.caseId().equals(events.get(0).caseId())) {
        return Optional.of(new Break(i, Reason.FOREIGN_EVENT));
      }
      if (e.sequence() != i + 1) {
        return Optional.of(new Break(i, e.sequence() < i + 1 ? Reason.OUT_OF_ORDER : Reason.MISSING_EVENT));
      }
      if (!e.previousHash().equals(previous)) {
        return Optional.of(new Break(i, Reason.BROKEN_LINK));
      }
      if (!e.expectedHash().equals(e.hash())) {
        return Optional.of(new Break(i, Reason.ALTERED));
      }
      previous = e.hash();
    }
    return Optional.empty();
  }

  /**
   * Verifies the chain and that it ends at {@code expectedHead}.
   *
   * @return empty if intact and complete, else the first break
   */
  public static Optional<Break> verify(List<RecordedEvent> events, String expectedHead) {
    Optional<Break> b = verify(events);
    if (b.isPresent()) {
      return b;
    }
    return head(events).equals(expectedHead) ? Optional.empty()
        : Optional.of(new Break(events.size(), Reason.HEAD_MISMATCH));
  }

  /** Why a chain is broken. */
  public enum Reason {
    /** An event's fields do not match its hash. */
    ALTERED(Text.of("isi peristiwa diubah", "the event was altered")),
    /** An event's previous hash is not its predecessor's hash: an event was removed, inserted or replaced. */
    BROKEN_LINK(Text.of("rantai hash terputus", "the hash chain is broken")),
    /** A sequence number is skipped: an event is missing. */
    MISSING_EVENT(Text.of("ada peristiwa yang hilang", "an event is missing")),
    /** A sequence number repeats or goes back: events were inserted or reordered. */
    OUT_OF_ORDER(Text.of("urutan peristiwa tidak sah", "events are out of order")),
    /** An event of another case is in the history. */
    FOREIGN_EVENT(Text.of("peristiwa milik kasus lain", "an event of another case")),
    /** The chain is intact but does not end where it should: events were removed from the end. */
    HEAD_MISMATCH(Text.of("ujung rantai tidak sesuai", "the chain does not end at the expected head"));

    private final Text text;

    Reason(Text text) {
      this.text = text;
    }

    /** What the reason means. */
    public Text text() {
      return text;
    }
  }

  /**
   * Where and why a chain is broken.
   *
   * @param index the index of the first offending event in the list (the list's size for a head mismatch)
   * @param reason why
   */
  public record Break(int index, Reason reason) {}
}
