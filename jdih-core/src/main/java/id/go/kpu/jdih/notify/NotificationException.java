package id.go.kpu.jdih.notify;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/** A notification could not be sent. */
public final class NotificationException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** A failed send, with what went wrong. */
  public NotificationException(Text detail, Throwable cause) {
    super("JDIH-NOTIFY-001", detail, cause);
  }
}
