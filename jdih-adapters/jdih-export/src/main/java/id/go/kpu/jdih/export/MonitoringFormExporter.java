package id.go.kpu.jdih.export;

import static com.google.common.base.Preconditions.checkNotNull;
import static id.go.kpu.jdih.export.Html.esc;

import id.go.kpu.jdih.compliance.MonitoringForm;
import id.go.kpu.jdih.compliance.MonitoringForm.Row;
import id.go.kpu.jdih.export.Pdf.Align;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import java.util.List;
import java.util.Optional;

/**
 * Renders a filled {@link MonitoringForm} in the layout of the "Monitoring Pelaksanaan SOP AP" form of Permenpan RB
 * No. 35 Tahun 2012: the heading, Nama SOP, Nomor SOP, Unit and Periode, a table No | Prosedur | Penilaian terhadap
 * penerapan (Berjalan dengan baik / Tidak berjalan dengan baik) | Catatan hasil penilaian | Tindakan yang harus
 * diambil, and the signature block of the person who did the monitoring ("Yang melakukan monitoring"), left blank
 * to be filled in by hand when no signatory is given.
 *
 * <p>HTML is a standalone page (A4 portrait when printed); PDF is drawn with Apache PDFBox on A4 portrait, the
 * table continuing on further pages with its header repeated. Every text is escaped. Stateless and thread-safe.
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
    try (Pdf pdf = new Pdf(Labels.MONITORING.in(language) + " - " + form.sopTitle())) {
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

    private final Pdf pdf;
    private final MonitoringForm form;
    private final Language l;
    private final Optional<Signatory> monitor;
    private final float pageW = Pdf.A4_PORTRAIT.getWidth();
    private final float pageH = Pdf.A4_PORTRAIT.getHeight();
    private final float[] cols;

    PdfForm(Pdf pdf, MonitoringForm form, Language l, Optional<Signatory> monitor) {
      this.pdf = pdf;
      this.form = form;
      this.l = l;
      this.monitor = monitor;
      float w = pageW - 2 * M;
      cols = new float[] {w * 0.08f, w * 0.27f, w * 0.17f, w * 0.26f, w * 0.22f};
    }

    void draw() {
      pdf.newPage(Pdf.A4_PORTRAIT, 1);
      float y = M;
      float w = pageW - 2 * M;
      y += pdf.block(Labels.MONITORING.in(l), pdf.bold, 13, M, y, w, Align.CENTER) + 14;
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
          h = Math.max(h, pdf.blockHeight(cells[i], pdf.regular, SIZE, cols[i] - 2 * PAD));
        }
        h += 2 * PAD;
        if (y + h > pageH - M) {
          pdf.newPage(Pdf.A4_PORTRAIT, 1);
          y = header(M);
        }
        float x = M;
        for (int i = 0; i < cols.length; i++) {
          pdf.rect(x, y, cols[i], h, -1, true, LW);
          pdf.block(cells[i], pdf.regular, SIZE, x + PAD, y + PAD, cols[i] - 2 * PAD, i == 0 ? Align.CENTER : Align.LEFT);
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
      pdf.block(label.in(l), pdf.bold, 9.5f, M, y, labelW, Align.LEFT);
      pdf.text(":", pdf.regular, 9.5f, M + labelW, y + 9.5f * 0.92f);
      float h = pdf.block(value, pdf.regular, 9.5f, M + labelW + 12, y, valueW, Align.LEFT);
      return y + Math.max(h, Pdf.leading(9.5f)) + 3;
    }

    private float header(float y) {
      List<String> heads = List.of(Labels.NO.in(l), Labels.PROCEDURE.in(l),
          Labels.ASSESSMENT.in(l) + "\n" + Labels.ASSESSMENT_OPTIONS.in(l), Labels.NOTES.in(l), Labels.ACTIONS.in(l));
      float h = 0;
      for (int i = 0; i < cols.length; i++) {
        h = Math.max(h, pdf.blockHeight(heads.get(i), pdf.bold, SIZE, cols[i] - 2 * PAD));
      }
      h += 2 * PAD;
      float x = M;
      for (int i = 0; i < cols.length; i++) {
        pdf.rect(x, y, cols[i], h, 0.95f, true, LW);
        float th = pdf.blockHeight(heads.get(i), pdf.bold, SIZE, cols[i] - 2 * PAD);
        pdf.block(heads.get(i), pdf.bold, SIZE, x + PAD, y + (h - th) / 2, cols[i] - 2 * PAD, Align.CENTER);
        pdf.rect(x, y + h, cols[i], 10, 0.95f, true, LW);
        String n = String.valueOf(i + 1);
        pdf.text(n, pdf.regular, 6, x + (cols[i] - pdf.width(n, pdf.regular, 6)) / 2, y + h + 7.5f);
        x += cols[i];
      }
      return y + h + 10;
    }

    private void signature(float y) {
      float w = 230;
      float need = 110;
      if (y + need > pageH - M) {
        pdf.newPage(Pdf.A4_PORTRAIT, 1);
        y = M;
      }
      float x = pageW - M - w;
      float sy = y;
      sy += pdf.block(Labels.MONITORED_BY.in(l), pdf.regular, 10, x, sy, w, Align.CENTER);
      if (monitor.isPresent()) {
        Signatory s = monitor.get();
        sy += pdf.block(s.position(), pdf.regular, 10, x, sy, w, Align.CENTER) + 50;
        float nh = pdf.block(s.name(), pdf.bold, 10, x, sy, w, Align.CENTER);
        float nw = Math.min(w, pdf.width(s.name(), pdf.bold, 10));
        pdf.line(x + (w - nw) / 2, sy + 11, x + (w + nw) / 2, sy + 11, 0.5f, false);
        sy += nh;
        if (s.nip().isPresent()) {
          pdf.block(Labels.NIP.in(l) + " " + s.nip().get().formatted(), pdf.regular, 10, x, sy, w, Align.CENTER);
        }
      } else {
        sy += 60;
        sy += pdf.block("(" + BLANK + ")", pdf.regular, 10, x, sy, w, Align.CENTER);
        pdf.block(Labels.NIP.in(l) + " " + BLANK_NIP, pdf.regular, 10, x, sy, w, Align.CENTER);
      }
    }
  }
}
