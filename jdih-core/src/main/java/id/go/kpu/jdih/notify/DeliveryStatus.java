package id.go.kpu.jdih.notify;

/** Where one delivery (a notification through one channel) stands in the {@link NotificationLedger}. */
public enum DeliveryStatus {
  /** Recorded, waiting for its next attempt (the first, or a retry after a failure). */
  PENDING,
  /** Claimed by a sender until its lease ends; if the sender dies, it is due again after the lease. */
  SENDING,
  /** Sent. Never sent again. */
  SENT,
  /** Refused for good by the channel (e.g. the address does not exist); kept, not retried. */
  FAILED;

  /** True for a delivery that will still be attempted. */
  public boolean open() {
    return this == PENDING || this == SENDING;
  }
}
