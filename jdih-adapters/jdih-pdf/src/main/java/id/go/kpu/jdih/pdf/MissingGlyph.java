package id.go.kpu.jdih.pdf;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * A character the embedded font has no glyph for (an emoji, a script other than Latin, Greek or Cyrillic, a symbol
 * such as {@code ✓}). Under {@link MissingGlyphPolicy#REPLACE} it is printed as its {@linkplain #replacement()
 * code point in brackets}, so a reader of the paper copy can still tell exactly which character the text held.
 *
 * <p>Immutable and thread-safe.
 *
 * @param codePoint the Unicode code point
 */
public record MissingGlyph(int codePoint) {

  /** Checks the code point. */
  public MissingGlyph {
    checkArgument(Character.isValidCodePoint(codePoint), "not a code point: %s", codePoint);
  }

  /** The code point in the Unicode notation, at least four upper-case hex digits: {@code U+2713}, {@code U+1F5F3}. */
  public String notation() {
    return String.format(Locale.ROOT, "U+%04X", codePoint);
  }

  /** What is printed instead of the character: {@code [U+2713]}; only ASCII, which the font always has. */
  public String replacement() {
    return "[" + notation() + "]";
  }

  /** The character's Unicode name ({@code CHECK MARK}), or the notation for an unassigned code point. */
  public String name() {
    String name = Character.getName(codePoint);
    return name == null ? notation() : name;
  }

  /** {@code U+2713 CHECK MARK}. */
  @Override
  public String toString() {
    String name = Character.getName(codePoint);
    return name == null ? notation() : notation() + " " + name;
  }
}
