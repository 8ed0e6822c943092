package id.go.kpu.jdih.publish;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/** Publishing failed. */
public final class PublishException extends JdihException {
  private static final long serialVersionUID = 1L;

  private final boolean outcomeKnown;

  /**
   * A failed publication.
   *
   * @param detail what went wrong
   * @param outcomeKnown true if the platform certainly did not publish; false after an ambiguous failure (a
   *     time-out after the request left), when the post may have gone out
   * @param cause the cause, if any
   */
  public PublishException(Text detail, boolean outcomeKnown, Throwable cause) {
    super("JDIH-PUBLISH-001", detail, cause);
    this.outcomeKnown = outcomeKnown;
  }

  /** True if the platform certainly did not publish. */
  public boolean outcomeKnown() {
    return outcomeKnown;
  }
}
