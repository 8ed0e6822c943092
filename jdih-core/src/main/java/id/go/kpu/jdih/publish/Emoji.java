package id.go.kpu.jdih.publish;

/**
 * Recognises one emoji sequence at a position of a text, for X's rule that an emoji sequence weighs 2 in total.
 *
 * <p>Java 17 has no emoji properties ({@code Character.isExtendedPictographic} arrived in Java 21), so the
 * pictographic code points are a table below, transcribed by hand after the {@code Extended_Pictographic} property of
 * Unicode's {@code emoji-data.txt} (Unicode 13 to 15, whose ranges already reserve whole pictographic blocks, so emoji
 * added later in those blocks are recognised too). Check it against that file when a new Unicode version adds
 * pictographs outside those blocks.
 *
 * <p>A sequence is one or more elements joined by ZERO WIDTH JOINER (U+200D); an element is
 * <ul>
 *   <li>a flag: two regional indicators (a lone regional indicator is an element too);</li>
 *   <li>a keycap: {@code 0-9 # *}, an optional VARIATION SELECTOR-16 (U+FE0F), then COMBINING ENCLOSING KEYCAP
 *       (U+20E3);</li>
 *   <li>a pictograph or a skin-tone modifier, then optionally a skin-tone modifier (U+1F3FB–U+1F3FF), VS16, and a
 *       tag sequence (U+E0020–U+E007E ending in U+E007F, as in the flags of England or Scotland).</li>
 * </ul>
 * A bare pictograph in X's weight-1 ranges (© and ®) without VS16 or a modifier is left to the ordinary weighting,
 * since it is text by default; every other bare pictograph weighs 2 either way.
 */
final class Emoji {

  private static final int ZWJ = 0x200D;
  private static final int VS16 = 0xFE0F;
  private static final int KEYCAP = 0x20E3;

  // Extended_Pictographic, as inclusive [start, end] pairs in ascending order.
  private static final int[] PICTOGRAPHIC = {
      0x00A9, 0x00A9, 0x00AE, 0x00AE, 0x203C, 0x203C, 0x2049, 0x2049, 0x2122, 0x2122, 0x2139, 0x2139,
      0x2194, 0x2199, 0x21A9, 0x21AA, 0x231A, 0x231B, 0x2328, 0x2328, 0x2388, 0x2388, 0x23CF, 0x23CF,
      0x23E9, 0x23F3, 0x23F8, 0x23FA, 0x24C2, 0x24C2, 0x25AA, 0x25AB, 0x25B6, 0x25B6, 0x25C0, 0x25C0,
      0x25FB, 0x25FE, 0x2600, 0x2605, 0x2607, 0x2612, 0x2614, 0x2685, 0x2690, 0x2705, 0x2708, 0x2712,
      0x2714, 0x2714, 0x2716, 0x2716, 0x271D, 0x271D, 0x2721, 0x2721, 0x2728, 0x2728, 0x2733, 0x2734,
      0x2744, 0x2744, 0x2747, 0x2747, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757,
      0x2763, 0x2767, 0x2795, 0x2797, 0x27A1, 0x27A1, 0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2934, 0x2935,
      0x2B05, 0x2B07, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x3030, 0x3030, 0x303D, 0x303D,
      0x3297, 0x3297, 0x3299, 0x3299,
      0x1F000, 0x1F0FF, 0x1F10D, 0x1F10F, 0x1F12F, 0x1F12F, 0x1F16C, 0x1F171, 0x1F17E, 0x1F17F,
      0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F1AD, 0x1F1E5, 0x1F201, 0x1F20F, 0x1F21A, 0x1F21A,
      0x1F22F, 0x1F22F, 0x1F232, 0x1F23A, 0x1F23C, 0x1F23F, 0x1F249, 0x1F3FA, 0x1F400, 0x1F53D,
      0x1F546, 0x1F64F, 0x1F680, 0x1F6FF, 0x1F774, 0x1F77F, 0x1F7D5, 0x1F7FF, 0x1F80C, 0x1F80F,
      0x1F848, 0x1F84F, 0x1F85A, 0x1F85F, 0x1F888, 0x1F88F, 0x1F8AE, 0x1F8FF, 0x1F90C, 0x1F93A,
      0x1F93C, 0x1F945, 0x1F947, 0x1FAFF, 0x1FC00, 0x1FFFD,
  };

  private Emoji() {}

  /**
   * The end (exclusive UTF-16 index) of the emoji sequence starting at {@code start}, or -1 if none starts there.
   */
  static int sequenceEnd(String s, int start) {
    int end = element(s, start);
    if (end < 0) {
      return -1;
    }
    while (end < s.length() && s.codePointAt(end) == ZWJ) {
      int next = element(s, end + 1);
      if (next < 0) {
        break; // a trailing joiner is not part of the sequence
      }
      end = next;
    }
    return end;
  }

  private static int element(String s, int i) {
    int n = s.length();
    if (i >= n) {
      return -1;
    }
    int cp = s.codePointAt(i);
    int j = i + Character.charCount(cp);
    if (isRegionalIndicator(cp)) {
      return j < n && isRegionalIndicator(s.codePointAt(j)) ? j + 2 : j;
    }
    if (isKeycapBase(cp)) {
      int k = j < n && s.charAt(j) == VS16 ? j + 1 : j;
      return k < n && s.charAt(k) == KEYCAP ? k + 1 : -1;
    }
    if (!isPictographic(cp) && !isModifier(cp)) {
      return -1;
    }
    boolean decorated = false;
    if (j < n && isModifier(s.codePointAt(j))) {
      j += 2;
      decorated = true;
    }
    if (j < n && s.charAt(j) == VS16) {
      j++;
      decorated = true;
    }
    int t = j;
    while (t < n && isTag(s.codePointAt(t))) {
      t += 2;
    }
    if (t > j && t < n && s.codePointAt(t) == 0xE007F) {
      j = t + 2;
      decorated = true;
    }
    if (!decorated && XTextCounter.weight(cp) == 1) {
      return -1;
    }
    return j;
  }

  private static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }

  private static boolean isModifier(int cp) {
    return cp >= 0x1F3FB && cp <= 0x1F3FF;
  }

  private static boolean isTag(int cp) {
    return cp >= 0xE0020 && cp <= 0xE007E;
  }

  private static boolean isKeycapBase(int cp) {
    return (cp >= '0' && cp <= '9') || cp == '#' || cp == '*';
  }

  private static boolean isPictographic(int cp) {
    for (int k = 0; k < PICTOGRAPHIC.length; k += 2) {
      if (cp < PICTOGRAPHIC[k]) {
        return false;
      }
      if (cp <= PICTOGRAPHIC[k + 1]) {
        return true;
      }
    }
    return false;
  }
}
