package id.go.kpu.jdih.store.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * An open case whose current activity is past its time standard at the instant asked about.
 *
 * @param summary the case
 * @param activity the overdue activity's number
 * @param due when it was due, by {@link id.go.kpu.jdih.time.Deadlines#due}
 */
public record OverdueCase(CaseSummary summary, int activity, Instant due) {

  /** Every field is required. */
  public OverdueCase {
    checkNotNull(summary, "summary");
    checkNotNull(due, "due");
  }
}
