/**
 * The one PDF drawing layer of jdih (used by jdih-export for the SOP document and the monitoring form, and by
 * jdih-archive for a case's hardcopy), over Apache PDFBox.
 *
 * <ul>
 *   <li>{@link id.go.kpu.jdih.pdf.PdfDocument}: a document, its metadata and pages; {@link
 *       id.go.kpu.jdih.pdf.PdfDocument#toBytes()} saves it.
 *   <li>{@link id.go.kpu.jdih.pdf.PdfCanvas}: drawing on one page with the origin at the top left, in points
 *       (optionally scaled): text lines and wrapped blocks ({@link id.go.kpu.jdih.pdf.TextStyle}, {@link
 *       id.go.kpu.jdih.pdf.Align}), lines, dashed lines, rectangles, polygons, terminators ({@link
 *       id.go.kpu.jdih.pdf.Paint}).
 *   <li>{@link id.go.kpu.jdih.pdf.PdfFlow}: a flowing layout across pages: paragraphs, rules, tables whose rows
 *       break across pages with the header repeated, footers with the page count.
 *   <li>{@link id.go.kpu.jdih.pdf.PdfFont}: measuring and wrapping.
 * </ul>
 *
 * <h2>Font</h2>
 *
 * <p>Every text is drawn in Liberation Sans Regular, the TrueType font PDFBox ships inside its jar (SIL Open Font
 * License 1.1; see the "Liberation Fonts" section of PDFBox's {@code META-INF/LICENSE}), embedded as a subset, so
 * the PDF shows the same glyphs everywhere and text extracted from it (PDFBox's {@code PDFTextStripper}, a PDF
 * viewer's copy) is the text that was drawn: PDFBox writes a {@code ToUnicode} map for the embedded font. It covers
 * Latin (all of Indonesian, names such as "Āisyah", "José", "Schröder"), Greek, Cyrillic and the usual punctuation
 * (“ ” ‘ ’ – — … • × €) and the no-break space; it has no "✓", no emoji and no scripts such as Devanagari or
 * Arabic.
 *
 * <p>PDFBox bundles no bold or italic Liberation Sans. A Liberation Sans Bold file would be allowed by its licence
 * (SIL OFL 1.1 permits bundling and embedding), but it would be a new third-party artefact of the project, so there
 * is none: bold is the regular glyphs filled and stroked ({@link id.go.kpu.jdih.pdf.TextStyle#BOLD}), italic the
 * regular glyphs slanted ({@link id.go.kpu.jdih.pdf.TextStyle#ITALIC}).
 *
 * <h2>Characters without a glyph</h2>
 *
 * <p>Never a {@code ?} and never silently left out. A character the font cannot draw is first replaced by its
 * compatibility decomposition where the font has that (fullwidth "ＫＰＵ" prints "KPU"); otherwise the document's
 * {@link id.go.kpu.jdih.pdf.MissingGlyphPolicy} decides: {@code REPLACE} (the default) prints its code point in
 * brackets, {@code [U+2713]} for "✓", so the paper copy still says exactly what the text held, and reports it in
 * {@link id.go.kpu.jdih.pdf.PdfDocument#missingGlyphs()} and in the PDF's document information ({@value
 * id.go.kpu.jdih.pdf.PdfDocument#MISSING_GLYPHS_KEY}); {@code FAIL} throws {@link
 * id.go.kpu.jdih.pdf.MissingGlyphException} naming each one, before anything of the text is drawn. Only
 * characters that are invisible by definition (control and format characters such as zero-width joiners and soft
 * hyphens, variation selectors) are removed. The details are in {@link id.go.kpu.jdih.pdf.PdfFont}.
 *
 * <h2>Threads</h2>
 *
 * <p>A document and everything it hands out (canvas, flow, font) belong to one thread; separate documents can be
 * built in parallel. {@link id.go.kpu.jdih.pdf.MissingGlyph} and {@link id.go.kpu.jdih.pdf.Paint} are immutable.
 */
package id.go.kpu.jdih.pdf;
