package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;

/**
 * What one {@link NotificationService#tick tick} did.
 *
 * @param at the tick's time
 * @param derived how many notifications the policy derived (known ones included)
 * @param recorded how many deliveries were new to the ledger
 * @param unreachable notifications no channel could deliver (the recipient has no address for any channel)
 * @param sent deliveries sent in this tick, in order
 * @param retrying deliveries that failed in this tick and are due again later
 * @param failed deliveries refused for good in this tick
 */
public record TickReport(Instant at, int derived, int recorded, ImmutableList<Notification> unreachable,
    ImmutableList<Delivery> sent, ImmutableList<Delivery> retrying, ImmutableList<Delivery> failed) {

  /** All fields are required. */
  public TickReport {
    checkNotNull(at, "at");
    checkNotNull(unreachable, "unreachable");
    checkNotNull(sent, "sent");
    checkNotNull(retrying, "retrying");
    checkNotNull(failed, "failed");
  }

  /** True if the tick recorded and attempted nothing. */
  public boolean idle() {
    return recorded == 0 && unreachable.isEmpty() && sent.isEmpty() && retrying.isEmpty() && failed.isEmpty();
  }

  /** Counts only, e.g. {@code tick 2024-03-05T01:00:00Z: 3 recorded, 3 sent, 0 retrying, 0 failed}. */
  @Override
  public String toString() {
    return "tick " + at + ": " + derived + " derived, " + recorded + " recorded, " + unreachable.size()
        + " unreachable, " + sent.size() + " sent, " + retrying.size() + " retrying, " + failed.size() + " failed";
  }
}
