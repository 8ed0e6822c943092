package id.go.kpu.jdih.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

class PdfFontTest {

  @Test
  void theFontComesFromPdfbox() {
    assertThat(PDType0Font.class.getResource(PdfFont.RESOURCE)).isNotNull();
  }

  @Test
  void indonesianTextAndItsPunctuationAreKeptAsTheyAre() {
    try (PdfDocument doc = PdfDocument.builder().build()) {
      PdfFont font = doc.font();
      assertThat(font.printable(Samples.UNICODE)).isEqualTo(Samples.UNICODE);
      String more = "400 × 500; • € № ΑΩ Жж ñ\u2007\u202f";
      assertThat(font.printable(more)).isEqualTo(more);
      assertThat(doc.missingGlyphs()).isEmpty();
    }
  }

  @Test
  void textIsComposedAndItsWhiteSpaceAndInvisibleCharactersAreTidied() {
    try (PdfDocument doc = PdfDocument.builder().build()) {
      PdfFont font = doc.font();
      // "e" + combining acute prints as one "é"; CR LF, CR and the Unicode separators are line ends.
      assertThat(font.printable("e\u0301\r\na\rb\u2028c")).isEqualTo("é\na\nb\nc");
      // Tabs and an em space are breaking spaces; controls, zero-width joiners, soft hyphens and variation
      // selectors are invisible and removed.
      assertThat(font.printable("a\tb\u2003c\u0007d\u200de\u00adf\ufe0fg")).isEqualTo("a b cdefg");
      // Fullwidth letters decompose to ones the font has.
      assertThat(font.printable("\uff2b\uff30\uff35")).isEqualTo("KPU");
      assertThat(doc.missingGlyphs()).isEmpty();
    }
  }

  @Test
  void aCharacterWithoutAGlyphIsPrintedAsItsCodePointAndReported() {
    try (PdfDocument doc = PdfDocument.builder().build()) {
      PdfFont font = doc.font();
      assertThat(font.covers('✓')).isFalse();
      assertThat(font.covers('ā')).isTrue();
      assertThat(font.printable("Hadir ✓, Pemilu \uD83D\uDDF3\uFE0F, aksara \u0915 ✓"))
          .isEqualTo("Hadir [U+2713], Pemilu [U+1F5F3], aksara [U+0915] [U+2713]");
      assertThat(doc.missingGlyphs()).containsExactly(new MissingGlyph(0x2713), new MissingGlyph(0x1F5F3),
          new MissingGlyph(0x0915));
      assertThat(doc.missingGlyphs().get(0)).hasToString("U+2713 CHECK MARK");
      assertThat(doc.missingGlyphs().get(1).name()).isEqualTo("BALLOT BOX WITH BALLOT");
      // The replacement is printable itself, so preparing twice changes nothing.
      assertThat(font.printable("[U+2713]")).isEqualTo("[U+2713]");
    }
  }

  @Test
  void underFailATextWithACharacterWithoutAGlyphIsRefused() {
    try (PdfDocument doc = PdfDocument.builder().missingGlyphs(MissingGlyphPolicy.FAIL).build()) {
      MissingGlyphException e = catchThrowableOfType(MissingGlyphException.class,
          () -> doc.font().printable("Hadir ✓ dan \u0915 ✓"));
      assertThat(e.missing()).containsExactly(new MissingGlyph(0x2713), new MissingGlyph(0x0915));
      assertThat(e.text()).isEqualTo("Hadir ✓ dan \u0915 ✓");
      assertThat(e.getMessage()).contains("tidak memiliki glyph untuk U+2713 CHECK MARK, U+0915 DEVANAGARI LETTER KA",
          " / the font Liberation Sans has no glyph for U+2713 CHECK MARK");
      assertThat(doc.missingGlyphs()).isEmpty();
      // Measuring fails the same way, so a layout fails before it draws anything.
      assertThatThrownBy(() -> doc.font().width("✓", 10)).isInstanceOf(MissingGlyphException.class);
      assertThat(doc.font().printable(Samples.UNICODE)).isEqualTo(Samples.UNICODE);
    }
  }

  @Test
  void wrapsAtSpacesButNeverAtANoBreakSpaceAndBreaksOverlongWords() {
    try (PdfDocument doc = PdfDocument.builder().build()) {
      PdfFont font = doc.font();
      List<String> lines = font.wrap("satu dua tiga empat lima enam tujuh delapan " + "x".repeat(200) + "\nakhir",
          8, 100);
      assertThat(lines).allSatisfy(l -> assertThat(font.width(l, 8)).isLessThanOrEqualTo(100f));
      assertThat(String.join(" ", lines).replace(" ", ""))
          .isEqualTo("satuduatigaempatlimaenamtujuhdelapan" + "x".repeat(200) + "akhir");
      assertThat(lines.get(0)).isEqualTo("satu dua tiga empat lima");
      assertThat(lines.get(lines.size() - 1)).isEqualTo("akhir");
      // "Rp 1.000" with a no-break space stays on one line, though "aaaa Rp" would fit on the first.
      float width = font.width("Rp\u00a01.000", 10) + 1;
      assertThat(font.width("aaaa Rp", 10)).isLessThan(width);
      assertThat(font.wrap("aaaa Rp\u00a01.000", 10, width)).containsExactly("aaaa", "Rp\u00a01.000");
      // An overlong path breaks after a slash.
      assertThat(font.wrap("jdih.kpu.go.id/peraturan/keputusan", 10, font.width("jdih.kpu.go.id/peraturan/", 10)))
          .containsExactly("jdih.kpu.go.id/peraturan/", "keputusan");
      assertThat(font.wrap("", 10, 50)).containsExactly("");
    }
  }

  /**
   * A megabyte without a space (a pasted hash, a minified text) wraps into full lines that put it back together;
   * it used to be measured again from its start for every line it gave, which took minutes in an archive. The time
   * limit only guards against that hang; it is no speed target.
   */
  @Test
  void aMegabyteWithoutASpaceWrapsInOnePass() {
    try (PdfDocument doc = PdfDocument.builder().build()) {
      PdfFont font = doc.font();
      StringBuilder sb = new StringBuilder();
      for (int i = 0; sb.length() < 1_000_000; i++) {
        sb.append((char) ('a' + i % 26)).append(i % 7 == 0 ? "W" : "i");
      }
      String text = sb.toString();
      List<String> lines = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
          () -> font.wrap(text, 9, 400));
      assertThat(String.join("", lines)).isEqualTo(text);
      assertThat(lines).allSatisfy(l -> assertThat(font.width(l, 9)).isLessThanOrEqualTo(400f));
      // Every line but the last is full: one more character would not have fitted.
      for (int i = 0; i < lines.size() - 1; i++) {
        String next = lines.get(i) + lines.get(i + 1).charAt(0);
        assertThat(font.width(next, 9)).as("line %s", i).isGreaterThan(400f);
      }
    }
  }

  @Test
  void measuresWithTheFontsAdvanceWidths() {
    try (PdfDocument doc = PdfDocument.builder().build()) {
      PdfFont font = doc.font();
      // Liberation Sans has Arial's metrics: "i" 222/1000 em, "m" 833, the space 278, the no-break space too.
      assertThat(font.width("i", 1000)).isEqualTo(222f, org.assertj.core.api.Assertions.within(1f));
      assertThat(font.width("m", 1000)).isEqualTo(833f, org.assertj.core.api.Assertions.within(1f));
      assertThat(font.width("\u00a0", 10)).isEqualTo(font.width(" ", 10));
      assertThat(font.width("a\nb", 10)).isEqualTo(font.width("a b", 10));
      assertThat(font.blockHeight("a\nb\nc", 10, 100)).isEqualTo(3 * PdfFont.leading(10));
    }
  }
}
