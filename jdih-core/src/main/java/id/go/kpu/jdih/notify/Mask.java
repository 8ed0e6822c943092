package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Masks contact addresses and secrets before they reach a log, an exception message or a {@code toString}: an
 * e-mail address keeps its first letter and its domain's last labels ({@code r***@k***.go.id}), a Telegram chat
 * id keeps its last three characters ({@code ******789}), a secret keeps nothing ({@code ***}).
 */
public final class Mask {

  /** What a secret is replaced with. */
  public static final String HIDDEN = "***";

  private Mask() {}

  /** {@code rina.marlina@kpu-mentawai.go.id} becomes {@code r***@k***.go.id}; never the full address. */
  public static String email(String address) {
    if (address == null || address.isEmpty()) {
      return HIDDEN;
    }
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      return firstChar(address) + HIDDEN;
    }
    String local = address.substring(0, at);
    String domain = address.substring(at + 1);
    int dot = domain.indexOf('.');
    String maskedDomain = dot <= 0 ? firstChar(domain) + HIDDEN : firstChar(domain) + HIDDEN + domain.substring(dot);
    return firstChar(local) + HIDDEN + "@" + maskedDomain;
  }

  /** A chat id keeps its last three characters: {@code 123456789} becomes {@code ******789}. */
  public static String telegram(String chatId) {
    if (chatId == null || chatId.length() <= 3) {
      return HIDDEN;
    }
    return "*".repeat(Math.min(chatId.length() - 3, 12)) + chatId.substring(chatId.length() - 3);
  }

  /** A secret keeps nothing. */
  public static String secret(String ignored) {
    return HIDDEN;
  }

  /**
   * {@code text} with every occurrence of each key of {@code replacements} (case-insensitively) replaced by its
   * value; {@code null} stays {@code null}. Empty keys are ignored.
   */
  public static @Nullable String scrub(@Nullable String text, Map<String, String> replacements) {
    checkNotNull(replacements, "replacements");
    if (text == null) {
      return null;
    }
    String out = text;
    for (Map.Entry<String, String> r : replacements.entrySet()) {
      if (r.getKey() == null || r.getKey().isEmpty()) {
        continue;
      }
      Matcher m = Pattern.compile(Pattern.quote(r.getKey()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
          .matcher(out);
      out = m.replaceAll(Matcher.quoteReplacement(r.getValue()));
    }
    return out;
  }

  private static String firstChar(String s) {
    return s.isEmpty() ? "" : s.substring(0, s.offsetByCodePoints(0, 1)).toLowerCase(Locale.ROOT);
  }
}
