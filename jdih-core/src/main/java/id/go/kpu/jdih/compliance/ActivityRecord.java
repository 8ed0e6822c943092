package id.go.kpu.jdih.compliance;

import id.go.kpu.jdih.sop.Outcome;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.time.Coverage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One performance of an activity, as compliance sees it.
 *
 * @param activity the activity's number
 * @param executor the role that should have done it
 * @param actor who did it
 * @param availableAt when it became available
 * @param due when it was due; empty without a time standard
 * @param completedAt when it was done
 * @param workingTime office hours from availability to completion
 * @param outcome a decision's outcome
 * @param byExecutor whether the actor held the executor role
 * @param inOrder whether it was the activity the flow expected
 * @param withOutput whether its output was present
 * @param withInputs whether its input documents existed
 * @param coverage whether the holiday calendar covers the days its deadline was counted over; when it does not,
 *     the deadline skipped weekends only there and {@link #onTime()} may be wrong
 */
public record ActivityRecord(int activity, RoleId executor, Person actor, Instant availableAt, Optional<Instant> due,
    Instant completedAt, Duration workingTime, Optional<Outcome> outcome, boolean byExecutor, boolean inOrder,
    boolean withOutput, boolean withInputs, Coverage coverage) {

  /** Done by its deadline (always true without a time standard). */
  public boolean onTime() {
    return due.map(d -> !completedAt.isAfter(d)).orElse(true);
  }

  /** Every rule kept. */
  public boolean compliant() {
    return onTime() && byExecutor && inOrder && withOutput && withInputs;
  }
}
