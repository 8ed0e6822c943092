package id.go.kpu.jdih.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.testkit.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class SopDocumentPdfTest {

  // Samples for looking at; a build output, like the test reports.
  private static final Path SAMPLES = Path.of("target", "export-samples");

  @Test
  void theReferenceSopOnFourA4LandscapePagesWithEveryTextOfTheSeed() throws IOException {
    byte[] pdf = SopDocumentExporter.pdf(ReferenceSop.definition());
    keep("sop-reference", pdf);
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
  void textOutsideWindows1252ComesOutAsWritten() throws IOException {
    byte[] pdf = SopDocumentExporter.pdf(Definitions.unicode());
    keep("sop-unicode", pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(4);
      assertThat(doc.getDocumentInformation().getTitle())
          .isEqualTo("SOP 6 Tahun 2023 - PENGELOLAAN AKUN “JDIH” – UJI …");
      assertThat(text(doc, 1, 1)).contains("PENGELOLAAN AKUN “JDIH” – UJI …");
      assertThat(text(doc, 2, 2)).contains("Āisyah Putri Schröder", "SEKRETARIS KPU – UJI",
          "Dasar: " + Definitions.UNICODE);
      assertThat(text(doc, 3, 4)).contains("Rapat: " + Definitions.UNICODE, "Kasubag Hukum – José", "Ket. ‘ö’",
          "KPU – UJI", "SOP 6 Tahun 2023 \u2014 Halaman 3 dari 4");
      assertThat(text(doc, 4, 4)).contains("Āisyah Putri Schröder");
      assertThat(text(doc, 1, 4)).doesNotContain("?");
      assertThat(doc.getDocumentInformation().getCustomMetadataValue("JdihMissingGlyphs")).isNull();
    }
  }

  @Test
  void charactersTheFontLacksArePrintedAsTheirCodePointsAndListed() throws IOException {
    var sop = ReferenceSop.definition().toBuilder()
        .title("JUDUL \u2265 \u03a9 \ud83d\ude00 \u2713 " + Definitions.SCRIPT).build();
    try (PDDocument doc = Loader.loadPDF(SopDocumentExporter.pdf(sop))) {
      assertThat(text(doc, 1, 1))
          .contains("JUDUL \u2265 \u03a9 [U+1F600] [U+2713] <script>alert('x')</script> & \"co\"");
      assertThat(doc.getDocumentInformation().getCustomMetadataValue("JdihMissingGlyphs"))
          .isEqualTo("U+1F600 GRINNING FACE; U+2713 CHECK MARK");
    }
  }

  /** Writes the PDF and a PNG of each page under target/export-samples to look at; checks every page has ink. */
  static void keep(String name, byte[] pdf) throws IOException {
    Files.createDirectories(SAMPLES);
    Files.write(SAMPLES.resolve(name + ".pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, 100);
        assertThat(dark(image)).as("page %d has ink", i + 1).isGreaterThan(100);
        ImageIO.write(image, "png", SAMPLES.resolve(name + "-" + (i + 1) + ".png").toFile());
      }
    }
  }

  private static int dark(BufferedImage image) {
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
          dark++;
        }
      }
    }
    return dark;
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
