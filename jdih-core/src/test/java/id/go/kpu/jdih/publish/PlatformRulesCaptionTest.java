package id.go.kpu.jdih.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.validation.Violation;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Caption checks: length per counting rule, hashtags, mentions, and Telegram's two limits. */
class PlatformRulesCaptionTest {

  private static final PlatformRules INSTAGRAM = PlatformRules.of(Platform.INSTAGRAM);
  private static final PlatformRules X = PlatformRules.of(Platform.X);
  private static final PlatformRules TELEGRAM = PlatformRules.of(Platform.TELEGRAM);
  private static final String GRIN = new String(Character.toChars(0x1F600));
  private static final String LONG_URL =
      "https://jdih.kpu.go.id/peraturan/detail/2024/8/peraturan-komisi-pemilihan-umum-nomor-8-tahun-2024";

  private static String tags(String prefix, int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
  }

  @Test
  void instagramAcceptsExactly2200Characters() {
    assertThat(INSTAGRAM.checkCaption("a".repeat(2_200), "caption")).isEmpty();
  }

  @Test
  void instagramRefuses2201CharactersNamingPlatformLimitAndLength() {
    ImmutableList<Violation> v = INSTAGRAM.checkCaption("a".repeat(2_201), "caption");
    assertThat(v).containsExactly(new Violation("caption", "CaptionLength", Text.of(
        "Keterangan untuk Instagram 2.201 karakter, melebihi batas 2.200",
        "Caption for Instagram is 2,201 characters, over the limit of 2,200")));
  }

  @Test
  void instagramCountsCodePointsNotUtf16Units() {
    // 2,200 emoji = 2,200 code points (4,400 UTF-16 units): accepted
    assertThat(INSTAGRAM.captionLength(GRIN.repeat(2_200))).isEqualTo(2_200);
    assertThat(INSTAGRAM.checkCaption(GRIN.repeat(2_200), "caption")).isEmpty();
  }

  @Test
  void instagramAccepts30HashtagsAndRefuses31() {
    assertThat(INSTAGRAM.checkCaption(tags("#pemilu", 30), "caption")).isEmpty();
    assertThat(INSTAGRAM.checkCaption(tags("#pemilu", 31), "caption")).containsExactly(new Violation("caption",
        "Hashtags", Text.of("Keterangan untuk Instagram memuat 31 tagar, melebihi batas 30",
            "Caption for Instagram has 31 hashtags, over the limit of 30")));
  }

  @Test
  void instagramAccepts20MentionsAndRefuses21() {
    assertThat(INSTAGRAM.checkCaption(tags("@akun", 20), "caption")).isEmpty();
    assertThat(INSTAGRAM.checkCaption(tags("@akun", 21), "caption")).containsExactly(new Violation("caption",
        "Mentions", Text.of("Keterangan untuk Instagram memuat 21 sebutan akun (@), melebihi batas 20",
            "Caption for Instagram has 21 mentions, over the limit of 20")));
  }

  @Test
  void everyBrokenCaptionRuleIsReported() {
    // 31 tags + 21 mentions, padded past 2,200 code points
    String text = tags("#t", 31) + " " + tags("@m", 21) + " " + "a".repeat(2_200);
    assertThat(INSTAGRAM.checkCaption(text, "c")).extracting(Violation::rule)
        .containsExactly("CaptionLength", "Hashtags", "Mentions");
  }

  @Test
  void xAccepts280WeightedAndRefuses281() {
    assertThat(X.checkCaption("a".repeat(280), "text")).isEmpty();
    assertThat(X.checkCaption("a".repeat(281), "text")).containsExactly(new Violation("text", "CaptionLength",
        Text.of("Keterangan untuk X 281 karakter berbobot, melebihi batas 280",
            "Caption for X is 281 weighted characters, over the limit of 280")));
  }

  @Test
  void xBoundaryWithCjkAndUrl() {
    // 140 Han x 2 = 280: accepted; 141 x 2 = 282: refused
    assertThat(X.checkCaption("\u9009".repeat(140), "t")).isEmpty();
    assertThat(X.checkCaption("\u9009".repeat(141), "t")).extracting(Violation::rule)
        .containsExactly("CaptionLength");
    // 256 + space 1 + URL 23 = 280: accepted; 257 + 1 + 23 = 281: refused
    assertThat(X.checkCaption("a".repeat(256) + " " + LONG_URL, "t")).isEmpty();
    assertThat(X.checkCaption("a".repeat(257) + " " + LONG_URL, "t")).extracting(Violation::rule)
        .containsExactly("CaptionLength");
  }

  @Test
  void xHasNoHashtagOrMentionLimit() {
    // 31 tags "#t1".."#t31": 9 x 3 + 22 x 4 + 30 spaces = 27 + 88 + 30 = 145 weighted, under 280
    assertThat(X.captionLength(tags("#t", 31))).isEqualTo(145);
    assertThat(X.checkCaption(tags("#t", 31), "t")).isEmpty();
  }

  @Test
  void telegramCaptionLimitIs1024WithMediaAnd4096Without() {
    assertThat(TELEGRAM.captionLimit(1)).isEqualTo(1_024);
    assertThat(TELEGRAM.captionLimit(0)).isEqualTo(4_096);
    assertThat(TELEGRAM.checkCaption("a".repeat(1_024), "caption")).isEmpty();
    assertThat(TELEGRAM.checkCaption("a".repeat(1_025), "caption")).containsExactly(new Violation("caption",
        "CaptionLength", Text.of("Keterangan untuk Telegram 1.025 karakter, melebihi batas 1.024",
            "Caption for Telegram is 1,025 characters, over the limit of 1,024")));
    assertThat(TELEGRAM.checkCaption("a".repeat(1_025), 0, "text")).isEmpty();
    assertThat(TELEGRAM.checkCaption("a".repeat(4_096), 0, "text")).isEmpty();
    assertThat(TELEGRAM.checkCaption("a".repeat(4_097), 0, "text")).containsExactly(new Violation("text",
        "CaptionLength", Text.of("Teks untuk Telegram 4.097 karakter, melebihi batas 4.096",
            "Text for Telegram is 4,097 characters, over the limit of 4,096")));
  }

  @Test
  void telegramCountsUtf16Units() {
    // 512 emoji x 2 units = 1,024: accepted; 513 x 2 = 1,026: refused
    assertThat(TELEGRAM.checkCaption(GRIN.repeat(512), "c")).isEmpty();
    assertThat(TELEGRAM.checkCaption(GRIN.repeat(513), "c")).extracting(v -> v.message().en())
        .containsExactly("Caption for Telegram is 1,026 characters, over the limit of 1,024");
  }

  @Test
  void facebookAndThreadsLengthBoundaries() {
    PlatformRules facebook = PlatformRules.of(Platform.FACEBOOK);
    PlatformRules threads = PlatformRules.of(Platform.THREADS);
    assertThat(facebook.checkCaption("a".repeat(63_206), "c")).isEmpty();
    assertThat(facebook.checkCaption("a".repeat(63_207), "c")).extracting(v -> v.message().id())
        .containsExactly("Keterangan untuk Facebook 63.207 karakter, melebihi batas 63.206");
    assertThat(threads.checkCaption("a".repeat(500), "c")).isEmpty();
    assertThat(threads.checkCaption("a".repeat(501), "c")).extracting(v -> v.message().en())
        .containsExactly("Caption for Threads is 501 characters, over the limit of 500");
  }
}
