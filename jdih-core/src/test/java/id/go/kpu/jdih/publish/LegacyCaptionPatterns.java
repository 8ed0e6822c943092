package id.go.kpu.jdih.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regular expressions {@link CaptionTokens} used before its hand-written scanners, kept as the reference the
 * scanners are compared with on short texts (on long ones these patterns overflow the stack or take quadratic time).
 */
final class LegacyCaptionPatterns {

  private static final String TLDS = String.join("|",
      "online", "travel", "museum", "info", "gov", "edu", "mil", "int", "org", "net", "com", "biz", "app", "dev",
      "xyz", "news", "site", "id", "io", "co", "me", "ly", "tv", "my", "sg", "au", "nz", "jp", "kr", "cn",
      "tw", "hk", "th", "vn", "ph", "in", "uk", "us", "ca", "de", "nl", "fr", "eu", "ch", "ru", "tl", "pg");

  private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";

  static final Pattern URL = Pattern.compile(
      "(?<![\\p{L}\\p{M}\\p{N}@＠.\\-_/#＃$])"
          + "(?:"
          + "https?://[^\\s<>\"]+"
          + "|"
          + "(?:" + LABEL + "\\.)+(?:" + TLDS + ")(?![a-z0-9\\-_])(?::[0-9]{1,5})?(?:[/?#][^\\s<>\"]*)?"
          + ")",
      Pattern.CASE_INSENSITIVE);

  static final Pattern HASHTAG = Pattern.compile(
      "(?<![\\p{L}\\p{M}\\p{N}_&#＃@＠])[#＃]([\\p{L}\\p{M}\\p{N}_]+)");

  static final Pattern MENTION = Pattern.compile(
      "(?<![\\p{L}\\p{M}\\p{N}_@＠.])[@＠]([\\p{L}\\p{M}\\p{N}_]+(?:\\.[\\p{L}\\p{M}\\p{N}_]+)*)");

  private LegacyCaptionPatterns() {}

  /** The URL spans as the old code found them (pattern, then the same trimming). */
  static List<CaptionTokens.Span> urlSpans(String text) {
    List<CaptionTokens.Span> out = new ArrayList<>();
    Matcher m = URL.matcher(text);
    while (m.find()) {
      int end = trimEnd(text, m.start(), m.end());
      if (end > m.start()) {
        out.add(new CaptionTokens.Span(m.start(), end));
      }
    }
    return out;
  }

  static List<String> hashtags(String text) {
    return tokens(HASHTAG, text);
  }

  static List<String> mentions(String text) {
    return tokens(MENTION, text);
  }

  private static List<String> tokens(Pattern pattern, String text) {
    List<CaptionTokens.Span> urls = urlSpans(text);
    List<String> out = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      int at = m.start();
      if (urls.stream().noneMatch(u -> at >= u.start() && at < u.end())) {
        out.add(m.group(1));
      }
    }
    return out;
  }

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
