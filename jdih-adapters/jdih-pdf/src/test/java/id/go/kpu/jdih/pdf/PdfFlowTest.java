package id.go.kpu.jdih.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfFlowTest {

  private static final PdfFlow.Layout LAYOUT = new PdfFlow.Layout(PageSize.A4_PORTRAIT, 42.5f, 42.5f, 56, 56.7f,
      1.25f, 3, "(lanjutan)");

  @Test
  void aLongTableBreaksAcrossPagesWithItsHeaderRepeatedAndEveryPageHasAFooter() throws IOException {
    byte[] bytes;
    try (PdfDocument pdf = PdfDocument.builder().build()) {
      PdfFlow flow = new PdfFlow(pdf, LAYOUT);
      flow.paragraph("Judul “Naskah” – Āisyah", 12, TextStyle.BOLD, Align.CENTER, 0);
      flow.space(4);
      flow.rule(1);
      flow.space(4);
      float[] widths = {50, 110, flow.width() - 160};
      List<List<String>> rows = new ArrayList<>();
      for (int i = 1; i <= 60; i++) {
        rows.add(List.of(String.valueOf(i), "Kegiatan " + i, "Catatan José Schröder … " + i));
      }
      // One row longer than a page: it must continue on the next one.
      rows.add(List.of("61", "Panjang", "Kalimat panjang sekali. ".repeat(400)));
      flow.table(widths, List.of("No", "Kegiatan", "Catatan"), rows, 8, new boolean[] {true, false, false});
      flow.footers(new PdfFlow.Footer() {
        @Override
        public String left(int page, int pages) {
          return "Kasus “uji”";
        }

        @Override
        public String right(int page, int pages) {
          return "Halaman " + page + " dari " + pages;
        }
      }, 7.5f);
      bytes = pdf.toBytes();
    }
    Samples.keep("flow", bytes);
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      int pages = doc.getNumberOfPages();
      assertThat(pages).isGreaterThanOrEqualTo(3);
      for (int p = 1; p <= pages; p++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        String text = stripper.getText(doc);
        assertThat(text).as("page %d", p).contains("Halaman " + p + " dari " + pages, "Kasus “uji”");
        assertThat(Pattern.compile("(?m)^No Kegiatan Catatan").matcher(text).results().count()).as("page %d", p)
            .isEqualTo(1);
      }
      String all = Samples.text(bytes);
      assertThat(all).contains("Judul “Naskah” – Āisyah", "Catatan José Schröder … 60", "(lanjutan)");
      // Every row once, its cells on one line in column order.
      for (int i = 1; i <= 60; i++) {
        assertThat(Pattern.compile("(?m)^" + i + " Kegiatan " + i + " Catatan José Schröder … " + i + "$")
            .matcher(all).results().count()).as("row %d", i).isEqualTo(1);
      }
    }
  }

  @Test
  void ensureStartsANewPageOnlyWhenTheBlockDoesNotFit() {
    try (PdfDocument pdf = PdfDocument.builder().build()) {
      PdfFlow flow = new PdfFlow(pdf, LAYOUT);
      float room = LAYOUT.page().height() - LAYOUT.bottom() - flow.y();
      flow.ensure(room);
      assertThat(pdf.pageCount()).isEqualTo(1);
      flow.space(1);
      flow.ensure(room);
      assertThat(pdf.pageCount()).isEqualTo(2);
      assertThat(flow.y()).isEqualTo(LAYOUT.top());
    }
  }
}
