package id.go.kpu.jdih.pdf;

/**
 * How text is drawn. The document has one font (see {@link PdfFont}), so bold and italic are drawn from the
 * regular glyphs; every style has the same advance widths.
 */
public enum TextStyle {

  /** The glyphs filled. */
  REGULAR,

  /**
   * The glyphs filled and their outlines stroked, {@value PdfCanvas#BOLD_STROKE} of the font size wide (text
   * rendering mode 2, "fill, then stroke", ISO 32000-1 section 9.3.6), which thickens the strokes like a bold face.
   */
  BOLD,

  /** The glyphs filled and slanted to the right by the text matrix, like an oblique face. */
  ITALIC
}
