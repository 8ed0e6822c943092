package id.go.kpu.jdih.export;

import static com.google.common.base.Preconditions.checkNotNull;
import static id.go.kpu.jdih.export.Html.esc;

import id.go.kpu.jdih.compliance.MonitoringForm;
import id.go.kpu.jdih.compliance.MonitoringForm.Row;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.pdf.Align;
import id.go.kpu.jdih.pdf.PageSize;
import id.go.kpu.jdih.pdf.Paint;
import id.go.kpu.jdih.pdf.PdfCanvas;
import id.go.kpu.jdih.pdf.PdfDocument;
import id.go.kpu.jdih.pdf.PdfFont;
import id.go.kpu.jdih.pdf.TextStyle;
import java.util.List;
import java.util.Optional;

/**
 * Renders a filled {@link MonitoringForm} in the layout of the "Monitoring Pelaksanaan SOP AP" form of Permenpan RB
 * No. 35 Tahun 2012: the heading, Nama SOP, Nomor SOP, Unit and Periode, a table No | Prosedur | Penilaian terhadap
 * penerapan (Berjalan dengan baik / Tidak berjalan dengan baik) | Catatan hasil penilaian | Tindakan yang harus
 * diambil, and the signature block of the person who did the monitoring ("Yang melakukan monitoring"), left blank
 * to be filled in by hand when no signatory is given.
 *
 * <p>HTML is a standalone page (A4 portrait when printed); PDF is drawn with jdih-pdf on A4 portrait, the table
 * continuing on further pages with its header repeated, in the embedded Liberation Sans (a character without a
 * glyph is printed as its code point, as in {@link SopDocumentExporter#pdf(id.go.kpu.jdih.sop.SopDefinition,
 * ExportOptions)}). Every text is escaped. Stateless and thread-safe.
 */
public final class MonitoringFormExporter {

  private MonitoringFormExporter() {}

  /** The form as HTML, Indonesian labels, with a blank signature block. */
  public static String html(MonitoringForm form) {
    return html(form, Language.defaultLanguage(), Optional.empty());
  }

  /** The form as HTML with labels in {@code language}, signed by {@code monitor} or with a blank signature block. */
  public static String html(MonitoringForm form, Language language, Optional<Signatory> monitor) {
    checkNotNull(form, "form");
    checkNotNull(language, "language");
    checkNotNull(monitor, "monitor");
    Language l = language;
    StringBuilder b = new StringBuilder(16 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"").append(l == Language.EN ? "en" : "id").append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"jdih-export\">\n<title>")
        .append(t(Labels.MONITORING, l)).append(" \u2013 ").append(esc(form.sopTitle())).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<section class=\"page monitoring\">\n")
        .append("<h1>").append(t(Labels.MONITORING, l)).append("</h1>\n<table class=\"head\">\n");
    head(b, Labels.NAME, form.sopTitle(), l, "name");
    head(b, Labels.NUMBER, form.sopNumber(), l, "number");
    head(b, Labels.UNIT, form.unit(), l, "unit");
    head(b, Labels.PERIOD, period(form, l), l, "period");
    head(b, Labels.CASES, String.valueOf(form.casesAssessed()), l, "cases");
    b.append("</table>\n<table class=\"rows\">\n<colgroup><col class=\"c-no\"><col class=\"c-proc\"><col class=\"c-pen\">")
        .append("<col class=\"c-notes\"><col class=\"c-act\"></colgroup>\n<thead><tr><th>").append(t(Labels.NO, l))
        .append("</th><th>").append(t(Labels.PROCEDURE, l)).append("</th><th>").append(t(Labels.ASSESSMENT, l))
        .append("<br><span class=\"options\">").append(t(Labels.ASSESSMENT_OPTIONS, l)).append("</span></th><th>")
        .append(t(Labels.NOTES, l)).append("</th><th>").append(t(Labels.ACTIONS, l)).append("</th></tr>\n")
        .append("<tr class=\"colnum\"><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr></thead>\n<tbody>\n");
    for (Row r : form.rows()) {
      b.append("<tr data-activity=\"").append(r.number()).append("\"><td class=\"no\">").append(r.number())
          .append(".</td><td class=\"proc\">").append(esc(r.procedure())).append("</td><td class=\"pen\" data-assessment=\"")
          .append(r.assessment().name()).append("\">").append(esc(r.assessment().label().in(l)))
          .append("</td><td class=\"notes\">").append(esc(r.notes().in(l))).append("</td><td class=\"act\">");
      if (r.actions().isEmpty()) {
        b.append("\u2013");
      } else {
        b.append("<ul>");
        for (Text a : r.actions()) {
          b.append("<li>").append(esc(a.in(l))).append("</li>");
        }
        b.append("</ul>");
      }
      b.append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n<div class=\"signature\"><p>").append(t(Labels.MONITORED_BY, l)).append("</p>");
    if (monitor.isPresent()) {
      Signatory s = monitor.get();
      b.append("<p>").append(esc(s.position())).append("</p><div class=\"sign-space\"></div><p class=\"name\">")
          .append(esc(s.name())).append("</p>");
      s.nip().ifPresent(n -> b.append("<p>").append(t(Labels.NIP, l)).append(' ').append(esc(n.formatted()))
          .append("</p>"));
    } else {
      b.append("<div class=\"sign-space\"></div><p>(").append(BLANK).append(")</p><p>").append(t(Labels.NIP, l))
          .append(' ').append(BLANK_NIP).append("</p>");
    }
    b.append("</div>\n</section>\n</body>\n</html>\n");
    return b.toString();
  }

  /** The form as PDF (A4 portrait), Indonesian labels, with a blank signature block. */
  public static byte[] pdf(MonitoringForm form) {
    return pdf(form, Language.defaultLanguage(), Optional.empty());
  }

  /** The form as PDF (A4 portrait) with labels in {@code language}, signed by {@code monitor} or left blank. */
  public static byte[] pdf(MonitoringForm form, Language language, Optional<Signatory> monitor) {
    checkNotNull(form, "form");
    checkNotNull(language, "language");
    checkNotNull(monitor, "monitor");
    try (PdfDocument pdf = PdfDocument.builder().title(Labels.MONITORING.in(language) + " - " + form.sopTitle())
        .creator("jdih-export").producer("jdih-export (jdih-pdf, Apache PDFBox)").build()) {
      new PdfForm(pdf, form, language, monitor).draw();
      return pdf.toBytes();
    }
  }

  private static final String BLANK = "....................................";
  private static final String BLANK_NIP = "..............................";

  private static String t(Text text, Language l) {
    return esc(text.in(l));
  }

  private static void head(StringBuilder b, Text label, String value, Language l, String key) {
    b.append("<tr><th>").append(t(label, l)).append("</th><td class=\"colon\">:</td><td data-field=\"").append(key)
        .append("\">").append(esc(value)).append("</td></tr>\n");
  }

  static String period(MonitoringForm form, Language l) {
    return Dates.format(form.from(), l) + " \u2013 " + Dates.format(form.to(), l);
  }

  private static final String CSS = """
      @page { size: A4 portrait; margin: 15mm; }
      * { box-sizing: border-box; }
      body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10pt; color: #000; margin: 0; }
      p { margin: 0; }
      @media screen {
        body { background: #d9d9d9; }
        .page { background: #fff; width: 210mm; min-height: 297mm; margin: 6mm auto; padding: 15mm; }
      }
      h1 { font-size: 13pt; text-align: center; margin: 0 0 6mm; }
      table { border-collapse: collapse; width: 100%; }
      table.head { margin-bottom: 5mm; }
      table.head th { text-align: left; width: 28%; font-weight: bold; padding: 1.5mm 0; vertical-align: top; }
      table.head td { padding: 1.5mm 0; vertical-align: top; }
      table.head td.colon { width: 3%; }
      table.rows { table-layout: fixed; font-size: 9pt; }
      table.rows th, table.rows td { border: 1px solid #000; padding: 4px 5px; vertical-align: top; text-align: left; }
      table.rows thead th { text-align: center; vertical-align: middle; background: #f2f2f2; }
      table.rows .options { font-weight: normal; font-size: 8pt; }
      table.rows tr.colnum td { text-align: center; font-size: 7pt; padding: 1px; background: #f2f2f2; }
      table.rows tbody tr { break-inside: avoid; page-break-inside: avoid; }
      col.c-no { width: 8%; } col.c-proc { width: 27%; } col.c-pen { width: 17%; } col.c-notes { width: 26%; }
      col.c-act { width: 22%; }
      td.no { text-align: center !important; }
      td.act ul { margin: 0; padding-left: 1.2em; }
      .signature { width: 45%; margin: 10mm 0 0 auto; text-align: center; break-inside: avoid; }
      .signature .sign-space { height: 20mm; }
      .signature p.name { font-weight: bold; text-decoration: underline; }
      """;

  /** The PDF layout. */
  private static final class PdfForm {
    private static final float M = 40;
    private static final float PAD = 4;
    private static final float SIZE = 8.5f;
    private static final float LW = 0.6f;

    private final PdfDocument pdf;
    private final PdfFont font;
    private PdfCanvas canvas;
    private final MonitoringForm form;
    private final Language l;
    private final Optional<Signatory> monitor;
    private final float pageW = PageSize.A4_PORTRAIT.width();
    private final float pageH = PageSize.A4_PORTRAIT.height();
    private final float[] cols;

    PdfForm(PdfDocument pdf, MonitoringForm form, Language l, Optional<Signatory> monitor) {
      this.pdf = pdf;
      this.font = pdf.font();
      this.form = form;
      this.l = l;
      this.monitor = monitor;
      float w = pageW - 2 * M;
      cols = new float[] {w * 0.08f, w * 0.27f, w * 0.17f, w * 0.26f, w * 0.22f};
    }

    void draw() {
      canvas = pdf.newPage(PageSize.A4_PORTRAIT, 1);
      float y = M;
      float w = pageW - 2 * M;
      y += canvas.block(Labels.MONITORING.in(l), TextStyle.BOLD, 13, M, y, w, Align.CENTER) + 14;
      y = head(y, Labels.NAME, form.sopTitle());
      y = head(y, Labels.NUMBER, form.sopNumber());
      y = head(y, Labels.UNIT, form.unit());
      y = head(y, Labels.PERIOD, period(form, l));
      y = head(y, Labels.CASES, String.valueOf(form.casesAssessed())) + 8;
      y = header(y);
      for (Row r : form.rows()) {
        String[] cells = cells(r);
        float h = 0;
        for (int i = 0; i < cols.length; i++) {
          h = Math.max(h, font.blockHeight(cells[i], SIZE, cols[i] - 2 * PAD));
        }
        h += 2 * PAD;
        if (y + h > pageH - M) {
          canvas = pdf.newPage(PageSize.A4_PORTRAIT, 1);
          y = header(M);
        }
        float x = M;
        for (int i = 0; i < cols.length; i++) {
          canvas.rect(x, y, cols[i], h, Paint.stroke(LW));
          canvas.block(cells[i], TextStyle.REGULAR, SIZE, x + PAD, y + PAD, cols[i] - 2 * PAD,
              i == 0 ? Align.CENTER : Align.LEFT);
          x += cols[i];
        }
        y += h;
      }
      signature(y + 24);
    }

    private String[] cells(Row r) {
      String actions = r.actions().isEmpty() ? "\u2013"
          : String.join("\n", r.actions().stream().map(a -> "\u2022 " + a.in(l)).toList());
      return new String[] {r.number() + ".", r.procedure(), r.assessment().label().in(l), r.notes().in(l), actions};
    }

    private float head(float y, Text label, String value) {
      float labelW = 150;
      float valueW = pageW - 2 * M - labelW - 12;
      canvas.block(label.in(l), TextStyle.BOLD, 9.5f, M, y, labelW, Align.LEFT);
      canvas.text(":", TextStyle.REGULAR, 9.5f, M + labelW, y + 9.5f * 0.92f);
      float h = canvas.block(value, TextStyle.REGULAR, 9.5f, M + labelW + 12, y, valueW, Align.LEFT);
      return y + Math.max(h, PdfFont.leading(9.5f)) + 3;
    }

    private float header(float y) {
      List<String> heads = List.of(Labels.NO.in(l), Labels.PROCEDURE.in(l),
          Labels.ASSESSMENT.in(l) + "\n" + Labels.ASSESSMENT_OPTIONS.in(l), Labels.NOTES.in(l), Labels.ACTIONS.in(l));
      float h = 0;
      for (int i = 0; i < cols.length; i++) {
        h = Math.max(h, font.blockHeight(heads.get(i), SIZE, cols[i] - 2 * PAD));
      }
      h += 2 * PAD;
      float x = M;
      for (int i = 0; i < cols.length; i++) {
        canvas.rect(x, y, cols[i], h, Paint.fillAndStroke(0.95f, LW));
        float th = font.blockHeight(heads.get(i), SIZE, cols[i] - 2 * PAD);
        canvas.block(heads.get(i), TextStyle.BOLD, SIZE, x + PAD, y + (h - th) / 2, cols[i] - 2 * PAD, Align.CENTER);
        canvas.rect(x, y + h, cols[i], 10, Paint.fillAndStroke(0.95f, LW));
        String n = String.valueOf(i + 1);
        canvas.text(n, TextStyle.REGULAR, 6, x + (cols[i] - font.width(n, 6)) / 2, y + h + 7.5f);
        x += cols[i];
      }
      return y + h + 10;
    }

    private void signature(float y) {
      float w = 230;
      float need = 110;
      if (y + need > pageH - M) {
        canvas = pdf.newPage(PageSize.A4_PORTRAIT, 1);
        y = M;
      }
      float x = pageW - M - w;
      float sy = y;
      sy += canvas.block(Labels.MONITORED_BY.in(l), TextStyle.REGULAR, 10, x, sy, w, Align.CENTER);
      if (monitor.isPresent()) {
        Signatory s = monitor.get();
        sy += canvas.block(s.position(), TextStyle.REGULAR, 10, x, sy, w, Align.CENTER) + 50;
        float nh = canvas.block(s.name(), TextStyle.BOLD, 10, x, sy, w, Align.CENTER);
        float nw = Math.min(w, font.width(s.name(), 10));
        canvas.line(x + (w - nw) / 2, sy + 11, x + (w + nw) / 2, sy + 11, 0.5f);
        sy += nh;
        if (s.nip().isPresent()) {
          canvas.block(Labels.NIP.in(l) + " " + s.nip().get().formatted(), TextStyle.REGULAR, 10, x, sy, w,
              Align.CENTER);
        }
      } else {
        sy += 60;
        sy += canvas.block("(" + BLANK + ")", TextStyle.REGULAR, 10, x, sy, w, Align.CENTER);
        canvas.block(Labels.NIP.in(l) + " " + BLANK_NIP, TextStyle.REGULAR, 10, x, sy, w, Align.CENTER);
      }
    }
  }
}
