package id.go.kpu.jdih.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.testkit.property.Gen;
import id.go.kpu.jdih.testkit.property.Property;
import id.go.kpu.jdih.testkit.property.PropertyReport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scanning captions for URLs, hashtags and mentions: no input overflows the stack or takes more than linear time,
 * and on ordinary (short) texts the scanners find exactly what the old regular expressions found.
 */
class CaptionScanningTest {

  /** 64 KiB, the largest caption the properties below generate. */
  private static final int MAX_TEXT = 64 * 1024;

  // The pieces texts are made of: near-misses of URLs, tags and mentions, brackets, emoji, marks and other scripts.
  private static final List<String> PIECES = List.of("a", "Z", "9", ".", "@", "＠", "#", "＃", "/", ":", "-", "_",
      " ", "\n", "\t", "id", "go", "kpu", "CO", "com", "http", "https", "://", "(", ")", "[", "]", "?", "&", "$",
      "<", "\"", "'", ",", "é", "e\u0301", "\u0663", "\u9078", "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD",
      "\u200D", "\uFE0F", "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC7F", "\uD835\uDC00", "\uD83C\uDDEE",
      "\uD800", "\uDC00", "1\u20E3", "\u00A9", "\u2026");

  // Runs that made the old patterns recurse once per repetition or scan quadratically.
  private static final List<String> RUNS = List.of("a.", "@a.", "#a a.id ", ")", "a-", "1.", "\uD83D\uDE00\u200D",
      "a.id/)", "go.id ");

  private static String repeat(String s, int times) {
    return s.repeat(times);
  }

  /**
   * Runs {@code check} on a new thread with a 512 KiB stack, as a worker thread of a small container may have (the
   * test runner's main thread has a much larger one, on which a deep recursion may still fit).
   */
  private static void onWorkerThread(Runnable check) {
    Throwable[] failure = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        check.run();
      } catch (Throwable e) {
        failure[0] = e;
      }
    }, "caption-check", 512 * 1024);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (failure[0] instanceof Error e) {
      throw e;
    }
    if (failure[0] instanceof RuntimeException e) {
      throw e;
    }
  }

  @Test
  void aLongChainOfDottedLabelsDoesNotOverflowTheStack() {
    String text = repeat("a.", 20_000) + "-";
    onWorkerThread(() -> {
      // no URL (no label is a known top-level domain): 40,001 characters of weight 1
      assertThat(XTextCounter.weightedLength(text)).isEqualTo(40_001);
      assertThat(CaptionTokens.urls(text)).isEmpty();
    });
  }

  @Test
  void aLongDottedMentionDoesNotOverflowTheStack() {
    String text = "@" + repeat("a.", 20_000);
    onWorkerThread(() -> {
      // one mention: the name with its inner dots, without the final one
      assertThat(CaptionTokens.mentions(text)).containsExactly(repeat("a.", 20_000).substring(0, 39_999));
      assertThat(PlatformRules.of(Platform.INSTAGRAM).checkCaption(text, "caption"))
          .extracting(v -> v.rule()).containsExactly("CaptionLength");
    });
  }

  @Test
  void hashtagsBesideManyUrlsAreCountedInLinearTime() {
    String text = repeat("#a a.id ", 20_000); // 160 KB: 20,000 tags and 20,000 URLs
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      for (int i = 0; i < 10; i++) {
        assertThat(CaptionTokens.hashtags(text)).isNotEmpty();
      }
    });
  }

  @Test
  void adversarial64KbCaptionsAreCountedQuickly() {
    int n = MAX_TEXT;
    List<String> texts = List.of(
        repeat("a.", n / 2),
        repeat("a.", n / 2 - 1) + "-",
        "@" + repeat("a.", n / 2 - 1),
        "#" + repeat("a", n - 1),
        "https://a" + repeat(")", n - 9),
        "kpu.go.id/" + repeat(")", n - 10),
        repeat("#a a.id ", n / 8),
        repeat("@a a.id ", n / 8),
        repeat("a-", n / 2) + ".id",
        repeat("\uD83D\uDE00\u200D", n / 3),
        "\uD83C\uDFF4" + repeat("\uDB40\uDC67", n / 2 - 1),
        repeat("1.", n / 2),
        repeat(" a.co", n / 5));
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      for (String t : texts) {
        countEverything(t);
      }
    });
  }

  @Test
  void anyTextUpTo64KbIsCountedWithoutError() {
    onWorkerThread(() -> {
      PropertyReport report = Property.named("any caption up to 64 KiB is counted").tries(300)
          .forAll(texts(MAX_TEXT), CaptionScanningTest::countEverything);
      assertThat(report.triesRun()).isEqualTo(300);
    });
  }

  @Test
  void theScannersFindWhatTheOldPatternsFoundOnShortTexts() {
    PropertyReport report = Property.named("scanners agree with the old patterns").tries(20_000)
        .forAll(texts(60), t -> {
          assertThat(CaptionTokens.urlSpans(t)).as("URLs of %s", t).isEqualTo(LegacyCaptionPatterns.urlSpans(t));
          assertThat(CaptionTokens.hashtags(t)).as("tags of %s", t).isEqualTo(LegacyCaptionPatterns.hashtags(t));
          assertThat(CaptionTokens.mentions(t)).as("mentions of %s", t).isEqualTo(LegacyCaptionPatterns.mentions(t));
        });
    assertThat(report.triesRun()).isEqualTo(20_000);
  }

  @Test
  void textsOverTheScanLimitAreCountedAsLongerThanAnyLimit() {
    String text = repeat("#a ", CaptionTokens.MAX_SCANNED_CHARS); // three times the limit
    assertThat(XTextCounter.weightedLength(text)).isEqualTo(text.length());
    assertThat(CaptionTokens.hashtags(text)).hasSize(CaptionTokens.MAX_SCANNED_CHARS / 3 + 1);
    for (Platform p : Platform.values()) {
      PlatformRules rules = PlatformRules.of(p);
      assertThat(rules.checkCaption(text, "caption")).extracting(v -> v.rule()).contains("CaptionLength");
    }
  }

  private static void countEverything(String t) {
    XTextCounter.weightedLength(t);
    CaptionTokens.urls(t);
    CaptionTokens.hashtags(t);
    CaptionTokens.mentions(t);
    for (Platform p : Platform.values()) {
      PlatformRules.of(p).checkCaption(t, 0, "caption");
    }
  }

  /** Texts of up to {@code max} chars: pieces mixed at random, or long runs of one or two pieces. */
  private static Gen<String> texts(int max) {
    return r -> {
      int length = r.nextInt(0, max);
      StringBuilder sb = new StringBuilder(length + 16);
      while (sb.length() < length) {
        int choice = r.nextInt(0, 19);
        if (choice == 0) {
          String run = RUNS.get(r.nextIndex(RUNS.size()));
          sb.append(run.repeat(r.nextInt(1, Math.max(1, (length - sb.length()) / run.length()))));
        } else if (choice == 1) {
          String a = PIECES.get(r.nextIndex(PIECES.size()));
          String b = r.nextBoolean() ? PIECES.get(r.nextIndex(PIECES.size())) : "";
          int times = r.nextInt(1, Math.max(1, (length - sb.length()) / (a.length() + b.length())));
          for (int i = 0; i < times; i++) {
            sb.append(a).append(b);
          }
        } else {
          sb.append(PIECES.get(r.nextIndex(PIECES.size())));
        }
      }
      return sb.length() > max ? sb.substring(0, max) : sb.toString();
    };
  }
}
