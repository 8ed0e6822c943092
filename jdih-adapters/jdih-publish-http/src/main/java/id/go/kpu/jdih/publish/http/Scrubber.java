package id.go.kpu.jdih.publish.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text that came from outside (an error body, an exception message) before it goes into a
 * message or a log: the token in hand, wherever it appears, and anything shaped like a token parameter, a bearer
 * header or a Telegram bot path.
 */
public final class Scrubber {

  /** What a removed secret is replaced by. */
  public static final String MASK = "****";

  private static final Pattern TOKEN_PARAM = Pattern.compile("(?i)(access_token|input_token|token)(=|\"\\s*:\\s*\")"
      + "[^&\\s\"]+");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer|oauth)\\s+[A-Za-z0-9._~+/=-]{8,}");
  private static final Pattern BOT_PATH = Pattern.compile("bot\\d+:[A-Za-z0-9_-]+");

  private Scrubber() {}

  /**
   * {@code text} without {@code token} and without token-shaped parts.
   *
   * @param text the text, may be null
   * @param token the token in use, may be null
   * @return the scrubbed text ("" for null)
   */
  public static String scrub(String text, AccessToken token) {
    if (text == null) {
      return "";
    }
    String s = text;
    if (token != null && !token.reveal().isEmpty()) {
      s = s.replace(token.reveal(), MASK);
    }
    s = TOKEN_PARAM.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
    s = BEARER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
    s = BOT_PATH.matcher(s).replaceAll("bot" + MASK);
    return s;
  }
}
