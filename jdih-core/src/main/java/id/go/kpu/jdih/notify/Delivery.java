package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One notification through one channel, as the {@link NotificationLedger} keeps it.
 *
 * @param key the delivery's stable key: the notification's key, {@code /via/} and the channel
 * @param channel the {@link Notifier#channel() channel}
 * @param notification what is sent
 * @param status where it stands
 * @param attempts how many attempts were started
 * @param recordedAt when it was recorded
 * @param nextAttemptAt when it is due next (for {@link DeliveryStatus#SENDING}: when the lease ends)
 * @param sentAt when it was sent
 * @param lastError the last failure's code and message (masked: never an address in full or a credential)
 */
public record Delivery(String key, String channel, Notification notification, DeliveryStatus status, int attempts,
    Instant recordedAt, Instant nextAttemptAt, Optional<Instant> sentAt, Optional<String> lastError) {

  /** All fields are required. */
  public Delivery {
    checkNotNull(key, "key");
    checkNotNull(channel, "channel");
    checkNotNull(notification, "notification");
    checkNotNull(status, "status");
    checkArgument(attempts >= 0, "attempts must be >= 0");
    checkNotNull(recordedAt, "recordedAt");
    checkNotNull(nextAttemptAt, "nextAttemptAt");
    checkNotNull(sentAt, "sentAt");
    checkNotNull(lastError, "lastError");
  }

  /** A new delivery of {@code notification} through {@code channel}, due at {@code at}. */
  public static Delivery pending(Notification notification, String channel, Instant at) {
    return new Delivery(keyOf(notification, channel), channel, notification, DeliveryStatus.PENDING, 0, at, at,
        Optional.empty(), Optional.empty());
  }

  /**
   * A new delivery of {@code notification} through {@code channel}, recorded at {@code at} and not sent before
   * {@code notBefore} (a reminder held until the office opens).
   */
  public static Delivery pending(Notification notification, String channel, Instant at, Instant notBefore) {
    checkNotNull(notBefore, "notBefore");
    checkArgument(!notBefore.isBefore(at), "notBefore %s is before %s", notBefore, at);
    return new Delivery(keyOf(notification, channel), channel, notification, DeliveryStatus.PENDING, 0, at,
        notBefore, Optional.empty(), Optional.empty());
  }

  /** The delivery key of {@code notification} through {@code channel}. */
  public static String keyOf(Notification notification, String channel) {
    return notification.key() + "/via/" + channel;
  }

  /** This delivery with another status, attempt count, due time, sent time and error. */
  public Delivery with(DeliveryStatus newStatus, int newAttempts, Instant next, Optional<Instant> sent,
      Optional<String> error) {
    return new Delivery(key, channel, notification, newStatus, newAttempts, recordedAt, next, sent, error);
  }
}
