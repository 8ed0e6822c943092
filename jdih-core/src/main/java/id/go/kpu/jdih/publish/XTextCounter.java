package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.text.Normalizer;

/**
 * X's weighted text length, as twitter-text computes it with its version 3 configuration.
 *
 * <p>Relied on: {@code config/v3.json} of github.com/twitter/twitter-text ({@code "maxWeightedTweetLength": 280,
 * "scale": 100, "defaultWeight": 200, "emojiParsingEnabled": true, "transformedURLLength": 23}, ranges with weight
 * 100: 0–4351, 8192–8205, 8208–8223, 8242–8247) and the weighting loop of its Java {@code TwitterTextParser}
 * (NFC first; a URL weighs {@code transformedURLLength}; an emoji sequence weighs {@code defaultWeight} once; any
 * other code point weighs its range's weight or the default). Weights here are divided by the scale, so:
 * <ul>
 *   <li>the text is normalised to NFC first, so a decomposed {@code é} counts like a composed one;</li>
 *   <li>each URL counts {@value #URL_WEIGHT} whatever its length (see {@link CaptionTokens} for which URLs are
 *       recognised);</li>
 *   <li>each emoji sequence (skin tones, ZWJ sequences, VS16, keycaps, flags) counts 2 in total;</li>
 *   <li>a code point in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F or U+2032–U+2037 counts 1 (Latin, so
 *       Indonesian text, counts 1 a letter), every other code point 2 (CJK, Hangul, ellipsis …).</li>
 * </ul>
 * Unlike twitter-text, a text of white space only is counted like any other text (twitter-text reports 0).
 */
public final class XTextCounter {

  /** The maximum weighted length of a post on X. */
  public static final int MAX_WEIGHTED_LENGTH = 280;

  /** The weight of any URL ({@code transformedURLLength}). */
  public static final int URL_WEIGHT = 23;

  /** The weight of an emoji sequence and of a code point outside the light ranges ({@code defaultWeight}/scale). */
  public static final int HEAVY_WEIGHT = 2;

  // twitter-text v3 "ranges" with weight 100 (1 after scaling), inclusive.
  private static final int[] LIGHT_RANGES = {0x0000, 0x10FF, 0x2000, 0x200D, 0x2010, 0x201F, 0x2032, 0x2037};

  private XTextCounter() {}

  /**
   * The weighted length of {@code text} on X.
   *
   * @param text the post text, not null
   * @return the weighted length; a post is accepted when it is at most {@link #MAX_WEIGHTED_LENGTH}
   */
  public static int weightedLength(String text) {
    checkNotNull(text, "text");
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    ImmutableList<CaptionTokens.Span> urls = CaptionTokens.urlSpans(s);
    int nextUrl = 0;
    int length = 0;
    int i = 0;
    while (i < s.length()) {
      while (nextUrl < urls.size() && urls.get(nextUrl).start() < i) {
        nextUrl++; // a URL starting inside an emoji sequence (not expected) is counted as plain text
      }
      if (nextUrl < urls.size() && urls.get(nextUrl).start() == i) {
        length += URL_WEIGHT;
        i = urls.get(nextUrl).end();
        nextUrl++;
        continue;
      }
      int emojiEnd = Emoji.sequenceEnd(s, i);
      if (emojiEnd > i) {
        length += HEAVY_WEIGHT;
        i = emojiEnd;
        continue;
      }
      int cp = s.codePointAt(i);
      length += weight(cp);
      i += Character.charCount(cp);
    }
    return length;
  }

  /** The weight of one code point outside URLs and emoji sequences: 1 in the light ranges, else 2. */
  static int weight(int codePoint) {
    for (int k = 0; k < LIGHT_RANGES.length; k += 2) {
      if (codePoint >= LIGHT_RANGES[k] && codePoint <= LIGHT_RANGES[k + 1]) {
        return 1;
      }
    }
    return HEAVY_WEIGHT;
  }
}
