package id.go.kpu.jdih.pdf;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A flowing layout on a {@link PdfDocument}: content is added from the top of the text area down, and a new page
 * starts where the next piece does not fit above the bottom margin. It has wrapped paragraphs, rules, bordered
 * tables whose rows break across pages (the header row is repeated, a row continued from the previous page says
 * so), blocks kept together ({@link #ensure}), and a footer on every page added once the page count is known
 * ({@link #footers}). Coordinates are those of {@link PdfCanvas}: points from the top left.
 *
 * <p>Not thread-safe: one per document.
 */
public final class PdfFlow {

  /** The gray of a table's header row. */
  private static final float HEADER_GRAY = 0.88f;
  private static final float TABLE_LINE = 0.5f;

  /**
   * The geometry of a flow.
   *
   * @param page the paper of every page
   * @param top the top margin in points
   * @param right the right margin
   * @param bottom the bottom margin; the {@linkplain #footers footer} sits in it
   * @param left the left margin
   * @param leading the line spacing as a multiple of the font size
   * @param cellPadding the space between a table cell's border and its text
   * @param continued what the first column of a table row continued from the previous page says, e.g.
   *     {@code (lanjutan)}
   */
  public record Layout(PageSize page, float top, float right, float bottom, float left, float leading,
      float cellPadding, String continued) {

    /** Checks the geometry. */
    public Layout {
      checkNotNull(page, "page");
      checkNotNull(continued, "continued");
      checkArgument(top >= 0 && right >= 0 && bottom >= 0 && left >= 0, "margins must not be negative");
      checkArgument(left + right < page.width() && top + bottom < page.height(), "the margins leave no room");
      checkArgument(leading > 0, "leading must be positive but was %s", leading);
      checkArgument(cellPadding >= 0, "cellPadding must not be negative but was %s", cellPadding);
    }

    /** The width between the margins. */
    public float width() {
      return page.width() - left - right;
    }

    /** The height between the margins. */
    public float height() {
      return page.height() - top - bottom;
    }
  }

  /** The two halves of a page's footer. */
  public interface Footer {
    /** The left half for page {@code page} (from 1) of {@code pages}. */
    String left(int page, int pages);

    /** The right half for page {@code page} (from 1) of {@code pages}. */
    String right(int page, int pages);
  }

  private final PdfDocument document;
  private final Layout layout;
  private final PdfFont font;
  private final int firstPage;
  private PdfCanvas canvas;
  private float y;
  private boolean finished;

  /** Starts the flow on a new page of {@code document}. */
  public PdfFlow(PdfDocument document, Layout layout) {
    this.document = checkNotNull(document, "document");
    this.layout = checkNotNull(layout, "layout");
    this.font = document.font();
    this.firstPage = document.pageCount();
    newPage();
  }

  /** The geometry. */
  public Layout layout() {
    return layout;
  }

  /** The document's font. */
  public PdfFont font() {
    return font;
  }

  /** The current page's canvas, for drawings the methods here do not cover. */
  public PdfCanvas canvas() {
    checkState(!finished, "the footers are drawn: the flow is finished");
    return canvas;
  }

  /** Where the next content starts, from the top of the page. */
  public float y() {
    return y;
  }

  /** The left margin: where content starts horizontally. */
  public float left() {
    return layout.left();
  }

  /** The width between the margins. */
  public float width() {
    return layout.width();
  }

  /** The line spacing at {@code size}. */
  public float leading(float size) {
    return size * layout.leading();
  }

  /** Continues on a new page. */
  public void newPage() {
    checkState(!finished, "the footers are drawn: the flow is finished");
    canvas = document.newPage(layout.page());
    y = layout.top();
  }

  /** Starts a new page unless {@code height} points fit above the bottom margin. */
  public void ensure(float height) {
    if (y + height > layout.page().height() - layout.bottom()) {
      newPage();
    }
  }

  /** Moves down by {@code points}. */
  public void space(float points) {
    y += points;
  }

  /**
   * Text {@linkplain PdfFont#wrap wrapped} to the width (less {@code indent}), a page break allowed between any two
   * lines.
   */
  public void paragraph(String text, float size, TextStyle style, Align align, float indent) {
    checkNotNull(style, "style");
    checkNotNull(align, "align");
    float width = layout.width() - indent;
    float lead = leading(size);
    for (String line : font.wrap(text, size, width)) {
      ensure(lead);
      y += lead;
      float w = font.width(line, size);
      float x = switch (align) {
        case LEFT -> layout.left() + indent;
        case CENTER -> layout.left() + indent + (width - w) / 2;
        case RIGHT -> layout.left() + indent + width - w;
      };
      canvas.text(line, style, size, x, baseline(y, size));
    }
  }

  // The baseline of a line whose box ends at bottom: a quarter of the size above it, room for the descenders.
  private static float baseline(float bottom, float size) {
    return bottom - size * 0.25f;
  }

  /** A horizontal rule across the width, at the current position. */
  public void rule(float lineWidth) {
    canvas.line(layout.left(), y, layout.left() + layout.width(), y, lineWidth);
  }

  /**
   * A bordered table from the left margin. Cells wrap; a row is kept on one page where it fits on a fresh one,
   * otherwise it continues on the next page (never leaving a single line behind), where the header row is drawn
   * again and the continued row's first column says {@link Layout#continued()}.
   *
   * @param widths the column widths, usually summing to {@link #width()}
   * @param header the header cells, drawn bold on gray, or {@code null} for none
   * @param rows the rows; a missing or {@code null} cell is empty
   * @param size the font size
   * @param bold which columns of the body are bold, or {@code null} for none
   */
  public void table(float[] widths, List<String> header, List<List<String>> rows, float size, boolean[] bold) {
    checkNotNull(widths, "widths");
    checkNotNull(rows, "rows");
    float pad = layout.cellPadding();
    float lead = leading(size);
    List<List<String>> headerLines = header == null ? null : cellLines(widths, header, size);
    float headerHeight = header == null ? 0 : rowHeight(headerLines, lead);
    boolean headerDrawn = false;
    for (List<String> row : rows) {
      List<List<String>> lines = cellLines(widths, row, size);
      int total = lines.stream().mapToInt(List::size).max().orElse(1);
      int from = 0;
      while (from < total) {
        float available = layout.page().height() - layout.bottom() - y - 2 * pad - (headerDrawn ? 0 : headerHeight);
        int fits = (int) Math.floor(available / lead);
        // Keep a row whole when it fits on a fresh page; otherwise break it, but never leave a lonely line.
        boolean wholeFitsFresh = (total - from) * lead + 2 * pad + headerHeight <= layout.height();
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
        float top = y;
        drawRow(widths, lines, from, count, size, i -> bold != null && i < bold.length && bold[i], false);
        if (continued) {
          canvas.text(layout.continued(), TextStyle.REGULAR, size, layout.left() + pad,
              baseline(top + pad + lead, size));
        }
        from += count;
      }
    }
  }

  /** The height {@link #table} takes for these rows when none breaks across a page. */
  public float tableHeight(float[] widths, List<String> header, List<List<String>> rows, float size) {
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
      lines.add(font.wrap(text, size, widths[i] - 2 * layout.cellPadding()));
    }
    return lines;
  }

  private float rowHeight(List<List<String>> lines, float lead) {
    return lines.stream().mapToInt(List::size).max().orElse(1) * lead + 2 * layout.cellPadding();
  }

  private void drawRow(float[] widths, List<List<String>> lines, int from, int count, float size,
      IntPredicate bold, boolean shaded) {
    float pad = layout.cellPadding();
    float lead = leading(size);
    float height = count * lead + 2 * pad;
    float total = 0;
    for (float w : widths) {
      total += w;
    }
    if (shaded) {
      canvas.rect(layout.left(), y, total, height, Paint.fill(HEADER_GRAY));
    }
    float x = layout.left();
    for (int i = 0; i < widths.length; i++) {
      List<String> cell = lines.get(i);
      for (int l = 0; l < count && from + l < cell.size(); l++) {
        canvas.text(cell.get(from + l), bold.test(i) ? TextStyle.BOLD : TextStyle.REGULAR, size, x + pad,
            baseline(y + pad + (l + 1) * lead, size));
      }
      x += widths[i];
    }
    x = layout.left();
    for (float w : widths) {
      canvas.rect(x, y, w, height, Paint.stroke(TABLE_LINE));
      x += w;
    }
    y += height;
  }

  /**
   * Draws a footer on every page of this flow, once every page exists: a thin rule across the width and, under it,
   * {@code footer.left} at the left margin and {@code footer.right} against the right one, the baseline 22 points
   * below the bottom margin's top edge. Afterwards the flow is finished: nothing more can be added.
   */
  public void footers(Footer footer, float size) {
    checkNotNull(footer, "footer");
    checkState(!finished, "the footers are drawn already");
    finished = true;
    int count = document.pageCount() - firstPage;
    float base = layout.page().height() - layout.bottom() + 22;
    for (int i = 0; i < count; i++) {
      PdfCanvas page = document.appendTo(firstPage + i);
      page.line(layout.left(), base - size - 4, layout.left() + layout.width(), base - size - 4, 0.4f);
      String right = footer.right(i + 1, count);
      page.text(footer.left(i + 1, count), TextStyle.REGULAR, size, layout.left(), base);
      page.text(right, TextStyle.REGULAR, size, layout.left() + layout.width() - font.width(right, size), base);
    }
  }
}
