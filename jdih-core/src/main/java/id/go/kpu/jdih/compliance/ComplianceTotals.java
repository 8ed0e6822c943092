package id.go.kpu.jdih.compliance;

import java.time.Duration;

/**
 * Totals over the activities of one group (one activity, or one role).
 *
 * @param done how many were completed
 * @param onTime how many within their time standard
 * @param byExecutor how many by a holder of the executor role
 * @param withOutput how many with their output
 * @param inOrder how many in the SOP's order
 * @param medianWorking the median duration, in office hours (one-minute resolution)
 * @param p90Working the 90th-percentile duration, in office hours (one-minute resolution)
 * @param notCovered how many deadlines were counted over a year the holiday calendar does not cover (weekends only
 *     there): their on-time verdicts may be wrong
 */
public record ComplianceTotals(long done, long onTime, long byExecutor, long withOutput, long inOrder,
    Duration medianWorking, Duration p90Working, long notCovered) {

  /** The share done on time, 0 to 1; 1 when nothing was done. */
  public double onTimeRate() {
    return done == 0 ? 1.0 : (double) onTime / done;
  }
}
