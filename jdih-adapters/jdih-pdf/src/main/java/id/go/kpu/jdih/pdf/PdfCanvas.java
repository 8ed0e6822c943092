package id.go.kpu.jdih.pdf;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * Drawing on one page, with the origin at the top left and y growing downwards, in points divided by the page's
 * scale (a page {@linkplain PdfDocument#newPage(PageSize, float) scaled} by 0.8 is {@code 1/0.8} times as wide and
 * high in canvas units, and everything drawn on it is shrunk to fit). Text is always in the document's {@link
 * PdfFont}; shapes are outlined in black and filled with a gray ({@link Paint}).
 *
 * <p>A canvas is valid until the document opens another one ({@link PdfDocument#newPage}, {@link
 * PdfDocument#appendTo}) or is saved; after that every drawing method throws {@link IllegalStateException}. An
 * {@link IOException} of PDFBox while writing the page's content stream is rethrown as {@link
 * UncheckedIOException}.
 *
 * <p>Not thread-safe: it belongs to one document.
 */
public final class PdfCanvas {

  /** The outline stroked around a {@link TextStyle#BOLD} glyph, as a fraction of the font size. */
  public static final float BOLD_STROKE = 0.035f;

  // tan(12°): the slant of Helvetica Oblique.
  private static final float SLANT = 0.2126f;

  private final PDPageContentStream cs;
  private final PdfFont font;
  private final float width;
  private final float height;
  private boolean closed;

  PdfCanvas(PDPageContentStream cs, PdfFont font, float width, float height) {
    this.cs = cs;
    this.font = font;
    this.width = width;
    this.height = height;
  }

  /** The page's width in canvas units. */
  public float width() {
    return width;
  }

  /** The page's height in canvas units. */
  public float height() {
    return height;
  }

  /** The document's font, for measuring and wrapping. */
  public PdfFont font() {
    return font;
  }

  /**
   * Draws {@code text} as one line, its line ends as spaces, starting at {@code x} with its baseline at {@code
   * baseline}.
   *
   * @throws MissingGlyphException see {@link PdfFont#printable}
   */
  public void text(String text, TextStyle style, float size, float x, float baseline) {
    checkNotNull(style, "style");
    checkArgument(size > 0, "size must be positive but was %s", size);
    checkOpen();
    String line = font.printable(text).replace('\n', ' ');
    if (!line.isEmpty()) {
      show(line, style, size, x, baseline);
    }
  }

  /**
   * Draws {@code text} {@linkplain PdfFont#wrap wrapped} to {@code width}, its first line's top at {@code top} and
   * each line {@linkplain PdfFont#leading(float) one leading} below the one before.
   *
   * @return the height used: the number of lines times the leading, as {@link PdfFont#blockHeight}
   * @throws MissingGlyphException see {@link PdfFont#printable}; nothing of the text is drawn then
   */
  public float block(String text, TextStyle style, float size, float x, float top, float width, Align align) {
    checkNotNull(style, "style");
    checkNotNull(align, "align");
    checkOpen();
    List<String> lines = font.wrap(text, size, width);
    float lead = PdfFont.leading(size);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        continue;
      }
      float lx = switch (align) {
        case LEFT -> x;
        case CENTER -> x + (width - font.width(line, size)) / 2;
        case RIGHT -> x + width - font.width(line, size);
      };
      show(line, style, size, lx, top + i * lead + size * PdfFont.ASCENT);
    }
    return lines.size() * lead;
  }

  // One line of printable text. The graphics state is saved and restored around it, so a bold line's rendering
  // mode and line width do not leak into what is drawn next.
  private void show(String printable, TextStyle style, float size, float x, float baseline) {
    try {
      cs.saveGraphicsState();
      if (style == TextStyle.BOLD) {
        cs.setLineWidth(size * BOLD_STROKE);
      }
      cs.beginText();
      cs.setFont(font.pdFont(), size);
      if (style == TextStyle.BOLD) {
        cs.setRenderingMode(RenderingMode.FILL_STROKE);
      }
      // Tm = [1 0 c 1 x y]: the slant c shifts each point of a glyph right by c times its height.
      cs.setTextMatrix(new Matrix(1, 0, style == TextStyle.ITALIC ? SLANT : 0, 1, x, height - baseline));
      // PDPageContentStream.showText encodes with the font (and adds the characters to the embedded subset); it
      // throws IllegalArgumentException for a character without a glyph, which printable text never has.
      cs.showText(printable);
      cs.endText();
      cs.restoreGraphicsState();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A solid black line {@code lineWidth} wide from ({@code x1}, {@code y1}) to ({@code x2}, {@code y2}). */
  public void line(float x1, float y1, float x2, float y2, float lineWidth) {
    checkOpen();
    try {
      cs.setLineWidth(lineWidth);
      cs.moveTo(x1, height - y1);
      cs.lineTo(x2, height - y2);
      cs.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A dashed black line: dashes {@code dash} long with gaps {@code gap} long. */
  public void dashedLine(float x1, float y1, float x2, float y2, float lineWidth, float dash, float gap) {
    checkArgument(dash > 0 && gap > 0, "dash and gap must be positive but were %s and %s", dash, gap);
    checkOpen();
    try {
      cs.setLineDashPattern(new float[] {dash, gap}, 0);
      line(x1, y1, x2, y2, lineWidth);
      cs.setLineDashPattern(new float[] {}, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A rectangle with its top-left corner at ({@code x}, {@code y}). */
  public void rect(float x, float y, float w, float h, Paint paint) {
    checkNotNull(paint, "paint");
    checkOpen();
    try {
      cs.addRect(x, height - y - h, w, h);
      paint(paint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A rectangle with half-circle ends (a flowchart terminator), its bounding box's top-left corner at ({@code x},
   * {@code y}).
   */
  public void pill(float x, float y, float w, float h, Paint paint) {
    checkNotNull(paint, "paint");
    checkOpen();
    float r = h / 2;
    float k = 0.5523f * r; // a quarter circle as one cubic Bézier
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
      paint(paint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A closed polygon through {@code xy} = x0, y0, x1, y1, ... (at least three points). */
  public void polygon(float[] xy, Paint paint) {
    checkNotNull(xy, "xy");
    checkArgument(xy.length >= 6 && xy.length % 2 == 0, "xy must hold at least three x, y pairs");
    checkNotNull(paint, "paint");
    checkOpen();
    try {
      cs.moveTo(xy[0], height - xy[1]);
      for (int i = 2; i < xy.length; i += 2) {
        cs.lineTo(xy[i], height - xy[i + 1]);
      }
      cs.closePath();
      paint(paint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void paint(Paint paint) throws IOException {
    if (paint.stroked()) {
      cs.setLineWidth(paint.strokeWidth());
    }
    if (paint.filled()) {
      cs.setNonStrokingColor(paint.fillGray());
      if (paint.stroked()) {
        cs.fillAndStroke();
      } else {
        cs.fill();
      }
      cs.setNonStrokingColor(0f); // text is filled with the non-stroking colour: back to black
    } else {
      cs.stroke();
    }
  }

  private void checkOpen() {
    checkState(!closed, "this canvas is closed: the document has opened another page or been saved");
  }

  void close() {
    if (!closed) {
      closed = true;
      try {
        cs.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
