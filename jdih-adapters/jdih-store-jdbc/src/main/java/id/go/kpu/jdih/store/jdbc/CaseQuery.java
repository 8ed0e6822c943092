package id.go.kpu.jdih.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.workflow.CaseStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which cases {@link JdbcCaseStore#cases(CaseQuery)} lists: every criterion that is present must hold. The list
 * is ordered newest first (by opening time, then id) and cut to one page.
 *
 * @param office the office of the case's definition
 * @param status where the case stands
 * @param activity the number of the activity available now
 * @param openedFrom the earliest opening time (inclusive)
 * @param openedBefore the latest opening time (exclusive)
 * @param offset how many matching cases to skip
 * @param limit at most this many cases, 1 to {@value #MAX_LIMIT}
 */
public record CaseQuery(Optional<String> office, Optional<CaseStatus> status, OptionalInt activity,
    Optional<Instant> openedFrom, Optional<Instant> openedBefore, long offset, int limit) {

  /** The largest page. */
  public static final int MAX_LIMIT = 1000;

  /** Checks the bounds. */
  public CaseQuery {
    checkNotNull(office, "office");
    checkNotNull(status, "status");
    checkNotNull(activity, "activity");
    checkNotNull(openedFrom, "openedFrom");
    checkNotNull(openedBefore, "openedBefore");
    checkArgument(offset >= 0, "offset must not be negative: %s", offset);
    checkArgument(limit >= 1 && limit <= MAX_LIMIT, "limit must be 1 to %s: %s", MAX_LIMIT, limit);
  }

  /** Every case, the first {@value #MAX_LIMIT}. */
  public static CaseQuery all() {
    return new CaseQuery(Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
        Optional.empty(), 0, MAX_LIMIT);
  }

  /** The cases of {@code officeId}, the first {@value #MAX_LIMIT}. */
  public static CaseQuery ofOffice(String officeId) {
    return all().withOffice(officeId);
  }

  /** This query for the cases of {@code officeId}. */
  public CaseQuery withOffice(String officeId) {
    return new CaseQuery(Optional.of(officeId), status, activity, openedFrom, openedBefore, offset, limit);
  }

  /** This query for the cases with {@code value}. */
  public CaseQuery withStatus(CaseStatus value) {
    return new CaseQuery(office, Optional.of(value), activity, openedFrom, openedBefore, offset, limit);
  }

  /** This query for the cases whose current activity is {@code number}. */
  public CaseQuery withActivity(int number) {
    return new CaseQuery(office, status, OptionalInt.of(number), openedFrom, openedBefore, offset, limit);
  }

  /** This query for the cases opened in {@code [from, before)}; either bound may be empty. */
  public CaseQuery openedBetween(Optional<Instant> from, Optional<Instant> before) {
    return new CaseQuery(office, status, activity, from, before, offset, limit);
  }

  /** This query for the page of {@code size} cases that starts after {@code skip} matching cases. */
  public CaseQuery page(long skip, int size) {
    return new CaseQuery(office, status, activity, openedFrom, openedBefore, skip, size);
  }
}
