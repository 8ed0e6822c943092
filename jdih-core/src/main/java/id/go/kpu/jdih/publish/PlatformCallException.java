package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A call to a platform failed, classified by the adapter. The message never contains a credential: adapters build
 * it from scrubbed platform text only.
 */
public final class PlatformCallException extends JdihException {
  private static final long serialVersionUID = 1L;

  private final FailureKind kind;
  private final String platformCode;
  private final @Nullable Instant retryAt;

  /**
   * A classified failure.
   *
   * @param kind how to treat it; its {@link FailureKind#code() code} is this exception's code
   * @param platformCode the platform's own code, e.g. {@code GRAPH-190} or {@code HTTP-503}
   * @param text what went wrong and what to do, in both languages
   * @param retryAt when the platform says a retry may be made (rate limits), if it says
   * @param cause the cause, if any; it must not carry a credential in its message
   */
  public PlatformCallException(FailureKind kind, String platformCode, Text text, Optional<Instant> retryAt,
      @Nullable Throwable cause) {
    super(checkNotNull(kind, "kind").code(), text, cause);
    this.kind = kind;
    this.platformCode = checkNotNull(platformCode, "platformCode");
    this.retryAt = checkNotNull(retryAt, "retryAt").orElse(null);
  }

  /** A classified failure without a retry time or a cause. */
  public PlatformCallException(FailureKind kind, String platformCode, Text text) {
    this(kind, platformCode, text, Optional.empty(), null);
  }

  /** How to treat it. */
  public FailureKind kind() {
    return kind;
  }

  /** The platform's own code, e.g. {@code GRAPH-190}. */
  public String platformCode() {
    return platformCode;
  }

  /** When the platform allows a retry, if it said. */
  public Optional<Instant> retryAt() {
    return Optional.ofNullable(retryAt);
  }
}
