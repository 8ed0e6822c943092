package id.go.kpu.jdih.time;

import java.time.Instant;
import java.util.Optional;

/**
 * The activity a case is waiting on, against its time standard at one instant.
 *
 * @param activity the activity's number
 * @param availableAt when it became available
 * @param due when it is due; empty without a time standard
 * @param dueSoonAt when it becomes due soon; empty without a time standard
 * @param status on time, due soon or overdue at the instant asked about
 * @param coverage whether the holiday calendar covers the years the deadline was counted over; when it does not,
 *     the deadline may be too early
 */
public record OpenActivity(int activity, Instant availableAt, Optional<Instant> due, Optional<Instant> dueSoonAt,
    TimeStatus status, Coverage coverage) {}
