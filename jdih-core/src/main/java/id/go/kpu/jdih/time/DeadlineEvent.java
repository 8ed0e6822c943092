package id.go.kpu.jdih.time;

import id.go.kpu.jdih.workflow.CaseId;
import java.time.Instant;

/**
 * A deadline an open activity crossed, for notifiers.
 *
 * @param caseId the case
 * @param activity the activity
 * @param kind due soon or overdue
 * @param at when it crossed
 * @param due the deadline
 */
public record DeadlineEvent(CaseId caseId, int activity, Kind kind, Instant at, Instant due) {

  /** Which threshold was crossed. */
  public enum Kind {
    /** The activity entered its due-soon window. */
    DUE_SOON,
    /** The activity passed its deadline. */
    OVERDUE
  }

  /** A key that is the same each time this crossing is computed, so a notification about it is sent once. */
  public String key() {
    return caseId + "/" + kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + activity + "/" + due;
  }
}
