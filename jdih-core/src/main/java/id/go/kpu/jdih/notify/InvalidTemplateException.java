package id.go.kpu.jdih.notify;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/** A notification template is not usable: an unknown placeholder or a missing kind ({@code JDIH-NOTIFY-005}). */
public final class InvalidTemplateException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The stable code. */
  public static final String CODE = "JDIH-NOTIFY-005";

  /** An invalid template, with what is wrong. */
  public InvalidTemplateException(Text detail) {
    super(CODE, Text.of("Templat notifikasi tidak sah: " + detail.id(),
        "Invalid notification template: " + detail.en()));
  }
}
