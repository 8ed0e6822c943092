package id.go.kpu.jdih.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The hardcopy's font: Liberation Sans Regular, the TrueType font PDFBox itself ships (SIL Open Font License) as its
 * rendering fallback, embedded as a subset. It comes from the project's own dependency, never from a system path,
 * so every build prints the same glyphs. It covers Latin (all of Indonesian), Greek, Cyrillic and the usual
 * punctuation ("–", "…", "“”", "×"); a character it has no glyph for (an emoji in a caption, say) is first
 * decomposed ("ﬁ" becomes "fi") and otherwise replaced by {@value #REPLACEMENT_TEXT}, so printing never fails on
 * text. Bold is drawn by stroking the outline as well as filling it, since only the regular face is available.
 *
 * <p>Not thread-safe: one per document.
 */
final class PdfFont {

  /** Where PDFBox keeps the font; a test fails if a PDFBox upgrade moves it. */
  static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  static final String REPLACEMENT_TEXT = "?";

  private static final byte[] TTF = load();

  final PDType0Font font;
  private final CmapLookup cmap;

  PdfFont(PDDocument document) throws IOException {
    // Parsed per document: the embedded subset is built from this instance when the document is saved.
    TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(TTF));
    this.cmap = ttf.getUnicodeCmapLookup();
    this.font = PDType0Font.load(document, ttf, true);
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

  /** True if the font draws {@code codePoint}. */
  boolean covers(int codePoint) {
    return cmap.getGlyphId(codePoint) != 0;
  }

  /**
   * {@code s} made printable: NFC, line ends as {@code \n}, tabs as a space, other control characters dropped,
   * characters without a glyph decomposed or replaced.
   */
  String clean(String s) {
    String nfc = Normalizer.normalize(s.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(nfc.length());
    nfc.codePoints().forEach(cp -> {
      if (cp == '\n') {
        out.append('\n');
      } else if (cp == '\t') {
        out.append(' ');
      } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
          || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
        // dropped: zero-width joiners and variation selectors of emoji sequences, stray control characters
      } else if (covers(cp)) {
        out.appendCodePoint(cp);
      } else {
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        if (!decomposed.isEmpty() && decomposed.codePoints().allMatch(this::covers)) {
          out.append(decomposed);
        } else {
          out.append(REPLACEMENT_TEXT);
        }
      }
    });
    return out.toString();
  }

  /** The width of already {@linkplain #clean cleaned} text in points. */
  float width(String cleaned, float size) {
    try {
      return font.getStringWidth(cleaned) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code text} broken into lines no wider than {@code width}: at spaces and explicit line ends; a word too wide
   * for a line of its own (a long role name, a URL, a hash) after a {@code /} or {@code -} where it has one, and
   * between any two characters where it has not.
   */
  List<String> wrap(String text, float width, float size) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : clean(text).split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.trim().split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (width(candidate, size) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (width(word, size) <= width) {
          line.append(word);
          continue;
        }
        for (String part : word.split("(?<=[/-])")) {
          if (width(line + part, size) <= width) {
            line.append(part);
            continue;
          }
          if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
          }
          String rest = part;
          while (width(rest, size) > width) {
            int cut = fit(rest, width, size);
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut);
          }
          line.append(rest);
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }

  // The longest prefix (at least one code point) of s that fits in width.
  private int fit(String s, float width, float size) {
    int end = s.offsetByCodePoints(0, 1);
    while (end < s.length()) {
      int next = s.offsetByCodePoints(end, 1);
      if (width(s.substring(0, next), size) > width) {
        break;
      }
      end = next;
    }
    return end;
  }
}
