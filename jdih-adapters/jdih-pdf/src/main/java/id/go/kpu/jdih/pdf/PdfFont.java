package id.go.kpu.jdih.pdf;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one font of a {@link PdfDocument}: Liberation Sans Regular, the TrueType font PDFBox ships inside its own jar
 * (as the fallback of its renderer; SIL Open Font License 1.1, see the "Liberation Fonts" section of PDFBox's
 * {@code META-INF/LICENSE}), embedded as a subset. It comes from the project's own dependency, never from a system
 * path, so every build prints the same glyphs on every machine. It covers Latin (all of Indonesian, with "ā", "é",
 * "ö"), Greek, Cyrillic and the usual punctuation: typographic quotes, en and em dashes, "…", "•", "×", "€", the
 * no-break spaces. Its advance widths are those of Arial and Helvetica, so text measures as it did in the standard
 * Helvetica.
 *
 * <p>Every text given to the font, to draw or to measure, is first made {@linkplain #printable printable}:
 *
 * <ul>
 *   <li>normalised to NFC, so "e" followed by a combining acute prints as one "é";
 *   <li>{@code \r\n}, {@code \r}, U+2028 and U+2029 become {@code \n}; every other breaking white space
 *       character (tab, em space, ...) becomes a space, where a line may break (a run of them wraps as one); the
 *       no-break spaces U+00A0, U+2007 and U+202F are kept as they are and never break;
 *   <li>characters that are invisible by definition are removed: control characters, format characters (Unicode
 *       category Cf: zero-width joiners and spaces, soft hyphens, bidi marks) and variation selectors. They are the
 *       only characters removed, and nothing a reader would see is lost with them;
 *   <li>a character the font has no glyph for is replaced by its compatibility decomposition when the font has
 *       every glyph of that (fullwidth "ＫＰＵ" becomes "KPU", "㎏" becomes "kg"); otherwise the document's {@link
 *       MissingGlyphPolicy} applies: {@code REPLACE} prints {@code [U+2713]} for "✓" and reports it, {@code FAIL}
 *       throws {@link MissingGlyphException}. Nothing is ever printed as {@code ?} or silently left out.
 * </ul>
 *
 * <p>There is no bold or italic face: PDFBox bundles none, and a second font file would be a new third-party
 * artefact. {@link TextStyle#BOLD} strokes the glyph outlines as well as filling them, {@link TextStyle#ITALIC}
 * slants them; both keep the regular advance widths, so {@link #width} is the same for every style.
 *
 * <p>Not thread-safe: it belongs to one document, whose missing-glyph report it writes to.
 */
public final class PdfFont {

  /** The font's family name, as printed in messages. */
  public static final String NAME = "Liberation Sans";

  /** Where PDFBox keeps the font file; a test fails if a PDFBox upgrade moves it. */
  public static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  /** Line spacing of {@link PdfCanvas#block} as a multiple of the font size. */
  public static final float LEADING = 1.22f;

  /** The distance from the top of a line to its baseline as a multiple of the font size (about the ascent). */
  public static final float ASCENT = 0.92f;

  private static final byte[] TTF = load();

  private final PDType0Font font;
  private final CmapLookup cmap;
  private final MissingGlyphPolicy policy;
  private final Set<MissingGlyph> missing;
  private final Map<Integer, Float> advances = new HashMap<>();

  PdfFont(PDDocument document, MissingGlyphPolicy policy, Set<MissingGlyph> missing) throws IOException {
    // Parsed once per document: PDType0Font.load(document, ttf, embedSubset = true) builds the subset from this
    // TrueTypeFont when the document is saved and closes it then, so it cannot serve a second document
    // (PDFBOX-3272, PDFBOX-3604).
    TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(TTF));
    this.cmap = ttf.getUnicodeCmapLookup();
    this.font = PDType0Font.load(document, ttf, true);
    this.policy = policy;
    this.missing = missing;
  }

  private static byte[] load() {
    try (InputStream in = PDType0Font.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("font resource " + RESOURCE + " is missing from PDFBox");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The PDFBox font, for the canvas. */
  PDType0Font pdFont() {
    return font;
  }

  /** True if the font has a glyph for {@code codePoint}. */
  public boolean covers(int codePoint) {
    // CmapLookup.getGlyphId returns 0, the .notdef glyph, for a code point the font does not map.
    return cmap.getGlyphId(codePoint) != 0;
  }

  /**
   * {@code text} as it is printed: see the {@linkplain PdfFont class documentation}. Every character without a
   * glyph is added to the document's {@linkplain PdfDocument#missingGlyphs() report}, even if the text is only
   * measured.
   *
   * @throws MissingGlyphException under {@link MissingGlyphPolicy#FAIL}, if some character has no glyph
   */
  public String printable(String text) {
    checkNotNull(text, "text");
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(nfc.length());
    List<MissingGlyph> lacking = new ArrayList<>();
    for (int i = 0; i < nfc.length(); ) {
      int cp = nfc.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\r') {
        if (i < nfc.length() && nfc.charAt(i) == '\n') {
          i++;
        }
        out.append('\n');
      } else if (cp == '\n' || cp == '\u2028' || cp == '\u2029') {
        out.append('\n');
      } else if (Character.isWhitespace(cp)) {
        // Character.isWhitespace excludes the no-break spaces, which fall through and are kept.
        out.append(' ');
      } else if (invisible(cp)) {
        // dropped
      } else if (covers(cp)) {
        out.appendCodePoint(cp);
      } else {
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        if (!decomposed.isEmpty() && decomposed.codePoints().allMatch(c -> covers(c) && !invisible(c))) {
          out.append(decomposed);
        } else {
          MissingGlyph m = new MissingGlyph(cp);
          if (!lacking.contains(m)) {
            lacking.add(m);
          }
          out.append(m.replacement());
        }
      }
    }
    if (!lacking.isEmpty()) {
      if (policy == MissingGlyphPolicy.FAIL) {
        throw new MissingGlyphException(lacking, text);
      }
      missing.addAll(lacking);
    }
    return out.toString();
  }

  private static boolean invisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT
        || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  /**
   * The width of {@code text} in points at {@code size}, the same in every {@link TextStyle}; line ends count as
   * spaces.
   *
   * @throws MissingGlyphException as {@link #printable}
   */
  public float width(String text, float size) {
    return advance(printable(text).replace('\n', ' '), size);
  }

  // The width of printable text without line ends; per code point, as PDFont.getStringWidth sums them (in 1/1000
  // of the font size, no kerning), cached because wrapping measures the same characters over and over.
  private float advance(String printable, float size) {
    float sum = 0;
    for (int i = 0; i < printable.length(); ) {
      int cp = printable.codePointAt(i);
      i += Character.charCount(cp);
      sum += advances.computeIfAbsent(cp, this::glyphWidth);
    }
    return sum / 1000f * size;
  }

  private float glyphWidth(int cp) {
    try {
      return font.getStringWidth(new String(Character.toChars(cp)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The line spacing of {@link PdfCanvas#block} at {@code size}: {@value #LEADING} times the size. */
  public static float leading(float size) {
    return size * LEADING;
  }

  /**
   * {@code text} made {@linkplain #printable printable} and broken into lines no wider than {@code width} points at
   * {@code size}: at explicit line ends and at breaking spaces (runs of which become one, and which are dropped at
   * the ends of a line); a word too wide for a line of its own (a long role name, a URL, a hash) after a {@code /}
   * or {@code -} where it has one, and between any two characters where it has not. Never empty: an empty text is
   * one empty line. The lines are printable already.
   *
   * @throws MissingGlyphException as {@link #printable}
   */
  // String.split drops trailing empty strings; harmless here, where empty words and parts are skipped anyway.
  @SuppressWarnings("StringSplitter")
  public List<String> wrap(String text, float size, float width) {
    checkArgument(size > 0, "size must be positive but was %s", size);
    checkArgument(width > 0, "width must be positive but was %s", width);
    List<String> lines = new ArrayList<>();
    for (String paragraph : printable(text).split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.trim().split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (advance(candidate, size) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (advance(word, size) <= width) {
          line.append(word);
          continue;
        }
        for (String part : word.split("(?<=[/-])")) {
          if (advance(line + part, size) <= width) {
            line.append(part);
            continue;
          }
          if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
          }
          // Too wide for a line of its own: cut between characters, each line as full as fits. One pass summing
          // the advances (a 1 MB word with no space used to be measured again from its start for every line).
          int start = 0;
          float units = 0;
          for (int i = 0; i < part.length(); ) {
            int cp = part.codePointAt(i);
            float glyph = advances.computeIfAbsent(cp, this::glyphWidth);
            if (i > start && (units + glyph) / 1000f * size > width) {
              lines.add(part.substring(start, i));
              start = i;
              units = 0;
            }
            units += glyph;
            i += Character.charCount(cp);
          }
          line.append(part, start, part.length());
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * The height {@code text} takes when {@linkplain PdfCanvas#block drawn as a block}: its {@linkplain #wrap lines}
   * times the {@linkplain #leading leading}.
   *
   * @throws MissingGlyphException as {@link #printable}
   */
  public float blockHeight(String text, float size, float width) {
    return wrap(text, size, width).size() * leading(size);
  }
}
