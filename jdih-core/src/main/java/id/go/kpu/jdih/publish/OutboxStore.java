package id.go.kpu.jdih.publish;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.workflow.CaseId;
import java.time.Instant;
import java.util.Optional;

/**
 * The port where publication intents and their progress are kept. Every change is a compare-and-set on
 * {@link IntentState#version()}, so that several workers (threads or processes) sharing a store never act on the
 * same version twice: the one whose {@link #replace} succeeds holds the intent.
 *
 * <p>Implementations are thread-safe and durable to the degree the embedder needs: a platform id handed to
 * {@link #replace} must survive a crash of the process for the never-twice guarantee to survive it too.
 */
public interface OutboxStore {

  /**
   * Adds a new intent's first state.
   *
   * @param state a state of version 1
   * @return false if an intent with that id exists already (nothing is changed)
   */
  boolean add(IntentState state);

  /**
   * The current state of the intent with {@code id}.
   *
   * @param id the intent id
   * @return its state, if it exists
   */
  Optional<IntentState> find(IntentId id);

  /**
   * Every intent of a case, ordered by id.
   *
   * @param caseId the case
   * @return their current states
   */
  ImmutableList<IntentState> forCase(CaseId caseId);

  /**
   * The intents {@link IntentState#isDue(Instant) due} at {@code now}, earliest due first.
   *
   * @param now the time
   * @param limit the most to return, at least 1
   * @return their current states
   */
  ImmutableList<IntentState> due(Instant now, int limit);

  /**
   * The earliest {@link IntentState#dueAt()} of all intents.
   *
   * @return the instant, or empty when nothing will become due without a person
   */
  Optional<Instant> nextDueAt();

  /**
   * Replaces {@code expected} by {@code next} if the stored state still has {@code expected}'s version.
   *
   * @param expected the state read before
   * @param next the new state: the same intent, version {@code expected.version() + 1}
   * @return false if the stored state has another version (another worker changed it first)
   */
  boolean replace(IntentState expected, IntentState next);
}
