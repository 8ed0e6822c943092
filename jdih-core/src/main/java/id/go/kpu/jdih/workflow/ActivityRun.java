package id.go.kpu.jdih.workflow;

import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One completed performance of an activity in a case (an activity can run more than once when a decision sends
 * the flow back).
 *
 * @param activity the activity's number
 * @param kind the activity's kind
 * @param actor who completed it
 * @param availableAt when it became available (the time standard counts from here)
 * @param completedAt when it was completed
 * @param outcome for a decision, its outcome
 */
public record ActivityRun(int activity, ActivityKind kind, Person actor, Instant availableAt, Instant completedAt,
    Optional<Outcome> outcome) {

  /** Elapsed time from availability to completion. */
  public Duration elapsed() {
    return Duration.between(availableAt, completedAt);
  }
}
