package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the URLs, hashtags and @-mentions of a caption, as the platforms' limits on them need.
 *
 * <p><b>URLs</b> (used for X's rule that every URL weighs 23):
 * <ul>
 *   <li>{@code http://} and {@code https://} URLs (scheme in any case), up to the next white space or
 *       {@code < > "};</li>
 *   <li>bare domains without a scheme whose last label is one of a fixed list of top-level domains (among them
 *       {@code id} and therefore {@code go.id}, {@code co.id}, {@code ac.id}, {@code or.id}, {@code desa.id}, and
 *       {@code com}, {@code org}, {@code net}, {@code edu}, {@code gov}, {@code info}, {@code io}, {@code co} and
 *       common country codes), with an optional port and path, e.g. {@code jdih.kpu.go.id/peraturan}. Bare domains
 *       are ASCII only.</li>
 * </ul>
 * Trailing sentence punctuation ({@code . , ; : ! ?} and quotes) and an unbalanced closing bracket are not part of
 * a URL. A domain right after {@code @}, a letter, a digit, {@code .}, {@code -}, {@code _} or {@code /} is not a
 * URL, so the domain of an e-mail address is not counted as one. twitter-text accepts every IANA top-level domain,
 * IP addresses and internationalised domains without a scheme; this class does not, so a caption using those may be
 * counted shorter on X than X counts it.
 *
 * <p><b>Hashtags</b> are {@code #} (or full-width {@code ＃}) followed by letters (any script), combining marks,
 * digits or {@code _}, and not preceded by one of those, {@code &}, {@code #} or {@code @}. All-digit tags such as
 * {@code #2024} are counted too: counting a tag the platform might not link errs towards refusing, never towards
 * a post the platform rejects.
 *
 * <p><b>Mentions</b> are {@code @} (or {@code ＠}) followed by letters, digits or {@code _}, with inner dots allowed
 * (Instagram user names may contain dots), and not preceded by a letter, digit, {@code _}, {@code @} or {@code .}, so
 * an e-mail address is not a mention.
 *
 * <p>Hashtags and mentions inside a URL (e.g. a {@code #fragment}) are not counted.
 */
final class CaptionTokens {

  // A fixed list rather than IANA's ~1,500 names: the ones an Indonesian government office links to in practice.
  // Longer names first is not needed (the look-ahead after the TLD forces a whole label), but kept for reading.
  private static final String TLDS = String.join("|",
      "online", "travel", "museum", "info", "gov", "edu", "mil", "int", "org", "net", "com", "biz", "app", "dev",
      "xyz", "news", "site", "id", "io", "co", "me", "ly", "tv", "my", "sg", "au", "nz", "jp", "kr", "cn",
      "tw", "hk", "th", "vn", "ph", "in", "uk", "us", "ca", "de", "nl", "fr", "eu", "ch", "ru", "tl", "pg");

  private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";

  private static final Pattern URL = Pattern.compile(
      // Neither branch may start inside a word, an address or another URL.
      "(?<![\\p{L}\\p{M}\\p{N}@＠.\\-_/#＃$])"
          + "(?:"
          + "https?://[^\\s<>\"]+"
          + "|"
          + "(?:" + LABEL + "\\.)+(?:" + TLDS + ")(?![a-z0-9\\-_])(?::[0-9]{1,5})?(?:[/?#][^\\s<>\"]*)?"
          + ")",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern HASHTAG = Pattern.compile(
      "(?<![\\p{L}\\p{M}\\p{N}_&#＃@＠])[#＃]([\\p{L}\\p{M}\\p{N}_]+)");

  private static final Pattern MENTION = Pattern.compile(
      "(?<![\\p{L}\\p{M}\\p{N}_@＠.])[@＠]([\\p{L}\\p{M}\\p{N}_]+(?:\\.[\\p{L}\\p{M}\\p{N}_]+)*)");

  private CaptionTokens() {}

  /** A half-open range {@code [start, end)} of UTF-16 indices. */
  record Span(int start, int end) {}

  /**
   * The URLs in {@code text}, in order, as written.
   *
   * @param text the caption, not null
   * @return the URLs, without trailing punctuation
   */
  static ImmutableList<String> urls(String text) {
    checkNotNull(text, "text");
    return urlSpans(text).stream().map(s -> text.substring(s.start(), s.end()))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The hashtags in {@code text} outside URLs, in order, without the {@code #}; a tag used twice appears twice.
   *
   * @param text the caption, not null
   * @return the tags
   */
  static ImmutableList<String> hashtags(String text) {
    return tokens(HASHTAG, text);
  }

  /**
   * The @-mentions in {@code text} outside URLs, in order, without the {@code @}; a name mentioned twice appears
   * twice.
   *
   * @param text the caption, not null
   * @return the mentioned names
   */
  static ImmutableList<String> mentions(String text) {
    return tokens(MENTION, text);
  }

  private static ImmutableList<String> tokens(Pattern pattern, String text) {
    checkNotNull(text, "text");
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return ImmutableList.of();
    }
    // Only a caption with a candidate token needs its URLs (the costliest pattern here) to rule some out.
    ImmutableList<Span> urls = urlSpans(text);
    ImmutableList.Builder<String> out = ImmutableList.builder();
    do {
      int at = m.start();
      if (urls.stream().noneMatch(u -> at >= u.start() && at < u.end())) {
        out.add(m.group(1));
      }
    } while (m.find());
    return out.build();
  }

  /** The URLs of {@code text} as index ranges, in order, not overlapping. */
  static ImmutableList<Span> urlSpans(String text) {
    return mayContainUrl(text) ? urlSpansByPattern(text) : ImmutableList.of();
  }

  /** {@link #urlSpans} without the short cut for texts that cannot hold a URL (tests compare the two). */
  static ImmutableList<Span> urlSpansByPattern(String text) {
    ImmutableList.Builder<Span> out = ImmutableList.builder();
    Matcher m = URL.matcher(text);
    while (m.find()) {
      int end = trimEnd(text, m.start(), m.end());
      if (end > m.start()) {
        out.add(new Span(m.start(), end));
      }
    }
    return out.build();
  }

  // Every URL the pattern accepts has a scheme ("://") or a dot before its top-level domain, which starts with an
  // ASCII letter; a text with neither (most captions: sentences end in ". ") cannot hold one, so skip the pattern.
  static boolean mayContainUrl(String text) {
    if (text.contains("://")) {
      return true;
    }
    for (int i = text.indexOf('.'); i >= 0 && i + 1 < text.length(); i = text.indexOf('.', i + 1)) {
      char next = text.charAt(i + 1);
      if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z')) {
        return true;
      }
    }
    return false;
  }

  // Drops what ends a sentence rather than the URL: "lihat jdih.kpu.go.id." or "(lihat https://kpu.go.id)".
  private static int trimEnd(String text, int start, int end) {
    int e = end;
    while (e > start) {
      char c = text.charAt(e - 1);
      if (".,;:!?'\"".indexOf(c) >= 0) {
        e--;
      } else if (c == ')' && unbalanced(text, start, e, '(', ')')) {
        e--;
      } else if (c == ']' && unbalanced(text, start, e, '[', ']')) {
        e--;
      } else {
        break;
      }
    }
    return e;
  }

  private static boolean unbalanced(String text, int start, int end, char open, char close) {
    int depth = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == open) {
        depth++;
      } else if (c == close) {
        depth--;
      }
    }
    return depth < 0;
  }
}
