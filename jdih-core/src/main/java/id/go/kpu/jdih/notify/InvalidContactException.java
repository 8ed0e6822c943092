package id.go.kpu.jdih.notify;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/** A contact address is not well formed ({@code JDIH-NOTIFY-004}). The message shows the address masked. */
public final class InvalidContactException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The stable code. */
  public static final String CODE = "JDIH-NOTIFY-004";

  /** An invalid contact, with what is wrong. */
  public InvalidContactException(Text detail) {
    super(CODE, Text.of("Kontak tidak sah: " + detail.id(), "Invalid contact: " + detail.en()));
  }
}
