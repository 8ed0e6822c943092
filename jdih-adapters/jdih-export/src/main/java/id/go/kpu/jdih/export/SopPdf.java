package id.go.kpu.jdih.export;

import id.go.kpu.jdih.export.FlowDiagram.Arrowhead;
import id.go.kpu.jdih.export.FlowDiagram.Label;
import id.go.kpu.jdih.export.FlowDiagram.Line;
import id.go.kpu.jdih.export.FlowDiagram.Mark;
import id.go.kpu.jdih.export.FlowDiagram.Row;
import id.go.kpu.jdih.export.FlowDiagram.Shape;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.Equipment;
import id.go.kpu.jdih.sop.Requirement;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.SignatureBlock;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import id.go.kpu.jdih.pdf.Align;
import id.go.kpu.jdih.pdf.PageSize;
import id.go.kpu.jdih.pdf.Paint;
import id.go.kpu.jdih.pdf.PdfCanvas;
import id.go.kpu.jdih.pdf.PdfDocument;
import id.go.kpu.jdih.pdf.PdfFont;
import id.go.kpu.jdih.pdf.TextStyle;

/**
 * Draws the SOP AP document with jdih-pdf: the same pages, tables and flowchart as {@link SopHtml}, on A4
 * landscape, in the embedded Liberation Sans. A page whose content is taller or wider than the paper is scaled down
 * to fit. One instance draws one document, on one thread.
 */
final class SopPdf {

  private static final float M = 28;
  private static final float PAD = 3;
  private static final float BODY = 7.5f;
  private static final float LW = 0.6f;
  private static final float FLOW_LW = 0.9f;

  private final SopDefinition sop;
  private final Language lang;
  private final PdfDocument pdf;
  private final PdfFont font;
  private PdfCanvas canvas;
  private final float pageW = PageSize.A4_LANDSCAPE.width();
  private final float pageH = PageSize.A4_LANDSCAPE.height();
  private final float cw = pageW - 2 * M;

  private SopPdf(SopDefinition sop, Language lang, PdfDocument pdf) {
    this.sop = sop;
    this.lang = lang;
    this.pdf = pdf;
    this.font = pdf.font();
  }

  static byte[] render(SopDefinition sop, ExportOptions options) {
    try (PdfDocument pdf = PdfDocument.builder().title("SOP " + sop.identity().number() + " - " + sop.title())
        .creator("jdih-export").producer("jdih-export (jdih-pdf, Apache PDFBox)").build()) {
      new SopPdf(sop, options.language(), pdf).draw(options.activitiesPerPage());
      return pdf.toBytes();
    }
  }

  private String t(Text text) {
    return text.in(lang);
  }

  private void draw(int perPage) {
    int n = sop.roles().size();
    float laneW = n <= 4 ? 74 : Math.max(48, 300f / n);
    FlowDiagram.Geometry g = FlowDiagram.Geometry.html().scaled(laneW / 100);
    FlowDiagram diagram = FlowDiagram.of(sop, perPage, g, lang);
    FlowPages flow = new FlowPages(diagram, g, laneW);
    int flowPages = diagram.pages().size() + (flow.signatureOnOwnPage() ? 1 : 0);
    int total = 2 + flowPages;
    cover();
    identity(2, total);
    flow.draw(3, total);
  }

  /** The page number at the bottom right, on a page drawn at {@code scale}. */
  private void footer(int page, int total, float scale) {
    String str = "SOP " + sop.identity().number() + " \u2014 " + Labels.PAGE.in(lang).formatted(page, total);
    float size = 6.5f / scale;
    canvas.text(str, TextStyle.REGULAR, size, (pageW - M) / scale - font.width(str, size), (pageH - 14) / scale);
  }

  private void cover() {
    canvas = pdf.newPage(PageSize.A4_LANDSCAPE, 1);
    float w = 620;
    float x = (pageW - w) / 2;
    canvas.block(sop.office().name(), TextStyle.BOLD, 16, x, 120, w, Align.CENTER);
    canvas.block(t(Labels.SOP), TextStyle.BOLD, 18, x, 215, w, Align.CENTER);
    canvas.block(sop.title(), TextStyle.BOLD, 14, x, 250, w, Align.CENTER);
    canvas.block(String.valueOf(sop.identity().approvedOn().getYear()), TextStyle.BOLD, 16, x, 400, w, Align.CENTER);
  }

  // ---- identity page ----

  private record Field(String label, List<Para> value) {}

  /** One paragraph of a value: text, style, the space before it, and an underline. */
  private record Para(String text, TextStyle style, float spaceBefore, boolean underline) {}

  private void identity(int page, int total) {
    SopIdentity id = sop.identity();
    List<Field> fields = List.of(
        new Field(t(Labels.NUMBER), List.of(para(id.number()))),
        new Field(t(Labels.CREATED), List.of(para(Dates.format(id.createdOn(), lang)))),
        new Field(t(Labels.REVISED), List.of(para(id.revisedOn().map(d -> Dates.format(d, lang)).orElse("")))),
        new Field(t(Labels.APPROVED), List.of(para(Dates.format(id.approvedOn(), lang)))),
        new Field(t(Labels.APPROVED_BY), List.of(para(id.approvedBy().position()),
            new Para(id.approvedBy().name(), TextStyle.BOLD, 26, true),
            para(t(Labels.NIP) + " " + id.approvedBy().nip().formatted()))),
        new Field(t(Labels.NAME), List.of(para(sop.title()))));
    float size = 8.5f;
    float leftW = cw * 0.45f;
    float labelW = 105;
    float colonW = 10;
    float valueW = cw - leftW - labelW - colonW;
    float[] heights = new float[fields.size()];
    float top = 0;
    for (int i = 0; i < fields.size(); i++) {
      heights[i] = Math.max(paraHeight(fields.get(i).value(), size, valueW - 2 * PAD),
          font.blockHeight(fields.get(i).label(), size, labelW - 2 * PAD)) + 2 * PAD;
      top += heights[i];
    }
    float listW = cw / 2;
    List<String[]> heads = List.of(new String[] {t(Labels.LEGAL_BASIS), t(Labels.QUALIFICATIONS)},
        new String[] {t(Labels.RELATED), t(Labels.EQUIPMENT)}, new String[] {t(Labels.WARNINGS), t(Labels.RECORDS)});
    List<List<List<String>>> bodies = List.of(
        List.of(Lists.punctuated(sop.legalBasis()), Lists.punctuated(sop.executorQualifications())),
        List.of(Lists.punctuated(sop.relatedSops()),
            Lists.punctuated(sop.equipment().stream().map(Equipment::name).toList())),
        List.of(Lists.punctuated(sop.warnings()), List.of()));
    float headH = size + 2 * PAD + 2;
    float listsH = 0;
    float[] bodyH = new float[3];
    for (int i = 0; i < 3; i++) {
      float hl = listHeight(bodies.get(i).get(0), size, listW);
      float hr = i == 2 ? font.blockHeight(sop.recordKeeping(), size, listW - 2 * PAD)
          : listHeight(bodies.get(i).get(1), size, listW);
      bodyH[i] = Math.max(24, Math.max(hl, hr) + 2 * PAD);
      listsH += headH + bodyH[i];
    }
    float needed = top + listsH;
    float scale = Math.min(1, (pageH - 2 * M) / needed);
    canvas = pdf.newPage(PageSize.A4_LANDSCAPE, scale);
    float x0 = M / scale;
    float y = M / scale;
    float w = cw;
    // Unit cell spanning the fields.
    canvas.rect(x0, y, leftW, top, Paint.stroke(LW));
    float unitH = font.blockHeight(sop.office().unit(), 11, leftW - 30);
    canvas.block(sop.office().unit(), TextStyle.BOLD, 11, x0 + 15, y + (top - unitH) / 2, leftW - 30, Align.CENTER);
    float fy = y;
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      canvas.rect(x0 + leftW, fy, w - leftW, heights[i], Paint.stroke(LW));
      canvas.block(f.label(), TextStyle.BOLD, size, x0 + leftW + PAD, fy + PAD, labelW - 2 * PAD, Align.LEFT);
      canvas.text(":", TextStyle.REGULAR, size, x0 + leftW + labelW, fy + PAD + size * 0.92f);
      drawParas(f.value(), size, x0 + leftW + labelW + colonW, fy + PAD, valueW - 2 * PAD);
      fy += heights[i];
    }
    float ly = y + top;
    for (int i = 0; i < 3; i++) {
      for (int c = 0; c < 2; c++) {
        float cx = x0 + c * listW;
        canvas.rect(cx, ly, listW, headH, Paint.fillAndStroke(0.95f, LW));
        canvas.text(heads.get(i)[c], TextStyle.BOLD, size, cx + PAD, ly + PAD + size * 0.92f + 1);
        canvas.rect(cx, ly + headH, listW, bodyH[i], Paint.stroke(LW));
        if (i == 2 && c == 1) {
          canvas.block(sop.recordKeeping(), TextStyle.REGULAR, size, cx + PAD, ly + headH + PAD, listW - 2 * PAD,
              Align.LEFT);
        } else {
          drawList(bodies.get(i).get(c), size, cx, ly + headH + PAD, listW);
        }
      }
      ly += headH + bodyH[i];
    }
    footer(page, total, scale);
  }

  private Para para(String text) {
    return new Para(text, TextStyle.REGULAR, 0, false);
  }

  private float paraHeight(List<Para> paras, float size, float width) {
    float h = 0;
    for (Para p : paras) {
      h += p.spaceBefore() + font.blockHeight(p.text(), size, width);
    }
    return h;
  }

  private void drawParas(List<Para> paras, float size, float x, float y, float width) {
    float py = y;
    for (Para p : paras) {
      py += p.spaceBefore();
      float h = canvas.block(p.text(), p.style(), size, x, py, width, Align.LEFT);
      if (p.underline()) {
        float uw = Math.min(width, font.width(p.text(), size));
        canvas.line(x, py + size * 1.05f, x + uw, py + size * 1.05f, 0.5f);
      }
      py += h;
    }
  }

  private float listHeight(List<String> items, float size, float width) {
    float h = 0;
    for (String item : items) {
      h += font.blockHeight(item, size, width - 2 * PAD - 14);
    }
    return h;
  }

  private void drawList(List<String> items, float size, float x, float y, float width) {
    float iy = y;
    for (int i = 0; i < items.size(); i++) {
      canvas.text((i + 1) + ".", TextStyle.REGULAR, size, x + PAD, iy + size * 0.92f);
      iy += canvas.block(items.get(i), TextStyle.REGULAR, size, x + PAD + 14, iy, width - 2 * PAD - 14, Align.LEFT);
    }
  }

  // ---- flowchart pages ----

  /** The flowchart table, page by page. */
  private final class FlowPages {
    private final FlowDiagram diagram;
    private final FlowDiagram.Geometry g;
    private final float laneW;
    private final float[] cols;
    private final float tableW;
    private final float scale;
    private final float headerH;
    private final float laneHeadH;
    private final float sigH;
    private final float notesH;
    private final List<float[]> rowHeights = new ArrayList<>();
    private final float titleSize = 10;

    FlowPages(FlowDiagram diagram, FlowDiagram.Geometry g, float laneW) {
      this.diagram = diagram;
      this.g = g;
      this.laneW = laneW;
      int n = diagram.lanes();
      float fixed = 22 + 84 + 40 + 84 + 36 + n * laneW;
      float act = Math.max(150, cw - fixed);
      cols = new float[] {22, act, n * laneW, 84, 40, 84, 36};
      tableW = fixed + act;
      scale = Math.min(1, cw / tableW);
      float lh = 0;
      for (Role r : diagram.roles()) {
        lh = Math.max(lh, font.blockHeight(r.name(), BODY, laneW - 2 * PAD));
      }
      laneHeadH = Math.max(lh, Math.max(font.blockHeight(t(Labels.REQUIREMENTS), BODY, 84 - 2 * PAD),
          BODY)) + 2 * PAD;
      headerH = (BODY + 2 * PAD + 2) + laneHeadH + 10;
      for (FlowDiagram.Page p : diagram.pages()) {
        float[] hs = new float[p.rows().size()];
        for (int i = 0; i < hs.length; i++) {
          hs[i] = rowHeight(p.rows().get(i));
        }
        rowHeights.add(hs);
      }
      SignatureBlock s = sop.signature();
      sigH = 12 + font.blockHeight(s.organisation(), 9, 240) + PdfFont.leading(9) + 50 + PdfFont.leading(9);
      float nh = 0;
      if (diagram.hasAdditions()) {
        nh += font.blockHeight(t(Labels.ADDITION_NOTE), 7, tableW) + 2;
      }
      if (diagram.connectorPairs() > 0) {
        nh += font.blockHeight(t(Labels.CONNECTOR_NOTE), 7, tableW) + 2;
      }
      notesH = nh + 4;
    }

    private float titleH(int page) {
      return font.blockHeight(title(page), titleSize, tableW) + 8;
    }

    private String title(int page) {
      return sop.flowchartTitle() + (page > 0 ? " " + t(Labels.CONTINUED) : "");
    }

    private float pageHeight(int page) {
      float h = titleH(page) + headerH;
      for (float rh : rowHeights.get(page)) {
        h += rh;
      }
      return h;
    }

    boolean signatureOnOwnPage() {
      int last = diagram.pages().size() - 1;
      return (pageHeight(last) + notesH + sigH) * scale > pageH - 2 * M;
    }

    private float rowHeight(Row row) {
      Activity a = row.activity();
      float h = font.blockHeight(a.description(), BODY, cols[1] - 2 * PAD);
      h = Math.max(h, font.blockHeight(requirements(a), BODY, cols[3] - 2 * PAD));
      h = Math.max(h, font.blockHeight(time(a), BODY, cols[4] - 2 * PAD));
      h = Math.max(h, font.blockHeight(a.quality().output().orElse(""), BODY, cols[5] - 2 * PAD));
      h = Math.max(h, font.blockHeight(a.remarks().orElse(""), BODY, cols[6] - 2 * PAD));
      return Math.max(h + 2 * PAD, (float) row.minHeight());
    }

    private String requirements(Activity a) {
      return a.quality().requirements().stream().map(Requirement::name).collect(Collectors.joining(", "));
    }

    private String time(Activity a) {
      return a.quality().time().map(ts -> ts.label().in(lang)).orElse("");
    }

    void draw(int firstPage, int total) {
      int pages = diagram.pages().size();
      float avail = pageH - 2 * M;
      boolean own = signatureOnOwnPage();
      for (int p = 0; p < pages; p++) {
        boolean last = p == pages - 1;
        float content = pageHeight(p) + (last && !own ? notesH + sigH : 0);
        float s = Math.min(scale, avail / content);
        canvas = pdf.newPage(PageSize.A4_LANDSCAPE, s);
        float x0 = M / s;
        float y = M / s;
        y += canvas.block(title(p), TextStyle.BOLD, titleSize, x0, y, tableW, Align.CENTER) + 8;
        y = header(x0, y);
        float[] hs = rowHeights.get(p);
        for (int i = 0; i < hs.length; i++) {
          row(diagram.pages().get(p).rows().get(i), x0, y, hs[i]);
          y += hs[i];
        }
        footer(firstPage + p, total, s);
        if (last) {
          float width = tableW;
          if (own) {
            canvas = pdf.newPage(PageSize.A4_LANDSCAPE, 1);
            x0 = M;
            y = M;
            width = cw;
            footer(firstPage + p + 1, total, 1);
          }
          y += 4;
          if (diagram.hasAdditions()) {
            y += canvas.block(t(Labels.ADDITION_NOTE), TextStyle.ITALIC, 7, x0, y, width, Align.LEFT) + 2;
          }
          if (diagram.connectorPairs() > 0) {
            y += canvas.block(t(Labels.CONNECTOR_NOTE), TextStyle.ITALIC, 7, x0, y, width, Align.LEFT) + 2;
          }
          signature(x0 + width - 250, y + 12);
        }
      }
    }

    private float header(float x0, float y) {
      int n = diagram.lanes();
      float h1 = BODY + 2 * PAD + 2;
      float[] xs = new float[cols.length + 1];
      xs[0] = x0;
      for (int i = 0; i < cols.length; i++) {
        xs[i + 1] = xs[i] + cols[i];
      }
      float h12 = h1 + laneHeadH;
      cell(xs[0], y, cols[0], h12, t(Labels.NO), true);
      cell(xs[1], y, cols[1], h12, t(Labels.ACTIVITY), true);
      cell(xs[2], y, cols[2], h1, t(Labels.EXECUTORS), true);
      cell(xs[3], y, cols[3] + cols[4] + cols[5], h1, t(Labels.QUALITY), true);
      cell(xs[6], y, cols[6], h12, t(Labels.REMARKS), true);
      List<Role> roles = diagram.roles();
      for (int i = 0; i < n; i++) {
        cell(xs[2] + i * laneW, y + h1, laneW, laneHeadH, roles.get(i).name(), true);
      }
      cell(xs[3], y + h1, cols[3], laneHeadH, t(Labels.REQUIREMENTS), true);
      cell(xs[4], y + h1, cols[4], laneHeadH, t(Labels.TIME), true);
      cell(xs[5], y + h1, cols[5], laneHeadH, t(Labels.OUTPUT), true);
      float ny = y + h12;
      int num = 1;
      for (int i = 0; i < cols.length; i++) {
        if (i == 2) {
          for (int k = 0; k < n; k++) {
            numCell(xs[2] + k * laneW, ny, laneW, num++);
          }
        } else {
          numCell(xs[i], ny, cols[i], num++);
        }
      }
      return ny + 10;
    }

    private void cell(float x, float y, float w, float h, String text, boolean head) {
      canvas.rect(x, y, w, h, head ? Paint.fillAndStroke(0.95f, LW) : Paint.stroke(LW));
      float th = font.blockHeight(text, BODY, w - 2 * PAD);
      canvas.block(text, TextStyle.BOLD, BODY, x + PAD, y + (h - th) / 2, w - 2 * PAD, Align.CENTER);
    }

    private void numCell(float x, float y, float w, int num) {
      canvas.rect(x, y, w, 10, Paint.fillAndStroke(0.95f, LW));
      String s = String.valueOf(num);
      canvas.text(s, TextStyle.REGULAR, 6, x + (w - font.width(s, 6)) / 2, y + 7.5f);
    }

    private void row(Row row, float x0, float y, float h) {
      Activity a = row.activity();
      float x = x0;
      String[] texts = {a.number() + ".", a.description(), null, requirements(a), time(a),
          a.quality().output().orElse(""), a.remarks().orElse("")};
      for (int i = 0; i < cols.length; i++) {
        canvas.rect(x, y, cols[i], h, Paint.stroke(LW));
        if (texts[i] != null) {
          Align align = i == 0 || i == 4 ? Align.CENTER : Align.LEFT;
          canvas.block(texts[i], TextStyle.REGULAR, BODY, x + PAD, y + PAD, cols[i] - 2 * PAD, align);
        } else {
          lanes(row, x, y, cols[i], h);
        }
        x += cols[i];
      }
    }

    private void lanes(Row row, float x, float y, float w, float h) {
      int n = diagram.lanes();
      for (int k = 1; k < n; k++) {
        canvas.line(x + k * laneW, y, x + k * laneW, y + h, LW);
      }
      for (Line l : row.lines()) {
        line(l.dashed(), x + (float) l.a().x().resolve(w), y + (float) l.a().y().resolve(h),
            x + (float) l.b().x().resolve(w), y + (float) l.b().y().resolve(h), FLOW_LW);
      }
      for (Mark m : row.marks()) {
        if (m instanceof Shape s) {
          shape(s, x + (float) s.center().x().resolve(w), y + (float) s.center().y().resolve(h));
        } else if (m instanceof Arrowhead a) {
          arrowhead(a, x + (float) a.tip().x().resolve(w), y + (float) a.tip().y().resolve(h));
        } else if (m instanceof Label l) {
          label(l, x + (float) l.at().x().resolve(w), y + (float) l.at().y().resolve(h));
        }
      }
    }

    private void line(boolean dashed, float x1, float y1, float x2, float y2, float lineWidth) {
      if (dashed) {
        canvas.dashedLine(x1, y1, x2, y2, lineWidth, 3, 2);
      } else {
        canvas.line(x1, y1, x2, y2, lineWidth);
      }
    }

    private void shape(Shape s, float cx, float cy) {
      float w = (float) s.w();
      float h = (float) s.h();
      float size = (float) g.labelSize();
      switch (s.kind()) {
        case PROCESS -> canvas.rect(cx - w / 2, cy - h / 2, w, h, Paint.fillAndStroke(1, FLOW_LW));
        case DECISION -> canvas.polygon(new float[] {cx, cy - h / 2, cx + w / 2, cy, cx, cy + h / 2, cx - w / 2, cy},
            Paint.fillAndStroke(1, FLOW_LW));
        case START, END -> {
          canvas.pill(cx - w / 2, cy - h / 2, w, h, Paint.fillAndStroke(1, FLOW_LW));
          float ts = size * 1.1f;
          canvas.text(s.text(), TextStyle.REGULAR, ts, cx - font.width(s.text(), ts) / 2, cy + ts * 0.36f);
        }
        case CONNECTOR -> {
          canvas.polygon(new float[] {cx - w / 2, cy - h / 2, cx + w / 2, cy - h / 2, cx + w / 2, cy + h / 6, cx,
              cy + h / 2, cx - w / 2, cy + h / 6}, Paint.fillAndStroke(1, FLOW_LW));
          float ts = h * 0.5f;
          canvas.text(s.text(), TextStyle.BOLD, ts, cx - font.width(s.text(), ts) / 2, cy + ts * 0.3f);
        }
        default -> throw new IllegalStateException();
      }
    }

    private void arrowhead(Arrowhead a, float x, float y) {
      float s = (float) a.size();
      float w = s * 0.55f;
      float[] p = switch (a.dir()) {
        case DOWN -> new float[] {x, y, x - w, y - s, x + w, y - s};
        case UP -> new float[] {x, y, x - w, y + s, x + w, y + s};
        case LEFT -> new float[] {x, y, x + s, y - w, x + s, y + w};
        case RIGHT -> new float[] {x, y, x - s, y - w, x - s, y + w};
      };
      canvas.polygon(p, Paint.fill(0));
    }

    private void label(Label l, float x, float y) {
      float size = (float) g.labelSize();
      float tw = font.width(l.text(), size);
      float lx = switch (l.anchor()) {
        case START -> x;
        case MIDDLE -> x - tw / 2;
        case END -> x - tw;
      };
      canvas.rect(lx - 1, y - size * 0.8f, tw + 2, size * 0.95f, Paint.fill(1));
      canvas.text(l.text(), TextStyle.BOLD, size, lx, y);
    }

    private void signature(float x, float y) {
      SignatureBlock s = sop.signature();
      float w = 250;
      float sy = y;
      sy += canvas.block(s.organisation(), TextStyle.REGULAR, 9, x, sy, w, Align.CENTER);
      sy += canvas.block(s.position(), TextStyle.REGULAR, 9, x, sy, w, Align.CENTER);
      sy += 50;
      canvas.block(s.name(), TextStyle.BOLD, 9, x, sy, w, Align.CENTER);
      float nw = font.width(s.name(), 9);
      canvas.line(x + (w - nw) / 2, sy + 10, x + (w + nw) / 2, sy + 10, 0.5f);
    }
  }
}
