package id.go.kpu.jdih.notify.telegram;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/** The Telegram settings are not usable ({@code JDIH-TELEGRAM-001}). The message never holds the bot token. */
public final class InvalidTelegramSettingsException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The stable code. */
  public static final String CODE = "JDIH-TELEGRAM-001";

  /** Invalid settings, with what is wrong. */
  public InvalidTelegramSettingsException(Text detail) {
    super(CODE, Text.of("Pengaturan Telegram tidak sah: " + detail.id(), "Invalid Telegram settings: " + detail.en()));
  }
}
