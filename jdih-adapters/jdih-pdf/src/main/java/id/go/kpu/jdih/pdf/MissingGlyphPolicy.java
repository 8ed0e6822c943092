package id.go.kpu.jdih.pdf;

/** What a {@link PdfDocument} does with a character its embedded font has no glyph for. */
public enum MissingGlyphPolicy {

  /**
   * Print the character as its code point in brackets ({@code ✓} as {@code [U+2713]}, see {@link
   * MissingGlyph#replacement()}), list it in {@link PdfDocument#missingGlyphs()} and in the saved PDF's document
   * information under {@value PdfDocument#MISSING_GLYPHS_KEY}. For documents that must be printed whatever their
   * texts hold, such as a case's hardcopy whose caption has an emoji.
   */
  REPLACE,

  /**
   * Refuse the text with a {@link MissingGlyphException} naming every such character, before anything of it is
   * drawn. For callers that would rather fix the text than print a code point.
   */
  FAIL
}
