package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * How far the {@link NotificationService} got with one case, kept in the {@link NotificationLedger} so that a
 * restarted service goes on where the last one stopped. It only saves work: the notifications' keys are what
 * keeps a restarted service (even one that lost this) from sending anything twice.
 *
 * @param version the case's events up to this version were turned into notifications
 * @param checkedUntil deadline crossings up to this instant were turned into notifications
 * @param closed the case was published or withdrawn and all its events were seen: nothing more will come
 */
public record CaseProgress(long version, Instant checkedUntil, boolean closed) {

  /** The version is not negative. */
  public CaseProgress {
    checkArgument(version >= 0, "version must be >= 0");
    checkNotNull(checkedUntil, "checkedUntil");
  }
}
