package id.go.kpu.jdih.pdf;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A text refused under {@link MissingGlyphPolicy#FAIL} because the embedded font has no glyph for some of its
 * characters. Nothing of the text was drawn. The message is in Indonesian and English, {@code "id / en"}, like
 * every jdih message (this module does not depend on jdih-core, so it spells the two out itself).
 *
 * <p>Immutable and thread-safe.
 */
public final class MissingGlyphException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int EXCERPT = 60;

  // ImmutableList and String are serializable, so the exception stays so.
  private final ImmutableList<MissingGlyph> missing;
  private final String text;

  /**
   * A refusal.
   *
   * @param missing the characters without a glyph, each once, in the order they occur in {@code text}
   * @param text the refused text
   */
  public MissingGlyphException(List<MissingGlyph> missing, String text) {
    super(message(missing, text));
    this.missing = ImmutableList.copyOf(missing);
    this.text = text;
  }

  private static String message(List<MissingGlyph> missing, String text) {
    checkNotNull(missing, "missing");
    checkNotNull(text, "text");
    checkArgument(!missing.isEmpty(), "missing is empty");
    String list = missing.stream().map(MissingGlyph::toString).collect(Collectors.joining(", "));
    String excerpt = text.codePointCount(0, text.length()) <= EXCERPT ? text
        : text.substring(0, text.offsetByCodePoints(0, EXCERPT)) + "…";
    return "fon " + PdfFont.NAME + " tidak memiliki glyph untuk " + list + " dalam teks \"" + excerpt
        + "\"; teks tidak dicetak / the font " + PdfFont.NAME + " has no glyph for " + list + " in the text \""
        + excerpt + "\"; the text is not printed";
  }

  /** The characters without a glyph, each once, in the order they occur in the text. */
  public ImmutableList<MissingGlyph> missing() {
    return missing;
  }

  /** The refused text, whole. */
  public String text() {
    return text;
  }
}
