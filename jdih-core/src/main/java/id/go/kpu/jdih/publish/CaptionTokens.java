package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Locale;

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
 *
 * <p><b>Scanning.</b> Hand-written scanners, not regular expressions: each runs in time linear in the text and in
 * constant stack depth, whatever the text (a regular expression with a repeated group recurses once per
 * repetition, and a caption is user input). They find exactly what the regular expressions of earlier versions
 * found (the tests compare the two). Only the first {@value #MAX_SCANNED_CHARS} UTF-16 units of a text are
 * scanned: more than the longest caption any platform accepts (Facebook's 63,206 code points), so a text longer
 * than that is over every length limit whatever its tokens.
 */
final class CaptionTokens {

  /**
   * How many UTF-16 units of a text are scanned for tokens (128 Ki): more than any platform's caption limit even
   * in supplementary characters; tokens after it are not looked for.
   */
  static final int MAX_SCANNED_CHARS = 128 * 1024;

  // A fixed list rather than IANA's ~1,500 names: the ones an Indonesian government office links to in practice.
  private static final ImmutableSet<String> TLDS = ImmutableSet.of(
      "online", "travel", "museum", "info", "gov", "edu", "mil", "int", "org", "net", "com", "biz", "app", "dev",
      "xyz", "news", "site", "id", "io", "co", "me", "ly", "tv", "my", "sg", "au", "nz", "jp", "kr", "cn",
      "tw", "hk", "th", "vn", "ph", "in", "uk", "us", "ca", "de", "nl", "fr", "eu", "ch", "ru", "tl", "pg");
  private static final int LONGEST_TLD = 6;
  private static final int MAX_LABEL = 63;

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
    checkNotNull(text, "text");
    return outsideUrls(text, hashtagSpans(scanned(text)));
  }

  /**
   * The @-mentions in {@code text} outside URLs, in order, without the {@code @}; a name mentioned twice appears
   * twice.
   *
   * @param text the caption, not null
   * @return the mentioned names
   */
  static ImmutableList<String> mentions(String text) {
    checkNotNull(text, "text");
    return outsideUrls(text, mentionSpans(scanned(text)));
  }

  /** The part of {@code text} that is scanned: all of it up to {@link #MAX_SCANNED_CHARS}. */
  private static String scanned(String text) {
    return text.length() <= MAX_SCANNED_CHARS ? text : text.substring(0, MAX_SCANNED_CHARS);
  }

  // The tokens (spans of the name, after the sign) whose sign is not inside a URL; both lists are in order, so one
  // pass over each suffices.
  private static ImmutableList<String> outsideUrls(String text, ImmutableList<Span> tokens) {
    if (tokens.isEmpty()) {
      return ImmutableList.of();
    }
    // Only a caption with a candidate token needs its URLs to rule some out.
    ImmutableList<Span> urls = urlSpans(text);
    ImmutableList.Builder<String> out = ImmutableList.builder();
    int u = 0;
    for (Span t : tokens) {
      int at = t.start() - 1; // the sign
      while (u < urls.size() && urls.get(u).end() <= at) {
        u++;
      }
      if (u == urls.size() || at < urls.get(u).start()) {
        out.add(text.substring(t.start(), t.end()));
      }
    }
    return out.build();
  }

  // "#" or "＃", not after a word character, "&", "#", "＃", "@" or "＠", then one or more word characters.
  private static ImmutableList<Span> hashtagSpans(String s) {
    ImmutableList.Builder<Span> out = ImmutableList.builder();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if ((c == '#' || c == '＃') && (i == 0 || !blocksHashtag(s.charAt(i - 1)))) {
        int end = wordEnd(s, i + 1);
        if (end > i + 1) {
          out.add(new Span(i + 1, end));
          i = end;
          continue;
        }
      }
      i++;
    }
    return out.build();
  }

  // "@" or "＠", not after a word character, "@", "＠" or ".", then words joined by single dots.
  private static ImmutableList<Span> mentionSpans(String s) {
    ImmutableList.Builder<Span> out = ImmutableList.builder();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if ((c == '@' || c == '＠') && (i == 0 || !blocksMention(s.charAt(i - 1)))) {
        int end = wordEnd(s, i + 1);
        if (end > i + 1) {
          while (end < n && s.charAt(end) == '.') {
            int next = wordEnd(s, end + 1);
            if (next == end + 1) {
              break; // a dot not followed by a word ends the name before it
            }
            end = next;
          }
          out.add(new Span(i + 1, end));
          i = end;
          continue;
        }
      }
      i++;
    }
    return out.build();
  }

  // The end of the run of word code points (letters, marks, digits, "_") starting at i.
  private static int wordEnd(String s, int i) {
    int j = i;
    int n = s.length();
    while (j < n) {
      int cp = s.codePointAt(j);
      if (!isWord(cp)) {
        break;
      }
      j += Character.charCount(cp);
    }
    return j;
  }

  private static boolean isWord(int cp) {
    return cp == '_' || isLetterMarkOrNumber(cp);
  }

  // Unicode general categories L, M and N (what \p{L}, \p{M} and \p{N} of java.util.regex match).
  private static boolean isLetterMarkOrNumber(int cp) {
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
          Character.OTHER_NUMBER -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  // The character before a sign is looked at as one UTF-16 unit (a surrogate is neither letter nor digit), as the
  // look-behinds of the former patterns did.
  private static boolean blocksHashtag(char before) {
    return isWord(before) || before == '&' || before == '#' || before == '＃' || before == '@' || before == '＠';
  }

  private static boolean blocksMention(char before) {
    return isWord(before) || before == '@' || before == '＠' || before == '.';
  }

  private static boolean blocksUrl(char before) {
    return isLetterMarkOrNumber(before) || before == '@' || before == '＠' || before == '.' || before == '-'
        || before == '_' || before == '/' || before == '#' || before == '＃' || before == '$';
  }

  /** The URLs of {@code text} as index ranges, in order, not overlapping. */
  static ImmutableList<Span> urlSpans(String text) {
    String s = scanned(text);
    return mayContainUrl(s) ? urlSpansFullScan(s) : ImmutableList.of();
  }

  /** {@link #urlSpans} without the short cut for texts that cannot hold a URL (tests compare the two). */
  static ImmutableList<Span> urlSpansFullScan(String text) {
    String s = scanned(text);
    ImmutableList.Builder<Span> out = ImmutableList.builder();
    int n = s.length();
    int i = 0;
    while (i < n) {
      int end = i > 0 && blocksUrl(s.charAt(i - 1)) ? -1 : urlEnd(s, i);
      if (end < 0) {
        i++;
        continue;
      }
      int trimmed = trimEnd(s, i, end);
      if (trimmed > i) {
        out.add(new Span(i, trimmed));
      }
      i = end; // the next URL is looked for after the whole match, trimmed or not
    }
    return out.build();
  }

  // The end of the URL starting at i (before trimming), or -1: "http(s)://" and at least one character up to white
  // space, "<", ">" or '"'; else a bare domain.
  private static int urlEnd(String s, int i) {
    int afterScheme = schemeEnd(s, i);
    if (afterScheme >= 0 && afterScheme < s.length() && !endsUrl(s.charAt(afterScheme))) {
      return restEnd(s, afterScheme);
    }
    return bareDomainEnd(s, i);
  }

  // The index after "http://" or "https://" (ASCII, any case) at i, or -1.
  private static int schemeEnd(String s, int i) {
    int n = s.length();
    if (i + 7 > n || !regionMatchesAscii(s, i, "http")) {
      return -1;
    }
    int j = i + 4;
    if (j < n && (s.charAt(j) == 's' || s.charAt(j) == 'S')) {
      j++;
    }
    return j + 3 <= n && s.startsWith("://", j) ? j + 3 : -1;
  }

  private static boolean regionMatchesAscii(String s, int i, String lower) {
    for (int k = 0; k < lower.length(); k++) {
      char c = s.charAt(i + k);
      if (c != lower.charAt(k) && c != Character.toUpperCase(lower.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  // What ends a URL: ASCII white space (\s of java.util.regex), "<", ">", '"'.
  private static boolean endsUrl(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '<' || c == '>'
        || c == '"';
  }

  private static int restEnd(String s, int i) {
    int j = i;
    while (j < s.length() && !endsUrl(s.charAt(j))) {
      j++;
    }
    return j;
  }

  /**
   * A bare domain at {@code i}: one or more labels each followed by a dot (a label is 1 to 63 ASCII letters, digits
   * and hyphens, starting and ending with a letter or digit), then a known top-level domain not followed by a
   * letter, digit, "-" or "_", an optional port ({@code :} and 1 to 5 digits) and an optional path, query or
   * fragment. With several labels, the last one that is followed by a top-level domain wins (as a greedy pattern
   * backing off would find it).
   */
  private static int bareDomainEnd(String s, int i) {
    int n = s.length();
    int p = i;
    int lastTld = -1; // the end of the top-level domain of the longest domain found so far
    while (true) {
      int labelEnd = runEnd(s, p, false);
      int length = labelEnd - p;
      if (length < 1 || length > MAX_LABEL || labelEnd >= n || s.charAt(labelEnd) != '.'
          || s.charAt(p) == '-' || s.charAt(labelEnd - 1) == '-') {
        break;
      }
      int tldStart = labelEnd + 1;
      int tldEnd = runEnd(s, tldStart, true);
      if (isTld(s, tldStart, tldEnd)) {
        lastTld = tldEnd;
      }
      p = tldStart;
    }
    if (lastTld < 0) {
      return -1;
    }
    int e = lastTld;
    if (e + 1 < n && s.charAt(e) == ':' && isAsciiDigit(s.charAt(e + 1))) {
      int digits = e + 1;
      while (digits < n && digits - (e + 1) < 5 && isAsciiDigit(s.charAt(digits))) {
        digits++;
      }
      e = digits;
    }
    if (e < n && (s.charAt(e) == '/' || s.charAt(e) == '?' || s.charAt(e) == '#')) {
      e = restEnd(s, e + 1);
    }
    return e;
  }

  // The end of the run of ASCII letters, digits and "-" (and "_" if asked) from i.
  private static int runEnd(String s, int i, boolean underscore) {
    int j = i;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (isAsciiLetterOrDigit(c) || c == '-' || (underscore && c == '_')) {
        j++;
      } else {
        break;
      }
    }
    return j;
  }

  private static boolean isTld(String s, int start, int end) {
    int length = end - start;
    return length >= 2 && length <= LONGEST_TLD && TLDS.contains(s.substring(start, end).toLowerCase(Locale.ROOT));
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isAsciiDigit(c);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // Every URL has a scheme ("://") or a dot before its top-level domain, which starts with an ASCII letter; a text
  // with neither (most captions: sentences end in ". ") cannot hold one, so skip the scan.
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

  // Drops what ends a sentence rather than the URL: "lihat jdih.kpu.go.id." or "(lihat https://kpu.go.id)". A
  // closing bracket is dropped while the URL up to it closes more brackets of its kind than it opens; the counts are
  // taken once and updated as characters are dropped, so trimming is linear.
  private static int trimEnd(String text, int start, int end) {
    int round = 0;
    int square = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '(') {
        round++;
      } else if (c == ')') {
        round--;
      } else if (c == '[') {
        square++;
      } else if (c == ']') {
        square--;
      }
    }
    int e = end;
    while (e > start) {
      char c = text.charAt(e - 1);
      if (".,;:!?'\"".indexOf(c) >= 0) {
        e--;
      } else if (c == ')' && round < 0) {
        round++;
        e--;
      } else if (c == ']' && square < 0) {
        square++;
        e--;
      } else {
        break;
      }
    }
    return e;
  }
}
