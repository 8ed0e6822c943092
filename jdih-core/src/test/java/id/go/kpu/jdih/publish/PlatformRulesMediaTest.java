package id.go.kpu.jdih.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.validation.Violation;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Media checks: type, size, aspect ratio, width and item count, per platform. */
class PlatformRulesMediaTest {

  private static final PlatformRules INSTAGRAM = PlatformRules.of(Platform.INSTAGRAM);
  private static final long MB = 1024L * 1024L;

  private static MediaItem item(String type, int width, int height, long bytes) {
    return new MediaItem("media/1", type, width, height, bytes, "0".repeat(64));
  }

  private static MediaItem jpeg(int width, int height) {
    return item("image/jpeg", width, height, 500_000);
  }

  private static List<MediaItem> jpegs(int n) {
    return Collections.nCopies(n, jpeg(1080, 1080));
  }

  @Test
  void instagramAcceptsA4To5JpegOfExactly8Mb() {
    assertThat(INSTAGRAM.checkMedia(List.of(item("image/jpeg", 1080, 1350, 8 * MB)), "media")).isEmpty();
  }

  @Test
  void instagramRefusesPng() {
    assertThat(INSTAGRAM.checkMedia(List.of(item("image/png", 1080, 1080, 1_000)), "media"))
        .containsExactly(new Violation("media[0].mediaType", "MediaType", Text.of(
            "Jenis media image/png tidak diterima Instagram (yang diterima: image/jpeg)",
            "Media type image/png is not accepted by Instagram (accepted: image/jpeg)")));
  }

  @Test
  void instagramRefuses8MbPlusOneByte() {
    // 8 x 1,048,576 + 1 = 8,388,609
    assertThat(INSTAGRAM.checkMedia(List.of(item("image/jpeg", 1080, 1080, 8 * MB + 1)), "media"))
        .containsExactly(new Violation("media[0].bytes", "MediaBytes", Text.of(
            "Ukuran berkas untuk Instagram 8.388.609 bita, melebihi batas 8.388.608 bita (8 MB)",
            "File size for Instagram is 8,388,609 bytes, over the limit of 8,388,608 bytes (8 MB)")));
  }

  @Test
  void instagramRefusesAspectRatio079() {
    // 790 / 1000 = 0.79 < 0.8
    assertThat(INSTAGRAM.checkMedia(List.of(jpeg(790, 1000)), "media"))
        .containsExactly(new Violation("media[0]", "AspectRatio", Text.of(
            "Rasio aspek untuk Instagram 0,790 (790 x 1000 px), kurang dari batas minimum 0,800",
            "Aspect ratio for Instagram is 0.790 (790 x 1000 px), under the minimum of 0.800")));
  }

  @Test
  void instagramRefusesAspectRatio192() {
    // 1440 / 750 = 1.92 > 1.91
    assertThat(INSTAGRAM.checkMedia(List.of(jpeg(1440, 750)), "media"))
        .containsExactly(new Violation("media[0]", "AspectRatio", Text.of(
            "Rasio aspek untuk Instagram 1,920 (1440 x 750 px), melebihi batas 1,910",
            "Aspect ratio for Instagram is 1.920 (1440 x 750 px), over the limit of 1.910")));
  }

  @Test
  void instagramAcceptsAspectRatios08And191Inclusive() {
    // 1080 / 1350 = 0.8 exactly; 1337 / 700 = 1.91 exactly
    assertThat(INSTAGRAM.checkMedia(List.of(jpeg(1080, 1350), jpeg(1337, 700)), "media")).isEmpty();
  }

  @Test
  void instagramRefusesWidth319And1441() {
    assertThat(INSTAGRAM.checkMedia(List.of(jpeg(319, 319), jpeg(1441, 1441)), "media")).containsExactly(
        new Violation("media[0].width", "Width", Text.of(
            "Lebar gambar untuk Instagram 319 px, kurang dari batas minimum 320 px",
            "Width for Instagram is 319 px, under the minimum of 320 px")),
        new Violation("media[1].width", "Width", Text.of(
            "Lebar gambar untuk Instagram 1.441 px, melebihi batas 1.440 px",
            "Width for Instagram is 1,441 px, over the limit of 1,440 px")));
  }

  @Test
  void instagramAcceptsWidth320And1440() {
    assertThat(INSTAGRAM.checkMedia(List.of(jpeg(320, 320), jpeg(1440, 1440)), "media")).isEmpty();
  }

  @Test
  void instagramAccepts10ItemsAndRefuses11AndNone() {
    assertThat(INSTAGRAM.checkMedia(jpegs(10), "media")).isEmpty();
    assertThat(INSTAGRAM.checkMedia(jpegs(11), "media")).containsExactly(new Violation("media", "ItemCount",
        Text.of("Jumlah media untuk Instagram 11, melebihi batas 10",
            "Media for Instagram has 11 items, over the limit of 10")));
    // Instagram has no text-only post
    assertThat(INSTAGRAM.checkMedia(List.of(), "media")).containsExactly(new Violation("media", "ItemCount",
        Text.of("Jumlah media untuk Instagram 0, kurang dari batas minimum 1",
            "Media for Instagram has 0 items, under the minimum of 1")));
  }

  @Test
  void everyBrokenRuleOfEveryItemIsReportedAtItsIndex() {
    // third item: PNG, 9 MB, 2000 x 500 (ratio 4.0, width 2000) breaks four rules
    ImmutableList<Violation> v = INSTAGRAM.checkMedia(
        List.of(jpeg(1080, 1080), jpeg(1080, 1080), item("image/png", 2000, 500, 9 * MB)), "post.media");
    assertThat(v).extracting(Violation::path, Violation::rule).containsExactly(
        tuple("post.media[2].mediaType", "MediaType"),
        tuple("post.media[2].bytes", "MediaBytes"),
        tuple("post.media[2]", "AspectRatio"),
        tuple("post.media[2].width", "Width"));
  }

  @Test
  void xAcceptsFourImagesAndRefusesFive() {
    PlatformRules x = PlatformRules.of(Platform.X);
    assertThat(x.checkMedia(jpegs(4), "media")).isEmpty();
    assertThat(x.checkMedia(jpegs(5), "media")).extracting(v -> v.message().en())
        .containsExactly("Media for X has 5 items, over the limit of 4");
  }

  @Test
  void xTakesWebpUpTo5Mb() {
    PlatformRules x = PlatformRules.of(Platform.X);
    assertThat(x.checkMedia(List.of(item("image/webp", 2000, 500, 5 * MB)), "m")).isEmpty();
    // 5 x 1,048,576 + 1 = 5,242,881
    assertThat(x.checkMedia(List.of(item("image/webp", 2000, 500, 5 * MB + 1)), "m"))
        .extracting(v -> v.message().en())
        .containsExactly("File size for X is 5,242,881 bytes, over the limit of 5,242,880 bytes (5 MB)");
  }

  @Test
  void telegramMediaGroupOf10IsAcceptedAnd11Refused() {
    PlatformRules telegram = PlatformRules.of(Platform.TELEGRAM);
    assertThat(telegram.checkMedia(jpegs(10), "media")).isEmpty();
    assertThat(telegram.checkMedia(jpegs(11), "media")).extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("media", "ItemCount"));
    assertThat(telegram.checkMedia(List.of(item("image/gif", 500, 500, 1_000)), "media"))
        .extracting(Violation::rule).containsExactly("MediaType");
  }

  @Test
  void facebookTakesPngAndGifUpTo10MbAndTenItems() {
    PlatformRules facebook = PlatformRules.of(Platform.FACEBOOK);
    assertThat(facebook.checkMedia(List.of(item("image/png", 3000, 200, 10 * MB),
        item("image/gif", 100, 100, 1_000)), "media")).isEmpty();
    assertThat(facebook.checkMedia(List.of(item("image/webp", 100, 100, 10 * MB + 1)), "media"))
        .extracting(Violation::rule).containsExactly("MediaType", "MediaBytes");
    assertThat(facebook.checkMedia(jpegs(11), "media")).extracting(Violation::rule).containsExactly("ItemCount");
  }

  @Test
  void threadsTakes20ItemsAndLimitsWidth() {
    PlatformRules threads = PlatformRules.of(Platform.THREADS);
    assertThat(threads.checkMedia(jpegs(20), "media")).isEmpty();
    assertThat(threads.checkMedia(jpegs(21), "media")).extracting(Violation::rule).containsExactly("ItemCount");
    assertThat(threads.checkMedia(List.of(jpeg(1441, 1441)), "media")).extracting(Violation::path)
        .containsExactly("media[0].width");
  }

  @Test
  void checkPostUsesTheTextOnlyLimitOnlyWithoutMedia() {
    PlatformRules telegram = PlatformRules.of(Platform.TELEGRAM);
    String text = "a".repeat(2_000);
    assertThat(telegram.checkPost(text, List.of(), "post")).isEmpty();
    assertThat(telegram.checkPost(text, List.of(jpeg(1080, 1080)), "post"))
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("post.caption", "CaptionLength"));
    // Instagram: a post without media is refused at the media path; root path has no leading dot
    assertThat(INSTAGRAM.checkPost("Halo", List.of(), "")).extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("media", "ItemCount"));
  }
}
