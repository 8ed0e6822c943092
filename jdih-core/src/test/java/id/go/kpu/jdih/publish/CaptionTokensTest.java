package id.go.kpu.jdih.publish;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.testkit.property.Gen;
import id.go.kpu.jdih.testkit.property.Property;
import id.go.kpu.jdih.testkit.property.PropertyReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** URLs, hashtags and mentions found in a caption. */
class CaptionTokensTest {

  private static final String CAPTION = "Simak #PemiluDamai dan #JDIH_KPU di https://jdih.kpu.go.id/#beranda, "
      + "surel jdih@kpu.go.id, sebut @kpu_ri. #\u9078\u6319 &#39; #2024 @jdih.kpu";

  @Test
  void urlsWithoutTrailingPunctuationAndNotFromEmailAddresses() {
    assertThat(CaptionTokens.urls(CAPTION)).containsExactly("https://jdih.kpu.go.id/#beranda");
    assertThat(CaptionTokens.urls("Kunjungi jdih.kpu.go.id/peraturan?tahun=2024. Atau KPU.GO.ID!"))
        .containsExactly("jdih.kpu.go.id/peraturan?tahun=2024", "KPU.GO.ID");
  }

  @Test
  void wordsWithDotsAreNotUrlsUnlessTheTldIsKnown() {
    // "s.d." and "No.8" end in no known top-level domain; "example.community" is not "example.co"
    assertThat(CaptionTokens.urls("Pasal 1 s.d. Pasal 8, No.8, example.community")).isEmpty();
  }

  @Test
  void hashtagsOutsideUrlsInAnyScriptButNotHtmlEntities() {
    // #beranda is inside the URL; "&#39;" is an entity
    assertThat(CaptionTokens.hashtags(CAPTION)).containsExactly("PemiluDamai", "JDIH_KPU", "\u9078\u6319", "2024");
  }

  @Test
  void mentionsButNotEmailAddresses() {
    // jdih@kpu.go.id is an address; the sentence dot after kpu_ri is not part of the name; inner dots are
    assertThat(CaptionTokens.mentions(CAPTION)).containsExactly("kpu_ri", "jdih.kpu");
  }

  @Test
  void aRepeatedTagCountsEachTime() {
    assertThat(CaptionTokens.hashtags("#KPU #KPU #kpu")).hasSize(3);
    assertThat(CaptionTokens.hashtags("nomor#1 # kosong")).isEmpty();
  }

  @Test
  void theShortCutForTextsWithoutAUrlAgreesWithThePattern() {
    // Texts built from the pieces URLs are made of, so that near-misses ("10/HK.04", "teknis. #JDIH", "a.b", "x://")
    // are common; the short cut must never drop a URL the pattern finds.
    Gen<String> texts = Gen.listOf(Gen.oneOf(List.of("jdih", "kpu", "go", "id", "ID", "Co", "com", ".", ". ", "..",
        ":", "//", "://", "https", "http", " ", "#", "@", "é", "1", "04", "-", "/", ")", "(", "?", "x", "\n", "＃")),
        0, 14).map(parts -> String.join("", parts));
    PropertyReport report = Property.named("URL short cut agrees with the pattern").tries(5_000)
        .forAll(texts, t -> assertThat(CaptionTokens.urlSpans(t)).as(t).isEqualTo(CaptionTokens.urlSpansFullScan(t)));
    assertThat(report.triesRun()).isEqualTo(5_000);
    assertThat(CaptionTokens.mayContainUrl("Kenali Keputusan KPU 10/HK.04/08/2022. #JDIH")).isFalse();
    assertThat(CaptionTokens.mayContainUrl("lihat jdih.kpu.go.id")).isTrue();
    assertThat(CaptionTokens.mayContainUrl("lihat HTTPS://x")).isTrue();
  }
}
