package id.go.kpu.jdih.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The built-in values, the rule book and an office's override. */
class PlatformRuleBookTest {

  private static final long MB = 1024L * 1024L;

  private static List<MediaItem> jpegs(int n) {
    return Collections.nCopies(n, new MediaItem("media/1", "image/jpeg", 1080, 1080, 500_000, "0".repeat(64)));
  }

  @Test
  void builtInInstagramRules() {
    assertThat(PlatformRules.of(Platform.INSTAGRAM)).isEqualTo(new PlatformRules(Platform.INSTAGRAM, 2_200,
        CaptionCounting.CODE_POINTS, OptionalInt.empty(), OptionalInt.of(30), OptionalInt.of(20),
        ImmutableSet.of("image/jpeg"), 8 * MB, OptionalDouble.of(0.8), OptionalDouble.of(1.91), OptionalInt.of(320),
        OptionalInt.of(1440), 1, 10));
  }

  @Test
  void builtInRulesOfTheOtherPlatforms() {
    assertThat(PlatformRules.of(Platform.FACEBOOK)).isEqualTo(new PlatformRules(Platform.FACEBOOK, 63_206,
        CaptionCounting.CODE_POINTS, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
        ImmutableSet.of("image/jpeg", "image/png", "image/gif"), 10 * MB, OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalInt.empty(), OptionalInt.empty(), 0, 10));
    assertThat(PlatformRules.of(Platform.THREADS)).isEqualTo(new PlatformRules(Platform.THREADS, 500,
        CaptionCounting.CODE_POINTS, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
        ImmutableSet.of("image/jpeg", "image/png"), 8 * MB, OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalInt.of(320), OptionalInt.of(1440), 0, 20));
    assertThat(PlatformRules.of(Platform.X)).isEqualTo(new PlatformRules(Platform.X, 280,
        CaptionCounting.X_WEIGHTED, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
        ImmutableSet.of("image/jpeg", "image/png", "image/gif", "image/webp"), 5 * MB, OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalInt.empty(), OptionalInt.empty(), 0, 4));
    assertThat(PlatformRules.of(Platform.TELEGRAM)).isEqualTo(new PlatformRules(Platform.TELEGRAM, 1_024,
        CaptionCounting.UTF16_UNITS, OptionalInt.of(4_096), OptionalInt.empty(), OptionalInt.empty(),
        ImmutableSet.of("image/jpeg", "image/png", "image/webp"), 10 * MB, OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalInt.empty(), OptionalInt.empty(), 0, 10));
  }

  @Test
  void defaultsHoldTheBuiltInRulesOfEveryPlatform() {
    PlatformRuleBook book = PlatformRuleBook.defaults();
    assertThat(book.rules().keySet()).containsExactly(Platform.values());
    for (Platform p : Platform.values()) {
      assertThat(book.rules(p)).isEqualTo(PlatformRules.of(p));
    }
  }

  @Test
  void anOfficeOverridesOnePlatformAsData() {
    PlatformRuleBook defaults = PlatformRuleBook.defaults();
    PlatformRules twentyItems = defaults.rules(Platform.INSTAGRAM).toBuilder().items(1, 20).build();
    PlatformRuleBook office = defaults.with(twentyItems);

    assertThat(office.rules(Platform.INSTAGRAM).maxItems()).isEqualTo(20);
    assertThat(office.rules(Platform.INSTAGRAM).checkMedia(jpegs(11), "media")).isEmpty();
    // the defaults are unchanged and still refuse 11
    assertThat(defaults.rules(Platform.INSTAGRAM).checkMedia(jpegs(11), "media")).hasSize(1);
    // the other platforms keep their rules; only the maximum changed on Instagram
    for (Platform p : List.of(Platform.FACEBOOK, Platform.THREADS, Platform.X, Platform.TELEGRAM)) {
      assertThat(office.rules(p)).isEqualTo(defaults.rules(p));
    }
    assertThat(office.rules(Platform.INSTAGRAM).toBuilder().items(1, 10).build())
        .isEqualTo(PlatformRules.of(Platform.INSTAGRAM));
  }

  @Test
  void aBookMustCoverEveryPlatformUnderItsOwnName() {
    assertThatThrownBy(() -> new PlatformRuleBook(
        ImmutableMap.of(Platform.INSTAGRAM, PlatformRules.of(Platform.INSTAGRAM))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no rules for FACEBOOK");
    // X's entry replaced by Telegram's rules
    ImmutableMap<Platform, PlatformRules> swapped = ImmutableMap.<Platform, PlatformRules>builder()
        .putAll(PlatformRuleBook.defaults().rules()).put(Platform.X, PlatformRules.of(Platform.TELEGRAM))
        .buildKeepingLast();
    assertThatThrownBy(() -> new PlatformRuleBook(swapped))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rules for TELEGRAM filed under X");
  }

  @Test
  void inconsistentRulesAreRefused() {
    PlatformRules.Builder x = PlatformRules.of(Platform.X).toBuilder();
    assertThatThrownBy(() -> x.captionMaxLength(0).build()).isInstanceOf(IllegalArgumentException.class);
    PlatformRules.Builder y = PlatformRules.of(Platform.X).toBuilder();
    assertThatThrownBy(() -> y.items(5, 4).build()).isInstanceOf(IllegalArgumentException.class);
    PlatformRules.Builder z = PlatformRules.of(Platform.X).toBuilder();
    assertThatThrownBy(() -> z.mediaTypes("image/JPEG").build()).isInstanceOf(IllegalArgumentException.class);
    PlatformRules.Builder w = PlatformRules.of(Platform.INSTAGRAM).toBuilder();
    assertThatThrownBy(() -> w.aspectRatio(1.91, 0.8).build()).isInstanceOf(IllegalArgumentException.class);
  }
}
