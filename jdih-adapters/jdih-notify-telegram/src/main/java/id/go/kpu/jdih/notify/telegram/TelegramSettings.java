package id.go.kpu.jdih.notify.telegram;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.validation.Hosts;
import java.net.URI;
import java.time.Duration;

/**
 * Where the Bot API is, which bot sends, and how long a call may take. {@link #toString()} never shows the token.
 *
 * @param apiBase the Bot API's base address, {@code https://api.telegram.org} (another for a local Bot API server
 *     or a test emulator)
 * @param token the bot's token
 * @param timeout the time-out for connecting, and the deadline of each whole call, the answer's body included
 */
public record TelegramSettings(URI apiBase, BotToken token, Duration timeout) {

  /** The public Bot API. */
  public static final URI PUBLIC_API = URI.create("https://api.telegram.org");

  /**
   * Checks the parts.
   *
   * @throws InvalidTelegramSettingsException if the address is not http(s), is plain http to another machine than
   *     this one (the token would travel readable), or the time-out is not positive
   */
  public TelegramSettings {
    checkNotNull(apiBase, "apiBase");
    checkNotNull(token, "token");
    checkNotNull(timeout, "timeout");
    if ((!"https".equals(apiBase.getScheme()) && !"http".equals(apiBase.getScheme())) || apiBase.getHost() == null) {
      throw new InvalidTelegramSettingsException(Text.of("alamat API %s bukan http(s)", "API address %s is not http(s)")
          .format(apiBase));
    }
    if ("http".equals(apiBase.getScheme()) && !Hosts.isLoopback(apiBase.getHost())) {
      // The bot token is in the request path: over plain http anyone on the way could read it and take the bot.
      throw new InvalidTelegramSettingsException(Text.of(
          "alamat API %s memakai http tanpa enkripsi; token bot hanya dikirim lewat https (http hanya untuk "
              + "localhost)",
          "API address %s uses unencrypted http; the bot token is only sent over https (http only for localhost)")
          .format(apiBase.getScheme() + "://" + apiBase.getRawAuthority()));
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidTelegramSettingsException(Text.of("batas waktu %s tidak sah", "time-out %s is invalid")
          .format(timeout));
    }
    String s = apiBase.toString();
    apiBase = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }

  /** The public Bot API with a ten-second time-out. */
  public static TelegramSettings of(BotToken token) {
    return new TelegramSettings(PUBLIC_API, token, Duration.ofSeconds(10));
  }
}
