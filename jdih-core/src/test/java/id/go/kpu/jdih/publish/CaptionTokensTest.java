package id.go.kpu.jdih.publish;

import static org.assertj.core.api.Assertions.assertThat;

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
}
