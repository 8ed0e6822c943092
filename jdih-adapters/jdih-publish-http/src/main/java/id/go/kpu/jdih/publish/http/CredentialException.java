package id.go.kpu.jdih.publish.http;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/**
 * A token could not be had. Codes: {@code JDIH-CRED-001} none is configured or it was revoked (a person must act);
 * {@code JDIH-CRED-002} it cannot be refreshed right now (a temporary failure, not a dead token). The message never
 * contains a token.
 */
public final class CredentialException extends JdihException {
  private static final long serialVersionUID = 1L;

  private final boolean temporary;

  /**
   * A credential failure.
   *
   * @param temporary true if it may work on a later try
   * @param detail what went wrong, in both languages, without the token
   * @param cause the cause, if any; it must not carry the token in its message
   */
  public CredentialException(boolean temporary, Text detail, Throwable cause) {
    super(temporary ? "JDIH-CRED-002" : "JDIH-CRED-001", detail, cause);
    this.temporary = temporary;
  }

  /** No token is configured for {@code platform}. */
  public static CredentialException missing(Platform platform) {
    return new CredentialException(false, Text.of(
        "Token untuk %s belum diatur; atur token akun lalu ulangi",
        "No token is configured for %s; set the account's token and retry").format(platform.displayName()), null);
  }

  /** True if the token may be available on a later try (a refresh failed for now). */
  public boolean temporary() {
    return temporary;
  }
}
