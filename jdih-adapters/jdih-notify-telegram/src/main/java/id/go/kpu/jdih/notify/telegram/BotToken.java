package id.go.kpu.jdih.notify.telegram;

import id.go.kpu.jdih.i18n.Text;
import java.util.regex.Pattern;

/**
 * A Telegram bot's token, as BotFather gives it ({@code 123456789:AA...}). It is a secret: {@link #toString()}
 * shows {@code BotToken[***]}, and no message of this module shows it.
 */
public final class BotToken {

  private static final Pattern FORMAT = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,100}");

  private final String value;

  private BotToken(String value) {
    this.value = value;
  }

  /**
   * A token.
   *
   * @throws InvalidTelegramSettingsException if it is not shaped like a bot token (the message does not show it)
   */
  public static BotToken of(String token) {
    String t = token == null ? "" : token.strip();
    if (!FORMAT.matcher(t).matches()) {
      throw new InvalidTelegramSettingsException(Text.of(
          "token bot harus berbentuk angka:rahasia seperti yang diberikan BotFather (%s karakter diberikan)",
          "a bot token looks like digits:secret as BotFather gives it (%s characters given)").format(t.length()));
    }
    return new BotToken(t);
  }

  /** The token itself; only for building the request. */
  String reveal() {
    return value;
  }

  /** {@code BotToken[***]}: never the token. */
  @Override
  public String toString() {
    return "BotToken[***]";
  }
}
