package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for an exception whose message may hold a contact address, a token or a password: it keeps the
 * original's class name and stack trace (and those of its causes) and the message passed through a scrubber, so
 * that an adapter can attach it as the cause of a {@link NotificationException} and a logged stack trace still
 * shows where the failure happened without showing the secret.
 */
public final class RedactedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private static final int MAX_DEPTH = 16;

  private final String originalClass;

  private RedactedException(String originalClass, @Nullable String message, @Nullable RedactedException cause) {
    super(message == null ? originalClass : originalClass + ": " + message, cause);
    this.originalClass = originalClass;
  }

  /**
   * A redacted copy of {@code original} and its causes; each message passes through {@code scrub}.
   *
   * @param original the exception to copy; may hold secrets
   * @param scrub replaces the secrets in a message (it is given {@code null} for an exception without message)
   */
  public static RedactedException of(Throwable original, UnaryOperator<String> scrub) {
    checkNotNull(original, "original");
    checkNotNull(scrub, "scrub");
    return copy(original, scrub, 0);
  }

  private static RedactedException copy(Throwable t, UnaryOperator<String> scrub, int depth) {
    RedactedException cause = t.getCause() == null || t.getCause() == t || depth >= MAX_DEPTH ? null
        : copy(t.getCause(), scrub, depth + 1);
    String message = t.getMessage() == null ? null : scrub.apply(t.getMessage());
    RedactedException r = new RedactedException(t.getClass().getName(), message, cause);
    r.setStackTrace(t.getStackTrace());
    return r;
  }

  /** The class name of the exception this stands for. */
  public String originalClass() {
    return originalClass;
  }
}
