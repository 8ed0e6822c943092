package id.go.kpu.jdih.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

class PdfDocumentTest {

  /** Every text drawn in every style, a few shapes and a scaled second page. */
  private static byte[] specimen(PdfDocument pdf) {
    PdfCanvas page = pdf.newPage(PageSize.A4_PORTRAIT);
    float y = 56;
    for (TextStyle style : TextStyle.values()) {
      page.text(Samples.UNICODE, style, 11, 56, y);
      y += 24;
    }
    y += page.block("Blok: " + Samples.UNICODE + " " + Samples.UNICODE, TextStyle.REGULAR, 10, 56, y, 200,
        Align.LEFT);
    page.rect(50, 40, 495, y - 30, Paint.stroke(0.6f));
    page.rect(56, y + 10, 100, 20, Paint.fillAndStroke(0.9f, 0.6f));
    page.pill(180, y + 10, 100, 20, Paint.stroke(0.9f));
    page.polygon(new float[] {330, y + 20, 360, y + 10, 390, y + 20, 360, y + 30}, Paint.fillAndStroke(1, 0.9f));
    page.dashedLine(56, y + 45, 390, y + 45, 0.9f, 3, 2);
    page.line(56, y + 50, 390, y + 50, 0.5f);
    page.text("Hadir ✓", TextStyle.BOLD, 11, 56, y + 70);
    PdfCanvas scaled = pdf.newPage(PageSize.A4_LANDSCAPE, 0.5f);
    assertThat(scaled.width()).isEqualTo(PageSize.A4_LANDSCAPE.width() * 2);
    scaled.block(Samples.UNICODE, TextStyle.BOLD, 20, 60, 60, 1500, Align.CENTER);
    return pdf.toBytes();
  }

  @Test
  void textOutsideWindows1252ComesOutExactlyInEveryStyle() throws IOException {
    byte[] bytes;
    try (PdfDocument pdf = PdfDocument.builder().title("Contoh – ā “é” ö").creator("jdih-pdf test").build()) {
      bytes = specimen(pdf);
    }
    Samples.keep("specimen", bytes);
    List<String> lines = Samples.text(bytes).lines().map(String::strip).toList();
    // The three styles, each on its own line, exactly as drawn.
    assertThat(lines.subList(0, 3)).containsOnly(Samples.UNICODE);
    assertThat(lines).contains("Hadir [U+2713]");
    assertThat(String.join(" ", lines)).contains("Blok: " + Samples.UNICODE + " " + Samples.UNICODE);
    assertThat(lines.get(lines.size() - 1)).isEqualTo(Samples.UNICODE); // the scaled page
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(2);
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Contoh – ā “é” ö");
      assertThat(doc.getDocumentInformation().getCustomMetadataValue(PdfDocument.MISSING_GLYPHS_KEY))
          .isEqualTo("U+2713 CHECK MARK");
      // One font, Liberation Sans as an embedded subset (a tag like ABCDEF+ before its name), and no other.
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage p : doc.getPages()) {
        for (COSName name : p.getResources().getFontNames()) {
          fonts.add(p.getResources().getFont(name));
        }
      }
      assertThat(fonts).isNotEmpty().allSatisfy(f -> {
        assertThat(f).isInstanceOf(PDType0Font.class);
        assertThat(f.getName()).matches("[A-Z]{6}\\+LiberationSans");
        assertThat(f.isEmbedded()).isTrue();
      });
    }
  }

  @Test
  void whatTheFontLacksIsReportedOnceEachInTheOrderMet() {
    try (PdfDocument pdf = PdfDocument.builder().build()) {
      PdfCanvas page = pdf.newPage(PageSize.A4_PORTRAIT);
      page.text("a ✓ \u0915", TextStyle.REGULAR, 10, 10, 20);
      page.block("✓ \uD83D\uDE00", TextStyle.REGULAR, 10, 10, 40, 100, Align.LEFT);
      assertThat(pdf.missingGlyphs()).extracting(MissingGlyph::notation).containsExactly("U+2713", "U+0915",
          "U+1F600");
    }
  }

  @Test
  void underFailNothingOfARefusedTextIsDrawn() throws IOException {
    byte[] bytes;
    try (PdfDocument pdf = PdfDocument.builder().missingGlyphs(MissingGlyphPolicy.FAIL).build()) {
      PdfCanvas page = pdf.newPage(PageSize.A4_PORTRAIT);
      page.text("Sebelum", TextStyle.REGULAR, 10, 10, 20);
      assertThatThrownBy(() -> page.block("Baris satu\nbaris dua ✓", TextStyle.REGULAR, 10, 10, 40, 200,
          Align.LEFT)).isInstanceOf(MissingGlyphException.class).hasMessageContaining("U+2713");
      page.text("Sesudah", TextStyle.REGULAR, 10, 10, 80);
      bytes = pdf.toBytes();
    }
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertThat(doc.getDocumentInformation().getCustomMetadataValue(PdfDocument.MISSING_GLYPHS_KEY)).isNull();
    }
    assertThat(Samples.text(bytes)).contains("Sebelum", "Sesudah").doesNotContain("Baris");
  }

  @Test
  void theSameDrawingAndTimestampGiveTheSameBytes() throws IOException {
    Instant at = Instant.parse("2024-03-20T03:15:00Z");
    byte[] first;
    byte[] second;
    try (PdfDocument pdf = PdfDocument.builder().title("Sama").timestamp(at).build()) {
      first = specimen(pdf);
    }
    try (PdfDocument pdf = PdfDocument.builder().title("Sama").timestamp(at).build()) {
      second = specimen(pdf);
    }
    assertThat(first).isEqualTo(second);
    try (PDDocument doc = Loader.loadPDF(first)) {
      assertThat(doc.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(at);
    }
  }

  @Test
  void aCanvasClosesWhenTheNextPageOpensAndTheDocumentIsSavedOnce() {
    try (PdfDocument pdf = PdfDocument.builder().build()) {
      assertThatThrownBy(pdf::toBytes).isInstanceOf(IllegalStateException.class).hasMessageContaining("no page");
      PdfCanvas first = pdf.newPage(PageSize.A4_PORTRAIT);
      PdfCanvas second = pdf.newPage(PageSize.A4_PORTRAIT);
      assertThatThrownBy(() -> first.text("x", TextStyle.REGULAR, 10, 10, 10))
          .isInstanceOf(IllegalStateException.class);
      second.text("x", TextStyle.REGULAR, 10, 10, 10);
      PdfCanvas again = pdf.appendTo(0);
      assertThatThrownBy(() -> second.line(0, 0, 1, 1, 1)).isInstanceOf(IllegalStateException.class);
      again.text("y", TextStyle.REGULAR, 10, 10, 10);
      assertThatThrownBy(() -> pdf.appendTo(2)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThat(pdf.toBytes()).isNotEmpty();
      assertThatThrownBy(pdf::toBytes).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> pdf.newPage(PageSize.A4_PORTRAIT)).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> again.text("z", TextStyle.REGULAR, 10, 10, 10))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
