package id.go.kpu.jdih.workflow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.sop.SopKey;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * One event of a case's history, as stored: who did what, when, in which activity, under which definition, and a
 * SHA-256 hash chained to the previous event's hash, so that any altered, removed, inserted or reordered event is
 * detected by {@link HashChain#verify}.
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
public record RecordedEvent(CaseId caseId, long sequence, SopKey sop, CommandId commandId, Person actor,
    Instant at, OptionalInt activity, CaseEvent payload, String previousHash, String hash) {

  /** All fields are required; the sequence starts at 1. */
  public RecordedEvent {
    checkNotNull(caseId, "caseId");
    checkArgument(sequence >= 1, "sequence must be >= 1 but was %s", sequence);
    checkNotNull(sop, "sop");
    checkNotNull(commandId, "commandId");
    checkNotNull(actor, "actor");
    checkNotNull(at, "at");
    checkNotNull(activity, "activity");
    checkNotNull(payload, "payload");
    checkNotNull(previousHash, "previousHash");
    checkNotNull(hash, "hash");
  }

  /** Creates an event and computes its hash. */
  public static RecordedEvent create(CaseId caseId, long sequence, SopKey sop, CommandId commandId, Person actor,
      Instant at, OptionalInt activity, CaseEvent payload, String previousHash) {
    String hash = HashChain.hash(caseId, sequence, sop, commandId, actor, at, activity, payload, previousHash);
    return new RecordedEvent(caseId, sequence, sop, commandId, actor, at, activity, payload, previousHash, hash);
  }

  /** The hash these fields should have; differs from {@link #hash()} if anything was altered. */
  public String expectedHash() {
    return HashChain.hash(caseId, sequence, sop, commandId, actor, at, activity, payload, previousHash);
  }
}
