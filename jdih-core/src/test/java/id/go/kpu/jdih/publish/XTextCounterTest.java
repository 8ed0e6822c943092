package id.go.kpu.jdih.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** X's weighted length (twitter-text config v3). Every expected number is worked out by hand in the comment. */
class XTextCounterTest {

  private static String cps(int... codePoints) {
    return new String(codePoints, 0, codePoints.length);
  }

  @Test
  void indonesianLatinTextWeighsOneACharacter() {
    // Peraturan 9 + sp 1 + KPU 3 + sp 1 + Nomor 5 + sp 1 + 8 1 + sp 1 + Tahun 5 + sp 1 + 2024 4 + sp 1 + telah 5
    // + sp 1 + "diundangkan." 12 = 51
    assertThat(XTextCounter.weightedLength("Peraturan KPU Nomor 8 Tahun 2024 telah diundangkan.")).isEqualTo(51);
  }

  @Test
  void generalPunctuationRangesWeighOneButEllipsisWeighsTwo() {
    // Pemilu 6, sp 1, "2024:" 5, sp 1, U+201C 1, jujur 5, sp 1, & 1, sp 1, adil 4, U+201D 1, sp 1, U+2014 1, sp 1,
    // "ayo!" 4 = 34 (curly quotes and em dash lie in U+2010-U+201F)
    assertThat(XTextCounter.weightedLength("Pemilu 2024: \u201Cjujur & adil\u201D \u2014 ayo!")).isEqualTo(34);
    // Tunggu 6 + U+2026 (outside every light range) 2 = 8
    assertThat(XTextCounter.weightedLength("Tunggu\u2026")).isEqualTo(8);
  }

  @Test
  void emptyTextWeighsNothing() {
    assertThat(XTextCounter.weightedLength("")).isZero();
  }

  @Test
  void aLongHttpsUrlWeighs23() {
    String url = "https://jdih.kpu.go.id/peraturan/detail/2024/8/peraturan-komisi-pemilihan-umum-nomor-8-tahun-2024";
    // "https://" 8 + "jdih.kpu.go.id" 14 + "/peraturan" 10 + "/detail" 7 + "/2024" 5 + "/8" 2
    // + "/peraturan-komisi-pemilihan-umum-nomor-8-tahun-2024" 51 = 97 characters, yet it weighs 23
    assertThat(url).hasSize(97);
    // "Baca " 5 + URL 23 = 28
    assertThat(XTextCounter.weightedLength("Baca " + url)).isEqualTo(28);
  }

  @Test
  void aShortUrlAlsoWeighs23() {
    // "http://t.co" is 11 characters but still 23
    assertThat(XTextCounter.weightedLength("http://t.co")).isEqualTo(23);
  }

  @Test
  void bareDomainsAreUrls() {
    // "Lihat " 6 + "jdih.kpu.go.id/peraturan" 23 = 29
    assertThat(XTextCounter.weightedLength("Lihat jdih.kpu.go.id/peraturan")).isEqualTo(29);
    // "Situs: " 7 + kpu.go.id 23 + " dan " 5 + example.com 23 = 58
    assertThat(XTextCounter.weightedLength("Situs: kpu.go.id dan example.com")).isEqualTo(58);
  }

  @Test
  void sentencePunctuationAfterAUrlIsText() {
    // "Kunjungi " 9 + jdih.kpu.go.id 23 + "." 1 = 33
    assertThat(XTextCounter.weightedLength("Kunjungi jdih.kpu.go.id.")).isEqualTo(33);
    // "(lihat " 7 + https://kpu.go.id 23 + ")" 1 = 31
    assertThat(XTextCounter.weightedLength("(lihat https://kpu.go.id)")).isEqualTo(31);
  }

  @Test
  void theDomainOfAnEmailAddressIsNotAUrl() {
    // 14 Latin characters, no URL
    assertThat(XTextCounter.weightedLength("jdih@kpu.go.id")).isEqualTo(14);
  }

  @Test
  void aSingleEmojiWeighsTwo() {
    // U+1F600 = 2
    assertThat(XTextCounter.weightedLength(cps(0x1F600))).isEqualTo(2);
    // "Halo " 5 + U+1F44B 2 = 7
    assertThat(XTextCounter.weightedLength("Halo " + cps(0x1F44B))).isEqualTo(7);
  }

  @Test
  void anEmojiWithASkinToneWeighsTwo() {
    // thumbs up + medium skin tone: one sequence = 2 (code point by code point it would be 2 + 2 = 4)
    assertThat(XTextCounter.weightedLength(cps(0x1F44D, 0x1F3FD))).isEqualTo(2);
  }

  @Test
  void aZwjFamilyWeighsTwo() {
    // man ZWJ woman ZWJ girl ZWJ boy: one sequence = 2 (per code point: 4 x 2 + 3 x 1 = 11)
    assertThat(XTextCounter.weightedLength(cps(0x1F468, 0x200D, 0x1F469, 0x200D, 0x1F467, 0x200D, 0x1F466)))
        .isEqualTo(2);
    // woman + skin tone ZWJ staff of aesculapius + VS16: one sequence = 2
    assertThat(XTextCounter.weightedLength(cps(0x1F469, 0x1F3FD, 0x200D, 0x2695, 0xFE0F))).isEqualTo(2);
  }

  @Test
  void aFlagWeighsTwo() {
    // regional indicators I + D = flag of Indonesia = 2 (per code point: 4)
    assertThat(XTextCounter.weightedLength(cps(0x1F1EE, 0x1F1E9))).isEqualTo(2);
    // ID flag + JP flag: the indicators pair up as ID, JP = 2 + 2 = 4
    assertThat(XTextCounter.weightedLength(cps(0x1F1EE, 0x1F1E9, 0x1F1EF, 0x1F1F5))).isEqualTo(4);
    // black flag + tags g b e n g + cancel tag (England) = 2
    assertThat(XTextCounter.weightedLength(
        cps(0x1F3F4, 0xE0067, 0xE0062, 0xE0065, 0xE006E, 0xE0067, 0xE007F))).isEqualTo(2);
  }

  @Test
  void aKeycapWeighsTwo() {
    // 1 + VS16 + combining enclosing keycap = 2 (per code point: 1 + 2 + 2 = 5)
    assertThat(XTextCounter.weightedLength(cps('1', 0xFE0F, 0x20E3))).isEqualTo(2);
    // # + VS16 + keycap = 2
    assertThat(XTextCounter.weightedLength(cps('#', 0xFE0F, 0x20E3))).isEqualTo(2);
    // plain digits are not keycaps: 4 x 1 = 4
    assertThat(XTextCounter.weightedLength("2024")).isEqualTo(4);
  }

  @Test
  void variationSelector16BelongsToTheEmoji() {
    // heavy black heart + VS16 = 2 (per code point: 2 + 2 = 4)
    assertThat(XTextCounter.weightedLength(cps(0x2764, 0xFE0F))).isEqualTo(2);
    // copyright sign alone is text in the light range: 1 + " KPU" 4 = 5
    assertThat(XTextCounter.weightedLength("\u00A9 KPU")).isEqualTo(5);
    // copyright sign + VS16 is an emoji: 2
    assertThat(XTextCounter.weightedLength(cps(0x00A9, 0xFE0F))).isEqualTo(2);
  }

  @Test
  void cjkAndHangulWeighTwoEach() {
    // 5 Han characters x 2 = 10
    assertThat(XTextCounter.weightedLength("\u9009\u4E3E\u59D4\u5458\u4F1A")).isEqualTo(10);
    // 2 Hangul syllables x 2 = 4
    assertThat(XTextCounter.weightedLength("\uC120\uAC70")).isEqualTo(4);
  }

  @Test
  void mixedText() {
    // "Selamat Hari Pemilu " = 7 + 1 + 4 + 1 + 6 + 1 = 20; ID flag 2; ballot box + VS16 2; total 24
    assertThat(XTextCounter.weightedLength("Selamat Hari Pemilu " + cps(0x1F1EE, 0x1F1E9, 0x1F5F3, 0xFE0F)))
        .isEqualTo(24);
    // 2 Han x 2 = 4, sp 1, KPU 3, sp 1, URL 23, sp 1, thumbs up 2 = 35
    assertThat(XTextCounter.weightedLength("\u9009\u4E3E KPU https://kpu.go.id " + cps(0x1F44D))).isEqualTo(35);
  }

  @Test
  void textIsNormalisedToNfcFirst() {
    // composed: C a f U+00E9 = 4
    assertThat(XTextCounter.weightedLength("Caf\u00E9")).isEqualTo(4);
    // decomposed e + U+0301 composes to U+00E9: also 4 (without NFC it would be 5)
    assertThat(XTextCounter.weightedLength("Cafe\u0301")).isEqualTo(4);
    // conjoining jamo U+1100 U+1161 compose to U+AC00: 2 (without NFC: 2 + 2 = 4)
    assertThat(XTextCounter.weightedLength("\u1100\u1161")).isEqualTo(2);
  }

  @Test
  void captionCountingRulesDifferOnAnEmoji() {
    String grin = cps(0x1F600);
    // one code point, two UTF-16 units, weight 2
    assertThat(CaptionCounting.CODE_POINTS.count(grin)).isEqualTo(1);
    assertThat(CaptionCounting.UTF16_UNITS.count(grin)).isEqualTo(2);
    assertThat(CaptionCounting.X_WEIGHTED.count(grin)).isEqualTo(2);
    // decomposed e-acute: two code points (not normalised), two units, weight 1
    assertThat(CaptionCounting.CODE_POINTS.count("e\u0301")).isEqualTo(2);
    assertThat(CaptionCounting.X_WEIGHTED.count("e\u0301")).isEqualTo(1);
  }
}
