package id.go.kpu.jdih.notify.email;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/** The SMTP settings are not usable ({@code JDIH-EMAIL-001}). The message never holds the password. */
public final class InvalidSmtpSettingsException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The stable code. */
  public static final String CODE = "JDIH-EMAIL-001";

  /** Invalid settings, with what is wrong. */
  public InvalidSmtpSettingsException(Text detail) {
    super(CODE, Text.of("Pengaturan SMTP tidak sah: " + detail.id(), "Invalid SMTP settings: " + detail.en()));
  }
}
