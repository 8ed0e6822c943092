package id.go.kpu.jdih.store.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A case's row in the {@code cases} table: where the case stands, written in the same transaction as its
 * events. The instants are those of the events truncated to the microsecond (the columns' precision); the events
 * themselves keep the exact instants.
 *
 * <p>A case whose history does not fold over its definition (the definition is not known to the store, or the
 * history breaks it, as imported data might) is stored but not summarised: its {@link #status()},
 * {@link #currentActivity()} and {@link #availableSince()} are empty. See {@link JdbcCaseStore#refreshSummaries()}.
 *
 * @param id the case
 * @param sop the definition its first event names
 * @param status where it stands (never {@link CaseStatus#NEW}); empty if not summarised
 * @param currentActivity the activity available now; empty when closed or not summarised
 * @param availableSince when the current activity became available
 * @param openedAt when the first event happened
 * @param version the number of events
 * @param headHash the hash of the last event
 */
public record CaseSummary(CaseId id, SopKey sop, Optional<CaseStatus> status, OptionalInt currentActivity,
    Optional<Instant> availableSince, Instant openedAt, long version, String headHash) {

  /** Every field is required. */
  public CaseSummary {
    checkNotNull(id, "id");
    checkNotNull(sop, "sop");
    checkNotNull(status, "status");
    checkNotNull(currentActivity, "currentActivity");
    checkNotNull(availableSince, "availableSince");
    checkNotNull(openedAt, "openedAt");
    checkNotNull(headHash, "headHash");
  }
}
