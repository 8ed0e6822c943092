package id.go.kpu.jdih.publish.http;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A platform credential (a Graph API page or user token, an X user token, a Telegram bot token). Its
 * {@link #toString()} never shows it; only {@link #reveal()} does, and adapters call that only to put the token on
 * the wire. Immutable and thread-safe.
 */
public final class AccessToken {

  private final String value;

  private AccessToken(String value) {
    this.value = value;
  }

  /**
   * A token.
   *
   * @param value the token, not blank
   * @return the token
   */
  public static AccessToken of(String value) {
    checkNotNull(value, "value");
    checkArgument(!value.isBlank(), "a token must not be blank");
    return new AccessToken(value);
  }

  /** The token itself, for the request that needs it and nothing else. */
  public String reveal() {
    return value;
  }

  /** Masked: {@code AccessToken[****]}. */
  @Override
  public String toString() {
    return "AccessToken[****]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessToken t && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
        t.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
