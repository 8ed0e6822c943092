package id.go.kpu.jdih.archive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A minimal flowing layout on A4 pages: text that wraps, tables whose rows break across pages (the header row is
 * repeated), blocks kept together, and a footer added to every page once the page count is known. Coordinates are
 * PDF points from the bottom left.
 *
 * <p>Not thread-safe: one per document.
 */
final class PdfPages implements AutoCloseable {

  static final PDRectangle SIZE = PDRectangle.A4;
  // A wider left margin leaves room to bind or punch the printed original.
  static final float LEFT = 56.7f;   // 2 cm
  static final float RIGHT = 42.5f;  // 1.5 cm
  static final float TOP = 42.5f;
  static final float BOTTOM = 56f;   // the footer sits below this line
  static final float WIDTH = SIZE.getWidth() - LEFT - RIGHT;

  private static final float CELL_PAD = 3f;
  private static final float HEADING = 10.5f;
  private static final float LEADING = 1.25f;

  private final PDDocument document;
  private final PdfFont font;
  private final List<PDPage> pages = new ArrayList<>();
  private PDPageContentStream out;
  private float y;

  PdfPages(PDDocument document, PdfFont font) throws IOException {
    this.document = document;
    this.font = font;
    newPage();
  }

  PdfFont font() {
    return font;
  }

  float y() {
    return y;
  }

  void newPage() throws IOException {
    if (out != null) {
      out.close();
    }
    PDPage page = new PDPage(SIZE);
    document.addPage(page);
    pages.add(page);
    out = new PDPageContentStream(document, page);
    y = SIZE.getHeight() - TOP;
  }

  /** Starts a new page unless {@code height} points fit above the bottom margin. */
  void ensure(float height) throws IOException {
    if (y - height < BOTTOM) {
      newPage();
    }
  }

  void space(float points) {
    y -= points;
  }

  static float leading(float size) {
    return size * LEADING;
  }

  /** Draws one line of already cleaned text with its baseline at {@code baseline}. */
  void draw(String cleaned, float x, float baseline, float size, boolean bold) throws IOException {
    if (cleaned.isEmpty()) {
      return;
    }
    out.beginText();
    out.setFont(font.font, size);
    if (bold) {
      out.setRenderingMode(RenderingMode.FILL_STROKE);
      out.setLineWidth(size * 0.035f);
    } else {
      out.setRenderingMode(RenderingMode.FILL);
    }
    out.newLineAtOffset(x, baseline);
    out.showText(cleaned);
    out.endText();
  }

  /** The alignments of {@link #paragraph}. */
  enum Align { LEFT, CENTER, RIGHT }

  /** Wrapped text across the full width (from {@code indent}), breaking pages between lines. */
  void paragraph(String text, float size, boolean bold, Align align, float indent) throws IOException {
    float width = WIDTH - indent;
    for (String line : font.wrap(text, width, size)) {
      ensure(leading(size));
      y -= leading(size);
      float w = font.width(line, size);
      float x = switch (align) {
        case LEFT -> LEFT + indent;
        case CENTER -> LEFT + indent + (width - w) / 2;
        case RIGHT -> LEFT + indent + width - w;
      };
      draw(line, x, y + size * 0.25f, size, bold);
    }
  }

  /** A horizontal rule across the full width. */
  void rule(float lineWidth) throws IOException {
    out.setLineWidth(lineWidth);
    out.moveTo(LEFT, y);
    out.lineTo(LEFT + WIDTH, y);
    out.stroke();
  }

  /** The height {@link #heading} takes. */
  static float headingHeight() {
    return 6 + leading(HEADING) + 3;
  }

  /** A section heading, kept on a page with at least {@code keepWith} points of what follows. */
  void heading(String text, float keepWith) throws IOException {
    ensure(headingHeight() + keepWith);
    space(6);
    paragraph(text, HEADING, true, Align.LEFT, 0);
    space(3);
  }

  /**
   * A bordered table. Cells wrap; a row taller than what is left of the page continues on the next one, where the
   * header row is drawn again.
   *
   * @param widths the column widths, summing to {@link #WIDTH}
   * @param header the header cells, or {@code null} for none
   * @param rows the rows
   * @param bold which columns of the body are bold
   */
  void table(float[] widths, List<String> header, List<List<String>> rows, float size, boolean[] bold)
      throws IOException {
    float lead = leading(size);
    List<List<String>> headerLines = header == null ? null : cellLines(widths, header, size);
    float headerHeight = header == null ? 0 : rowHeight(headerLines, lead);
    boolean headerDrawn = false;
    for (List<String> row : rows) {
      List<List<String>> lines = cellLines(widths, row, size);
      int total = lines.stream().mapToInt(List::size).max().orElse(1);
      int from = 0;
      while (from < total) {
        float available = y - BOTTOM - 2 * CELL_PAD - (headerDrawn ? 0 : headerHeight);
        int fits = (int) Math.floor(available / lead);
        // Keep a row whole when it fits on a fresh page; otherwise break it, but never leave a lonely line.
        boolean wholeFitsFresh = (total - from) * lead + 2 * CELL_PAD + headerHeight
            <= SIZE.getHeight() - TOP - BOTTOM;
        if (fits < Math.min(total - from, 2) || (fits < total - from && wholeFitsFresh)) {
          newPage();
          headerDrawn = false;
          continue;
        }
        if (!headerDrawn && headerLines != null) {
          drawRow(widths, headerLines, 0, headerLines.stream().mapToInt(List::size).max().orElse(1), size,
              i -> true, true);
        }
        headerDrawn = true;
        int count = Math.min(fits, total - from);
        // A row continued from the previous page says so where its first column would be empty.
        boolean continued = from > 0 && from >= lines.get(0).size();
        drawRow(widths, lines, from, count, size, i -> bold != null && bold[i], false);
        if (continued) {
          draw(font.clean("(lanjutan)"), LEFT + CELL_PAD, y + count * lead + CELL_PAD - lead + size * 0.25f, size,
              false);
        }
        from += count;
      }
    }
  }

  /** The height {@link #table} takes for these rows when none breaks across a page. */
  float tableHeight(float[] widths, List<String> header, List<List<String>> rows, float size) {
    float lead = leading(size);
    float height = header == null ? 0 : rowHeight(cellLines(widths, header, size), lead);
    for (List<String> row : rows) {
      height += rowHeight(cellLines(widths, row, size), lead);
    }
    return height;
  }

  private List<List<String>> cellLines(float[] widths, List<String> cells, float size) {
    List<List<String>> lines = new ArrayList<>();
    for (int i = 0; i < widths.length; i++) {
      String text = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
      lines.add(font.wrap(text, widths[i] - 2 * CELL_PAD, size));
    }
    return lines;
  }

  private static float rowHeight(List<List<String>> lines, float lead) {
    return lines.stream().mapToInt(List::size).max().orElse(1) * lead + 2 * CELL_PAD;
  }

  private void drawRow(float[] widths, List<List<String>> lines, int from, int count, float size,
      IntPredicate bold, boolean shaded) throws IOException {
    float lead = leading(size);
    float height = count * lead + 2 * CELL_PAD;
    float x = LEFT;
    if (shaded) {
      out.setNonStrokingColor(0.88f, 0.88f, 0.88f);
      out.addRect(LEFT, y - height, WIDTH, height);
      out.fill();
      out.setNonStrokingColor(0f, 0f, 0f);
    }
    for (int i = 0; i < widths.length; i++) {
      List<String> cell = lines.get(i);
      for (int l = 0; l < count && from + l < cell.size(); l++) {
        float baseline = y - CELL_PAD - (l + 1) * lead + size * 0.25f;
        draw(cell.get(from + l), x + CELL_PAD, baseline, size, bold.test(i));
      }
      x += widths[i];
    }
    out.setLineWidth(0.5f);
    x = LEFT;
    for (float w : widths) {
      out.addRect(x, y - height, w, height);
      x += w;
    }
    out.stroke();
    y -= height;
  }

  /** Draws {@code footer(pageIndex, pageCount)} on every page, once every page exists. */
  void footers(FooterText footer, float size) throws IOException {
    out.close();
    out = null;
    int n = pages.size();
    for (int i = 0; i < n; i++) {
      try (PDPageContentStream s = new PDPageContentStream(document, pages.get(i), AppendMode.APPEND, true, true)) {
        PDPageContentStream previous = out;
        out = s;
        float base = BOTTOM - 22;
        out.setLineWidth(0.4f);
        out.moveTo(LEFT, base + size + 4);
        out.lineTo(LEFT + WIDTH, base + size + 4);
        out.stroke();
        String left = font.clean(footer.left(i + 1, n));
        String right = font.clean(footer.right(i + 1, n));
        draw(left, LEFT, base, size, false);
        draw(right, LEFT + WIDTH - font.width(right, size), base, size, false);
        out = previous;
      }
    }
  }

  /** The two halves of a page's footer. */
  interface FooterText {
    /** The left half for page {@code page} of {@code pages}. */
    String left(int page, int pages);

    /** The right half. */
    String right(int page, int pages);
  }

  /** Direct access for drawings the helpers above do not cover (the signature blocks). */
  PDPageContentStream stream() {
    return out;
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }
}
