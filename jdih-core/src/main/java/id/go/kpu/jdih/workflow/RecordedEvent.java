package id.go.kpu.jdih.workflow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.sop.SopKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One event of a case's history, as stored: who did what, when, in which activity, under which definition, and a
 * SHA-256 hash chained to the previous event's hash, so that any altered, removed, inserted or reordered event is
 * detected by {@link HashChain#verify}. Each event records the {@link HashFormat} its hash was computed with:
 * {@link #create} uses {@link HashFormat#CURRENT}; events read from storage keep the format they were written with.
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
  private final Optional<Principal> principal;
  private final Person actor;
  private final Instant at;
  private final OptionalInt activity;
  private final CaseEvent payload;
  private final String previousHash;
  private final String hash;
  private final HashFormat hashFormat;
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
   * @param principal the authenticated principal that acted, if recorded; always empty in format 1
   * @param actor who, with the roles they acted under
   * @param at when (from the injected clock)
   * @param activity the activity it belongs to; empty for a withdrawal
   * @param payload what happened
   * @param previousHash the previous event's hash; {@link HashChain#GENESIS} for the first
   * @param hash this event's hash over all the fields above
   * @param hashFormat how the hash is computed
   * @throws IllegalArgumentException if a format 1 event names a principal (format 1 cannot hash one)
   */
  public RecordedEvent(CaseId caseId, long sequence, SopKey sop, CommandId commandId, Optional<Principal> principal,
      Person actor, Instant at, OptionalInt activity, CaseEvent payload, String previousHash, String hash,
      HashFormat hashFormat) {
    this(caseId, sequence, sop, commandId, principal, actor, at, activity, payload, previousHash, hash, hashFormat,
        false);
  }

  private RecordedEvent(CaseId caseId, long sequence, SopKey sop, CommandId commandId, Optional<Principal> principal,
      Person actor, Instant at, OptionalInt activity, CaseEvent payload, String previousHash, String hash,
      HashFormat hashFormat, boolean hashComputedHere) {
    this.caseId = checkNotNull(caseId, "caseId");
    checkArgument(sequence >= 1, "sequence must be >= 1 but was %s", sequence);
    this.sequence = sequence;
    this.sop = checkNotNull(sop, "sop");
    this.commandId = checkNotNull(commandId, "commandId");
    this.principal = checkNotNull(principal, "principal");
    this.actor = checkNotNull(actor, "actor");
    this.at = checkNotNull(at, "at");
    this.activity = checkNotNull(activity, "activity");
    this.payload = checkNotNull(payload, "payload");
    this.previousHash = checkNotNull(previousHash, "previousHash");
    this.hash = checkNotNull(hash, "hash");
    this.hashFormat = checkNotNull(hashFormat, "hashFormat");
    checkArgument(hashFormat != HashFormat.LEGACY_1 || principal.isEmpty(),
        "hash format 1 cannot record a principal");
    this.hashComputedHere = hashComputedHere;
  }

  /** Creates an event in the {@link HashFormat#CURRENT current} format, without a principal, and hashes it. */
  public static RecordedEvent create(CaseId caseId, long sequence, SopKey sop, CommandId commandId, Person actor,
      Instant at, OptionalInt activity, CaseEvent payload, String previousHash) {
    return create(caseId, sequence, sop, commandId, Optional.empty(), actor, at, activity, payload, previousHash);
  }

  /** Creates an event in the {@link HashFormat#CURRENT current} format and hashes it. */
  public static RecordedEvent create(CaseId caseId, long sequence, SopKey sop, CommandId commandId,
      Optional<Principal> principal, Person actor, Instant at, OptionalInt activity, CaseEvent payload,
      String previousHash) {
    HashFormat format = HashFormat.CURRENT;
    String hash = HashChain.hash(format, caseId, sequence, sop, commandId, principal, actor, at, activity, payload,
        previousHash);
    return new RecordedEvent(caseId, sequence, sop, commandId, principal, actor, at, activity, payload,
        previousHash, hash, format, true);
  }

  /** The hash these fields should have in this event's format; differs from {@link #hash()} if anything was altered. */
  public String expectedHash() {
    if (hashComputedHere) {
      return hash;
    }
    return HashChain.hash(hashFormat, caseId, sequence, sop, commandId, principal, actor, at, activity, payload,
        previousHash);
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

  /** The authenticated principal that acted, if recorded (events of the low-level path and of jdih 0.1 have none). */
  public Optional<Principal> principal() {
    return principal;
  }

  /** Who, with the roles they acted under. */
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

  /** How the hash is computed. */
  public HashFormat hashFormat() {
    return hashFormat;
  }

  /** Equal if every field is equal (how the event came to be is not part of its value). */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof RecordedEvent e && sequence == e.sequence && caseId.equals(e.caseId) && sop.equals(e.sop)
        && commandId.equals(e.commandId) && principal.equals(e.principal) && actor.equals(e.actor)
        && at.equals(e.at) && activity.equals(e.activity) && payload.equals(e.payload)
        && previousHash.equals(e.previousHash) && hash.equals(e.hash) && hashFormat == e.hashFormat;
  }

  @Override
  public int hashCode() {
    return Objects.hash(caseId, sequence, sop, commandId, principal, actor, at, activity, payload, previousHash, hash,
        hashFormat);
  }

  @Override
  public String toString() {
    return "RecordedEvent[caseId=" + caseId + ", sequence=" + sequence + ", sop=" + sop + ", commandId=" + commandId
        + principal.map(p -> ", principal=" + p).orElse("") + ", actor=" + actor + ", at=" + at + ", activity="
        + activity + ", payload=" + payload + ", previousHash=" + previousHash + ", hash=" + hash + ", hashFormat="
        + hashFormat.number() + "]";
  }
}
