package id.go.kpu.jdih.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class SopDocumentPdfTest {

  @Test
  void theReferenceSopOnFourA4LandscapePagesWithEveryTextOfTheSeed() throws IOException {
    byte[] pdf = SopDocumentExporter.pdf(ReferenceSop.definition());
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(4); // cover, identity, two flowchart pages
      for (PDPage page : doc.getPages()) {
        assertThat(page.getMediaBox().getWidth()).isCloseTo(841.9f, offset(0.5f));
        assertThat(page.getMediaBox().getHeight()).isCloseTo(595.3f, offset(0.5f));
      }
      assertThat(doc.getDocumentInformation().getTitle()).startsWith("SOP 6 Tahun 2023");
      String text = text(doc, 1, 4);
      assertThat(SopDocumentHtmlTest.SEED_TEXTS).allSatisfy(s -> assertThat(text).contains(s));
      assertThat(count(text(doc, 3, 4), "1 Hari")).isEqualTo(7);
      assertThat(text(doc, 3, 3)).contains("Mulai", "Tidak*", "Ya").doesNotContain("Selesai");
      assertThat(text(doc, 4, 4)).contains("Selesai", "IRMAN SUSANTO", "(lanjutan)", "Halaman 4 dari 4");
      // The off-page connector letter on both sides of the break.
      assertThat(words(doc, 3)).containsOnlyOnce("A");
      assertThat(words(doc, 4)).containsOnlyOnce("A");
    }
  }

  @Test
  void englishLabelsAndAVariantWithASecondApproval() throws IOException {
    byte[] pdf = SopDocumentExporter.pdf(Fixtures.secondApprovalVariant(),
        ExportOptions.defaults().withLanguage(Language.EN).withActivitiesPerPage(8));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      // Eight rows fill the flowchart page; the notes and the signature go to a page of their own.
      assertThat(doc.getNumberOfPages()).isEqualTo(4);
      assertThat(text(doc, 4, 4)).contains("IRMAN SUSANTO", "Page 4 of 4");
      String text = text(doc, 1, 4);
      assertThat(text).contains("STANDARD OPERATING PROCEDURE (SOP)", "Date of approval", "Activity", "Executors",
          "Sekretaris", "Menyetujui desain dan keterangan konten oleh Sekretaris", "4 hours", "Start", "End");
      assertThat(count(text, "Yes")).isEqualTo(2);
      assertThat(count(text, "No*")).isEqualTo(1); // only the reference's reject branch is an addition
    }
  }

  @Test
  void charactersTheStandardFontsLackArePrintedAsQuestionMarks() throws IOException {
    var sop = ReferenceSop.definition().toBuilder().title("JUDUL \u2265 \u03a9 \ud83d\ude00 " + Definitions.SCRIPT).build();
    try (PDDocument doc = Loader.loadPDF(SopDocumentExporter.pdf(sop))) {
      assertThat(text(doc, 1, 1)).contains("JUDUL ? ? ? <script>alert('x')</script> & \"co\"");
    }
  }

  @Test
  void manyLanesAndOneLaneFitTheirPages() throws IOException {
    for (var sop : List.of(Definitions.sixLanes(), Definitions.oneLane(), Definitions.hostile())) {
      try (PDDocument doc = Loader.loadPDF(SopDocumentExporter.pdf(sop))) {
        assertThat(doc.getNumberOfPages()).isBetween(4, 5);
        assertThat(text(doc, 3, doc.getNumberOfPages())).contains("Mulai", "Selesai");
      }
    }
  }

  /** The text of pages {@code from..to} with every run of white space as one space: wrapped lines joined. */
  private static String text(PDDocument doc, int from, int to) throws IOException {
    return String.join(" ", lines(doc, from, to));
  }

  private static List<String> lines(PDDocument doc, int from, int to) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(from);
    stripper.setEndPage(to);
    return Arrays.stream(stripper.getText(doc).split("\\R")).map(String::strip).filter(l -> !l.isEmpty())
        .toList();
  }

  private static List<String> words(PDDocument doc, int page) throws IOException {
    return Arrays.asList(text(doc, page, page).split(" "));
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
