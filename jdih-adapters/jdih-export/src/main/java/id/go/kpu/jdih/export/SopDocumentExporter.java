package id.go.kpu.jdih.export;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.sop.SopDefinition;

/**
 * The printable SOP document of any definition, in the "SOP AP" layout of Permenpan RB No. 35 Tahun 2012: a cover,
 * the identity page (unit, nomor, tanggal pembuatan/revisi/pengesahan, disahkan oleh, nama SOP, dasar hukum,
 * kualifikasi pelaksana, keterkaitan, peralatan/perlengkapan, peringatan, pencatatan dan pendataan), the flowchart
 * table (No, Kegiatan, one lane column per pelaksana, Mutu Baku: Kelengkapan, Waktu, Output; Ket.) with the flow
 * drawn in the lanes, and the signature block.
 *
 * <p>The flow is drawn with the five symbols of the regulation: Mulai/Selesai terminators, a process box per
 * activity in its executor's lane, a decision diamond for each approval with Ya/Tidak exits, arrows, and
 * off-page connectors where the table continues on the next page. A branch the source SOP does not draw (the
 * reference SOP's reject branch) is dashed and explained under the table.
 *
 * <p>Every text of the definition is HTML-escaped. Stateless and thread-safe.
 */
public final class SopDocumentExporter {

  private SopDocumentExporter() {}

  /** The document as a standalone HTML page (inline CSS and SVG, no external resources), Indonesian labels. */
  public static String html(SopDefinition sop) {
    return html(sop, ExportOptions.defaults());
  }

  /** The document as a standalone HTML page, rendered with {@code options}. */
  public static String html(SopDefinition sop, ExportOptions options) {
    checkNotNull(sop, "sop");
    checkNotNull(options, "options");
    return SopHtml.render(sop, options);
  }

  /** The document as PDF (A4 landscape, drawn with jdih-pdf over Apache PDFBox), Indonesian labels. */
  public static byte[] pdf(SopDefinition sop) {
    return pdf(sop, ExportOptions.defaults());
  }

  /**
   * The document as PDF (A4 landscape, drawn with jdih-pdf over Apache PDFBox), rendered with {@code options}. Every
   * text is in the embedded Liberation Sans, so the definition's texts print, and are extracted, as written,
   * including what Windows-1252 lacks ("ā", “ ”, "–", "…", the no-break space); a character the font has no glyph
   * for ("✓", an emoji) is printed as its code point, e.g. {@code [U+2713]}, and listed in the PDF's document
   * information entry {@value id.go.kpu.jdih.pdf.PdfDocument#MISSING_GLYPHS_KEY}.
   */
  public static byte[] pdf(SopDefinition sop, ExportOptions options) {
    checkNotNull(sop, "sop");
    checkNotNull(options, "options");
    return SopPdf.render(sop, options);
  }
}
