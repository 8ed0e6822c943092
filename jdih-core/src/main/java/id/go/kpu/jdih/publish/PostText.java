package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * How a post read back from a platform is recognised as an intent's post: by its text. Both texts are normalised
 * the same way before they are compared for equality:
 *
 * <ol>
 *   <li>Unicode NFC (X counts and stores text after NFC);</li>
 *   <li>every {@code http(s)://} address becomes one placeholder, because X rewrites links to {@code t.co} and
 *       appends a {@code t.co} link for attached media;</li>
 *   <li>placeholders at the very end are dropped (the appended media link);</li>
 *   <li>runs of white space become one space, and the ends are trimmed.</li>
 * </ol>
 *
 * <p>Matching by text is exact after that: no marker is added to what people read. The window of the look-up
 * (posts created since the first send, less a clock-skew allowance) keeps an older post with the same text from
 * matching; two different cases posting the very same text to the same account within that window cannot be told
 * apart, which {@code RECENT_POSTS} reconciliation documents as its limit.
 */
public final class PostText {

  private static final Pattern URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final String LINK = "\uFFFClink\uFFFC"; // not white space, so trim() keeps it

  private PostText() {}

  /**
   * The normalised form of {@code text}.
   *
   * @param text a caption or post text
   * @return its normalised form
   */
  public static String normalize(String text) {
    checkNotNull(text, "text");
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    s = URL.matcher(s).replaceAll(LINK);
    s = SPACE.matcher(s).replaceAll(" ").trim();
    while (s.endsWith(LINK)) {
      s = s.substring(0, s.length() - LINK.length()).trim();
    }
    return s;
  }

  /**
   * True if {@code found} (read back from the platform) is the text that was sent as {@code sent}.
   *
   * @param sent the intent's text
   * @param found a post's text
   * @return whether they are the same content
   */
  public static boolean sameContent(String sent, String found) {
    return normalize(sent).equals(normalize(found));
  }
}
