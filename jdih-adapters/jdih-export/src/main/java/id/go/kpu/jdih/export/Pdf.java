package id.go.kpu.jdih.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;

/**
 * A thin drawing layer over PDFBox with a top-left origin, in points, with the standard Helvetica fonts (no font
 * files needed). Text is wrapped by the fonts' metrics; a character the fonts cannot encode (outside Windows-1252)
 * is printed as {@code ?}. Not thread-safe; one instance builds one document.
 */
final class Pdf implements AutoCloseable {

  /** A4 landscape. */
  static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
  /** A4 portrait. */
  static final PDRectangle A4_PORTRAIT = PDRectangle.A4;

  /** Horizontal alignment. */
  enum Align { LEFT, CENTER, RIGHT }

  final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  final PDFont italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);

  private final PDDocument doc = new PDDocument();
  private final Map<Integer, Boolean> printable = new HashMap<>();
  private PDPageContentStream cs;
  private float height;

  Pdf(String title) {
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(safe(title));
    info.setCreator("jdih-export");
    info.setProducer("jdih-export (Apache PDFBox)");
  }

  /** Starts a page of {@code size}; everything drawn on it is scaled by {@code scale} (1 for none). */
  void newPage(PDRectangle size, float scale) {
    closeStream();
    PDPage page = new PDPage(size);
    doc.addPage(page);
    try {
      cs = new PDPageContentStream(doc, page);
      if (scale != 1f) {
        cs.transform(Matrix.getScaleInstance(scale, scale));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    height = size.getHeight() / scale;
  }

  /** The text with every character the fonts cannot print replaced by {@code ?} and line breaks by spaces. */
  String safe(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      if (Character.isWhitespace(cp)) {
        b.append(' ');
      } else if (printable.computeIfAbsent(cp, this::canEncode)) {
        b.appendCodePoint(cp);
      } else {
        b.append('?');
      }
    });
    return b.toString();
  }

  private boolean canEncode(int cp) {
    try {
      regular.encode(new String(Character.toChars(cp)));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The width of {@code s} in points. */
  float width(String s, PDFont font, float size) {
    try {
      return font.getStringWidth(safe(s)) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} broken into lines no wider than {@code width}; over-long words are broken too. */
  List<String> wrap(String text, PDFont font, float size, float width) {
    List<String> lines = new ArrayList<>();
    for (String para : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : para.trim().split("\\s+")) {
        if (word.isEmpty()) {
          continue;
        }
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (width(candidate, font, size) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        String rest = word;
        while (width(rest, font, size) > width && rest.length() > 1) {
          int cut = rest.length() - 1;
          while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
            cut--;
          }
          int soft = Math.max(rest.lastIndexOf('/', cut - 1), rest.lastIndexOf('-', cut - 1));
          if (soft > 0) {
            cut = soft + 1; // break after a slash or hyphen rather than inside a word
          }
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** The height {@code text} takes wrapped to {@code width}. */
  float blockHeight(String text, PDFont font, float size, float width) {
    return wrap(text, font, size, width).size() * leading(size);
  }

  static float leading(float size) {
    return size * 1.22f;
  }

  /** Draws {@code text} wrapped to {@code width} from the top {@code y}; returns the height used. */
  float block(String text, PDFont font, float size, float x, float y, float width, Align align) {
    List<String> lines = wrap(text, font, size, width);
    float lead = leading(size);
    for (int i = 0; i < lines.size(); i++) {
      float lx = switch (align) {
        case LEFT -> x;
        case CENTER -> x + (width - width(lines.get(i), font, size)) / 2;
        case RIGHT -> x + width - width(lines.get(i), font, size);
      };
      text(lines.get(i), font, size, lx, y + i * lead + size * 0.92f);
    }
    return lines.size() * lead;
  }

  /** Draws one line of text with its baseline at {@code baseline}. */
  void text(String s, PDFont font, float size, float x, float baseline) {
    if (s.isEmpty()) {
      return;
    }
    try {
      cs.beginText();
      cs.setFont(font, size);
      cs.newLineAtOffset(x, height - baseline);
      cs.showText(safe(s));
      cs.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A line; dashed for additions. */
  void line(float x1, float y1, float x2, float y2, float lineWidth, boolean dashed) {
    try {
      cs.setLineWidth(lineWidth);
      if (dashed) {
        cs.setLineDashPattern(new float[] {3, 2}, 0);
      }
      cs.moveTo(x1, height - y1);
      cs.lineTo(x2, height - y2);
      cs.stroke();
      if (dashed) {
        cs.setLineDashPattern(new float[] {}, 0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A rectangle filled with {@code gray} (0 black .. 1 white), or not filled when negative; stroked if asked. */
  void rect(float x, float y, float w, float h, float gray, boolean stroke, float lineWidth) {
    try {
      cs.addRect(x, height - y - h, w, h);
      paint(gray, stroke, lineWidth);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A rectangle with half-circle ends (a terminator), white with a black outline. */
  void pill(float x, float y, float w, float h, float lineWidth) {
    float r = h / 2;
    float k = 0.5523f * r;
    float top = height - y;
    float bottom = top - h;
    try {
      cs.moveTo(x + r, top);
      cs.lineTo(x + w - r, top);
      cs.curveTo(x + w - r + k, top, x + w, top - r + k, x + w, top - r);
      cs.curveTo(x + w, bottom + r - k, x + w - r + k, bottom, x + w - r, bottom);
      cs.lineTo(x + r, bottom);
      cs.curveTo(x + r - k, bottom, x, bottom + r - k, x, bottom + r);
      cs.curveTo(x, top - r + k, x + r - k, top, x + r, top);
      cs.closePath();
      paint(1, true, lineWidth);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A closed polygon through {@code xy} (x0, y0, x1, y1, ...), filled with {@code gray}, stroked if asked. */
  void polygon(float[] xy, float gray, boolean stroke, float lineWidth) {
    try {
      cs.moveTo(xy[0], height - xy[1]);
      for (int i = 2; i < xy.length; i += 2) {
        cs.lineTo(xy[i], height - xy[i + 1]);
      }
      cs.closePath();
      paint(gray, stroke, lineWidth);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void paint(float gray, boolean stroke, float lineWidth) throws IOException {
    cs.setLineWidth(lineWidth);
    if (gray >= 0) {
      cs.setNonStrokingColor(gray);
      if (stroke) {
        cs.fillAndStroke();
      } else {
        cs.fill();
      }
      cs.setNonStrokingColor(0f);
    } else if (stroke) {
      cs.stroke();
    }
  }

  /** The finished document. */
  byte[] toBytes() {
    closeStream();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void closeStream() {
    if (cs != null) {
      try {
        cs.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      cs = null;
    }
  }

  @Override
  public void close() {
    try {
      closeStream();
    } finally {
      try {
        doc.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
