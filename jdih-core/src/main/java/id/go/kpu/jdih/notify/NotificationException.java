package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A notification could not be sent. Codes: {@code JDIH-NOTIFY-001} a failure worth retrying with back-off,
 * {@code JDIH-NOTIFY-002} the service asked to wait ({@link #retryAfter()}), {@code JDIH-NOTIFY-003} the service
 * refused it for good (no retry). The message never holds a contact address in full or a credential.
 */
public final class NotificationException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** A failure worth retrying with back-off. */
  public static final String FAILED = "JDIH-NOTIFY-001";
  /** The service asked to wait before the next attempt. */
  public static final String RATE_LIMITED = "JDIH-NOTIFY-002";
  /** The service refused the message for good; it is not retried. */
  public static final String REFUSED = "JDIH-NOTIFY-003";

  private final @Nullable Duration retryAfter;

  /** A failed send worth retrying with back-off, with what went wrong. */
  public NotificationException(Text detail, @Nullable Throwable cause) {
    this(FAILED, detail, null, cause);
  }

  private NotificationException(String code, Text detail, @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(code, Text.of("Notifikasi tidak terkirim: " + checkNotNull(detail, "detail").id(),
        "Notification not sent: " + detail.en()), cause);
    this.retryAfter = retryAfter;
  }

  /** The service asked to wait {@code wait} before the next attempt. */
  public static NotificationException retryAfter(Text detail, Duration wait, @Nullable Throwable cause) {
    checkNotNull(wait, "wait");
    checkArgument(!wait.isNegative(), "wait must not be negative");
    return new NotificationException(RATE_LIMITED, detail, wait, cause);
  }

  /** The service refused the message for good (e.g. the address does not exist); it is not retried. */
  public static NotificationException permanent(Text detail, @Nullable Throwable cause) {
    return new NotificationException(REFUSED, detail, null, cause);
  }

  /** How long the service asked to wait, if it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** True if trying again cannot help. */
  public boolean permanent() {
    return REFUSED.equals(code());
  }
}
