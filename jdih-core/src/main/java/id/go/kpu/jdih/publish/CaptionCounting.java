package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

/** How a platform counts the length of a caption or post text. */
public enum CaptionCounting {

  /**
   * Unicode code points of the text as given, not normalised. Used for Instagram, Facebook and Threads, whose
   * documentation says "characters" without defining them; code points are the library's reading. The text is not
   * normalised because the platform receives it as sent, and a decomposed letter really is two code points there.
   */
  CODE_POINTS,

  /**
   * UTF-16 code units ({@link String#length()}). Telegram's Bot API measures text and captions in UTF-16 code units
   * after entity parsing; the library sends plain text without markup, so the text is what is measured. An emoji
   * outside the Basic Multilingual Plane counts 2 here.
   */
  UTF16_UNITS,

  /** X's weighted length per twitter-text (config v3); see {@link XTextCounter}. */
  X_WEIGHTED;

  /**
   * The length of {@code text} under this rule.
   *
   * @param text the text, not null
   * @return its length, 0 for an empty text
   */
  public int count(String text) {
    checkNotNull(text, "text");
    return switch (this) {
      case CODE_POINTS -> text.codePointCount(0, text.length());
      case UTF16_UNITS -> text.length();
      case X_WEIGHTED -> XTextCounter.weightedLength(text);
    };
  }
}
