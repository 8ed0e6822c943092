package id.go.kpu.jdih.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class PdfFontTest {

  @Test
  void cleansWhatTheFontCannotDraw() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PdfFont font = new PdfFont(doc);
      // Indonesian and the usual punctuation are kept as they are.
      String kept = "Sekretaris – “Rapat” … 400 × 500; é ñ";
      assertThat(font.clean(kept)).isEqualTo(kept);
      // An emoji with its variation selector becomes one "?"; a script the font lacks too.
      assertThat(font.clean("Pemilu \uD83D\uDDF3\uFE0F \u0915")).isEqualTo("Pemilu ? ?");
      // Fullwidth letters decompose to ASCII; control characters go; tabs and CR LF become space and LF.
      assertThat(font.clean("\uFF2B\uFF30\uFF35\ta\r\nb\u0007\u200D")).isEqualTo("KPU a\nb");
      // Decomposed input is composed first, so "e" + combining acute prints as one "é".
      assertThat(font.clean("e\u0301")).isEqualTo("é");
    }
  }

  @Test
  void wrapsAtSpacesAndBreaksOverlongWords() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PdfFont font = new PdfFont(doc);
      var lines = font.wrap("satu dua tiga empat lima enam tujuh delapan " + "x".repeat(200) + "\nakhir", 100, 8);
      assertThat(lines).allSatisfy(l -> assertThat(font.width(l, 8)).isLessThanOrEqualTo(100f));
      assertThat(String.join(" ", lines).replace(" ", "")).isEqualTo(
          ("satuduatigaempatlimaenamtujuhdelapan" + "x".repeat(200) + "akhir"));
      assertThat(lines.get(lines.size() - 1)).isEqualTo("akhir");
      assertThat(lines.get(0)).isEqualTo("satu dua tiga empat lima");
    }
  }
}
