package id.go.kpu.jdih.workflow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.sop.SopKey;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One event of a case's history, as stored: who did what, when, in which activity, under which definition, and a
 * SHA-256 hash chained to the previous event's hash, so that any altered, removed, inserted or reordered event is
 * detected by {@link HashChain#verify}.
 *
 * <p>A value: immutable, thread-safe, equal to another event with the same fields. An event made by
 * {@link #create} remembers that its hash was computed from its own (deeply immutable) fields, so
 * {@link #expectedHash()} does not compute it a second time when a store checks the append; an event built from
 * stored fields with the constructor computes it whenever asked, so tampering is still found.
 */
public final class RecordedEvent {

  private final CaseId caseId;
  private final long sequence;
  private final SopKey sop;
  private final CommandId commandId;
  private final Person actor;
  private final Instant at;
  private final OptionalInt activity;
  private final CaseEvent payload;
  private final String previousHash;
  private final String hash;
  // True only when this instance computed its hash itself (see create): then the hash matches by construction.
  private final boolean hashComputedHere;

  /**
   * An event from its stored fields; all are required and the sequence starts at 1. The hash is taken as given:
   * {@link HashChain#verify} and {@link #expectedHash()} tell whether it matches the fields.
   *
   * @param caseId the case
   * @param sequence the event's position in the case's history, from 1; also the case's version after it
   * @param sop the definition the case runs under
   * @param commandId the command that produced it
   * @param actor who
   * @param at when (from the injected clock)
   * @param activity the activity it belongs to; empty for a withdrawal
   * @param payload what happened
   * @param previousHash the previous event's hash; {@link HashChain#GENESIS} for the first
   * @param hash this event's hash over all the fields above
   */
  public RecordedEvent(CaseId caseId, long sequence, SopKey sop, CommandId commandId, Person actor,
      Instant at, OptionalInt activity, CaseEvent payload, String previousHash, String hash) {
    this(caseId, sequence, sop, commandId, actor, at, activity, payload, previousHash, hash, false);
  }

  private RecordedEvent(CaseId caseId, long sequence, SopKey sop, CommandId commandId, Person actor,
      Instant at, OptionalInt activity, CaseEvent payload, String previousHash, String hash,
      boolean hashComputedHere) {
    this.caseId = checkNotNull(caseId, "caseId");
    checkArgument(sequence >= 1, "sequence must be >= 1 but was %s", sequence);
    this.sequence = sequence;
    this.sop = checkNotNull(sop, "sop");
    this.commandId = checkNotNull(commandId, "commandId");
    this.actor = checkNotNull(actor, "actor");
    this.at = checkNotNull(at, "at");
    this.activity = checkNotNull(activity, "activity");
    this.payload = checkNotNull(payload, "payload");
    this.previousHash = checkNotNull(previousHash, "previousHash");
    this.hash = checkNotNull(hash, "hash");
    this.hashComputedHere = hashComputedHere;
  }

  /** Creates an event and computes its hash. */
  public static RecordedEvent create(CaseId caseId, long sequence, SopKey sop, CommandId commandId, Person actor,
      Instant at, OptionalInt activity, CaseEvent payload, String previousHash) {
    String hash = HashChain.hash(caseId, sequence, sop, commandId, actor, at, activity, payload, previousHash);
    return new RecordedEvent(caseId, sequence, sop, commandId, actor, at, activity, payload, previousHash, hash,
        true);
  }

  /** The hash these fields should have; differs from {@link #hash()} if anything was altered. */
  public String expectedHash() {
    if (hashComputedHere) {
      return hash;
    }
    return HashChain.hash(caseId, sequence, sop, commandId, actor, at, activity, payload, previousHash);
  }

  /** The case. */
  public CaseId caseId() {
    return caseId;
  }

  /** The event's position in the case's history, from 1; also the case's version after it. */
  public long sequence() {
    return sequence;
  }

  /** The definition the case runs under. */
  public SopKey sop() {
    return sop;
  }

  /** The command that produced it. */
  public CommandId commandId() {
    return commandId;
  }

  /** Who. */
  public Person actor() {
    return actor;
  }

  /** When (from the injected clock). */
  public Instant at() {
    return at;
  }

  /** The activity it belongs to; empty for a withdrawal. */
  public OptionalInt activity() {
    return activity;
  }

  /** What happened. */
  public CaseEvent payload() {
    return payload;
  }

  /** The previous event's hash; {@link HashChain#GENESIS} for the first. */
  public String previousHash() {
    return previousHash;
  }

  /** This event's hash over all the other fields. */
  public String hash() {
    return hash;
  }

  /** Equal if every field is equal (how the event came to be is not part of its value). */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof RecordedEvent e && sequence == e.sequence && caseId.equals(e.caseId) && sop.equals(e.sop)
        && commandId.equals(e.commandId) && actor.equals(e.actor) && at.equals(e.at)
        && activity.equals(e.activity) && payload.equals(e.payload) && previousHash.equals(e.previousHash)
        && hash.equals(e.hash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(caseId, sequence, sop, commandId, actor, at, activity, payload, previousHash, hash);
  }

  @Override
  public String toString() {
    return "RecordedEvent[caseId=" + caseId + ", sequence=" + sequence + ", sop=" + sop + ", commandId=" + commandId
        + ", actor=" + actor + ", at=" + at + ", activity=" + activity + ", payload=" + payload
        + ", previousHash=" + previousHash + ", hash=" + hash + "]";
  }
}
