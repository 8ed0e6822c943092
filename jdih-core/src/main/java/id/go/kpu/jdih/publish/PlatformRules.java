package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.validation.Violation;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What one platform accepts in a post, as data: the limits on the caption and on the attached media. The checks
 * ({@link #checkCaption}, {@link #checkMedia}, {@link #checkPost}) read only these values, so an office can replace a
 * platform's limits (see {@link PlatformRuleBook#with}) without code.
 *
 * <p>The built-in rules ({@link #of(Platform)}) follow the platforms' published contracts:
 * <ul>
 *   <li><b>Instagram</b>: caption ≤ 2,200 characters, ≤ 30 hashtags, ≤ 20 mentions; JPEG only, ≤ 8 MB, aspect ratio
 *       4:5 (0.8) to 1.91:1 inclusive, width 320–1440 px; 1–10 items (a single image or a carousel; Instagram has no
 *       text-only post).</li>
 *   <li><b>Facebook</b> (Page): message ≤ 63,206 characters; JPEG, PNG or GIF (Facebook takes BMP and TIFF too; the
 *       library keeps to the web formats), ≤ 10 MB; 0–10 items. Ten photos in one multi-photo post
 *       ({@code attached_media}) is the library's conservative choice, not a documented Facebook limit.</li>
 *   <li><b>Threads</b>: text ≤ 500 characters; JPEG or PNG, ≤ 8 MB; width 320–1440 px is the library's conservative
 *       reading of Meta's image guidance; 0–20 items (a carousel has 2–20, a single image is 1, a text post 0).</li>
 *   <li><b>X</b> (API v2): text ≤ 280 weighted characters ({@link XTextCounter}); JPEG, PNG, GIF or WEBP, ≤ 5 MB;
 *       0–4 images.</li>
 *   <li><b>Telegram</b> (Bot API): a caption (sendPhoto, sendMediaGroup) ≤ 1,024 and a text-only message
 *       (sendMessage) ≤ 4,096, both in UTF-16 code units; JPEG, PNG or WEBP, ≤ 10 MB; 0–10 items (a media group has
 *       2–10, a photo 1, a message 0).</li>
 * </ul>
 * "Characters" are Unicode code points for Instagram, Facebook and Threads (see {@link CaptionCounting}). MB here is
 * 1,048,576 bytes.
 *
 * <p>Violations name the platform, the limit and the actual value, in Indonesian (numbers grouped with dots,
 * decimals with a comma) and English (commas and a point). Paths: the caption's own path for {@code CaptionLength},
 * {@code Hashtags} and {@code Mentions}; the media list's path for {@code ItemCount}; {@code path[i].mediaType},
 * {@code path[i].bytes}, {@code path[i].width} for {@code MediaType}, {@code MediaBytes}, {@code Width}; and
 * {@code path[i]} for {@code AspectRatio}, which is a property of width and height together.
 *
 * @param platform the platform these rules are for
 * @param captionMaxLength the maximum caption length of a post with media, counted by {@code captionCounting}
 * @param captionCounting how the platform counts caption length
 * @param textOnlyMaxLength the maximum text length of a post without media, where the platform has a separate one
 *     (Telegram's sendMessage); empty when it is {@code captionMaxLength}
 * @param maxHashtags the maximum number of hashtags, if the platform limits them
 * @param maxMentions the maximum number of @-mentions, if the platform limits them
 * @param mediaTypes the accepted MIME types, lower case
 * @param maxBytesPerItem the maximum size of one media item in bytes
 * @param minAspectRatio the minimum width/height ratio, inclusive, if limited
 * @param maxAspectRatio the maximum width/height ratio, inclusive, if limited
 * @param minWidth the minimum width in pixels, inclusive, if limited
 * @param maxWidth the maximum width in pixels, inclusive, if limited
 * @param minItems the minimum number of media items of a post; 0 where text-only posts are allowed
 * @param maxItems the maximum number of media items of a post
 */
public record PlatformRules(
    Platform platform,
    int captionMaxLength,
    CaptionCounting captionCounting,
    OptionalInt textOnlyMaxLength,
    OptionalInt maxHashtags,
    OptionalInt maxMentions,
    ImmutableSet<String> mediaTypes,
    long maxBytesPerItem,
    OptionalDouble minAspectRatio,
    OptionalDouble maxAspectRatio,
    OptionalInt minWidth,
    OptionalInt maxWidth,
    int minItems,
    int maxItems) {

  /** One megabyte as the platforms mean it for file sizes: 1,048,576 bytes. */
  public static final long MB = 1024L * 1024L;

  // Same form as MediaItem.mediaType, so that a configured type can match a stored item.
  private static final Pattern MIME = Pattern.compile("[a-z]+/[a-z0-9.+-]+");

  private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
  private static final Locale ENGLISH = Locale.ENGLISH;

  /** Checks that the rules are complete and consistent; an office's own rules pass through here too. */
  public PlatformRules {
    checkNotNull(platform, "platform");
    checkNotNull(captionCounting, "captionCounting");
    checkNotNull(textOnlyMaxLength, "textOnlyMaxLength");
    checkNotNull(maxHashtags, "maxHashtags");
    checkNotNull(maxMentions, "maxMentions");
    checkNotNull(mediaTypes, "mediaTypes");
    checkNotNull(minAspectRatio, "minAspectRatio");
    checkNotNull(maxAspectRatio, "maxAspectRatio");
    checkNotNull(minWidth, "minWidth");
    checkNotNull(maxWidth, "maxWidth");
    checkArgument(captionMaxLength > 0, "captionMaxLength must be > 0: %s", captionMaxLength);
    textOnlyMaxLength.ifPresent(v -> checkArgument(v > 0, "textOnlyMaxLength must be > 0: %s", v));
    maxHashtags.ifPresent(v -> checkArgument(v >= 0, "maxHashtags must be >= 0: %s", v));
    maxMentions.ifPresent(v -> checkArgument(v >= 0, "maxMentions must be >= 0: %s", v));
    for (String type : mediaTypes) {
      checkArgument(MIME.matcher(type).matches(), "not a lower-case MIME type: %s", type);
    }
    checkArgument(maxBytesPerItem > 0, "maxBytesPerItem must be > 0: %s", maxBytesPerItem);
    minAspectRatio.ifPresent(v -> checkArgument(v > 0 && Double.isFinite(v), "minAspectRatio: %s", v));
    maxAspectRatio.ifPresent(v -> checkArgument(v > 0 && Double.isFinite(v), "maxAspectRatio: %s", v));
    if (minAspectRatio.isPresent() && maxAspectRatio.isPresent()) {
      checkArgument(minAspectRatio.getAsDouble() <= maxAspectRatio.getAsDouble(),
          "minAspectRatio %s > maxAspectRatio %s", minAspectRatio, maxAspectRatio);
    }
    minWidth.ifPresent(v -> checkArgument(v > 0, "minWidth must be > 0: %s", v));
    maxWidth.ifPresent(v -> checkArgument(v > 0, "maxWidth must be > 0: %s", v));
    if (minWidth.isPresent() && maxWidth.isPresent()) {
      checkArgument(minWidth.getAsInt() <= maxWidth.getAsInt(), "minWidth %s > maxWidth %s", minWidth, maxWidth);
    }
    checkArgument(minItems >= 0 && minItems <= maxItems, "need 0 <= minItems <= maxItems: %s, %s", minItems,
        maxItems);
    checkArgument(maxItems == 0 || !mediaTypes.isEmpty(), "a platform that takes media needs a media type");
  }

  /**
   * The built-in rules for {@code platform} (see the class comment for the values and their sources).
   *
   * @param platform the platform
   * @return its rules
   */
  public static PlatformRules of(Platform platform) {
    checkNotNull(platform, "platform");
    return switch (platform) {
      case INSTAGRAM -> builder(platform)
          .captionMaxLength(2_200).captionCounting(CaptionCounting.CODE_POINTS)
          .maxHashtags(30).maxMentions(20)
          .mediaTypes("image/jpeg").maxBytesPerItem(8 * MB)
          .aspectRatio(0.8, 1.91).width(320, 1440)
          .items(1, 10)
          .build();
      case FACEBOOK -> builder(platform)
          .captionMaxLength(63_206).captionCounting(CaptionCounting.CODE_POINTS)
          .mediaTypes("image/jpeg", "image/png", "image/gif").maxBytesPerItem(10 * MB)
          .items(0, 10) // the library's conservative choice for attached_media
          .build();
      case THREADS -> builder(platform)
          .captionMaxLength(500).captionCounting(CaptionCounting.CODE_POINTS)
          .mediaTypes("image/jpeg", "image/png").maxBytesPerItem(8 * MB)
          .width(320, 1440) // the library's conservative reading
          .items(0, 20)
          .build();
      case X -> builder(platform)
          .captionMaxLength(XTextCounter.MAX_WEIGHTED_LENGTH).captionCounting(CaptionCounting.X_WEIGHTED)
          .mediaTypes("image/jpeg", "image/png", "image/gif", "image/webp").maxBytesPerItem(5 * MB)
          .items(0, 4)
          .build();
      case TELEGRAM -> builder(platform)
          .captionMaxLength(1_024).textOnlyMaxLength(4_096).captionCounting(CaptionCounting.UTF16_UNITS)
          .mediaTypes("image/jpeg", "image/png", "image/webp").maxBytesPerItem(10 * MB)
          .items(0, 10)
          .build();
    };
  }

  /**
   * A builder for {@code platform}'s rules, starting from nothing: counting {@link CaptionCounting#CODE_POINTS}, no
   * optional limit, no media type, 0 items. Caption length, and for media a type, size and item count, must be set.
   *
   * @param platform the platform
   * @return a new builder
   */
  public static Builder builder(Platform platform) {
    return new Builder(checkNotNull(platform, "platform"));
  }

  /**
   * A builder starting from these rules, to change some limits and keep the others.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(platform);
    b.captionMaxLength = captionMaxLength;
    b.captionCounting = captionCounting;
    b.textOnlyMaxLength = textOnlyMaxLength;
    b.maxHashtags = maxHashtags;
    b.maxMentions = maxMentions;
    b.mediaTypes = mediaTypes;
    b.maxBytesPerItem = maxBytesPerItem;
    b.minAspectRatio = minAspectRatio;
    b.maxAspectRatio = maxAspectRatio;
    b.minWidth = minWidth;
    b.maxWidth = maxWidth;
    b.minItems = minItems;
    b.maxItems = maxItems;
    return b;
  }

  /**
   * The length of {@code text} as this platform counts it.
   *
   * @param text the caption or post text, not null
   * @return its length under {@link #captionCounting()}
   */
  public int captionLength(String text) {
    return captionCounting.count(text);
  }

  /**
   * The maximum text length of a post with {@code mediaCount} media items: the text-only limit, if there is one,
   * for a post without media, else {@link #captionMaxLength()}.
   *
   * @param mediaCount the number of media items, at least 0
   * @return the limit
   */
  public int captionLimit(int mediaCount) {
    checkArgument(mediaCount >= 0, "mediaCount must be >= 0: %s", mediaCount);
    return mediaCount == 0 ? textOnlyMaxLength.orElse(captionMaxLength) : captionMaxLength;
  }

  /**
   * Checks {@code text} as the caption of a post <em>with</em> media, i.e. against {@link #captionMaxLength()}
   * (the stricter limit on Telegram), and against the hashtag and mention limits. Use
   * {@link #checkCaption(String, int, String)} or {@link #checkPost} for a text-only post.
   *
   * @param text the caption, not null
   * @param path the path to report violations at
   * @return the violations, empty if the caption is accepted
   */
  public ImmutableList<Violation> checkCaption(String text, String path) {
    return checkCaption(text, 1, path);
  }

  /**
   * Checks {@code text} as the text of a post with {@code mediaCount} media items: its length against
   * {@link #captionLimit(int)} ({@code CaptionLength}), its hashtags ({@code Hashtags}) and its mentions
   * ({@code Mentions}) against their limits.
   *
   * @param text the caption or text, not null
   * @param mediaCount the number of media items of the post, at least 0
   * @param path the path to report violations at
   * @return the violations, empty if the text is accepted
   */
  public ImmutableList<Violation> checkCaption(String text, int mediaCount, String path) {
    checkNotNull(text, "text");
    checkNotNull(path, "path");
    ImmutableList.Builder<Violation> out = ImmutableList.builder();
    String name = platform.displayName();
    int limit = captionLimit(mediaCount);
    int length = captionLength(text);
    if (length > limit) {
      boolean message = mediaCount == 0 && textOnlyMaxLength.isPresent();
      boolean weighted = captionCounting == CaptionCounting.X_WEIGHTED;
      out.add(new Violation(path, "CaptionLength", bilingual(
          (message ? "Teks" : "Keterangan") + " untuk %s %,d " + (weighted ? "karakter berbobot" : "karakter")
              + ", melebihi batas %,d",
          (message ? "Text" : "Caption") + " for %s is %,d " + (weighted ? "weighted characters" : "characters")
              + ", over the limit of %,d",
          name, length, limit)));
    }
    if (maxHashtags.isPresent()) {
      int count = CaptionTokens.hashtags(text).size();
      if (count > maxHashtags.getAsInt()) {
        out.add(new Violation(path, "Hashtags", bilingual(
            "Keterangan untuk %s memuat %,d tagar, melebihi batas %,d",
            "Caption for %s has %,d hashtags, over the limit of %,d",
            name, count, maxHashtags.getAsInt())));
      }
    }
    if (maxMentions.isPresent()) {
      int count = CaptionTokens.mentions(text).size();
      if (count > maxMentions.getAsInt()) {
        out.add(new Violation(path, "Mentions", bilingual(
            "Keterangan untuk %s memuat %,d sebutan akun (@), melebihi batas %,d",
            "Caption for %s has %,d mentions, over the limit of %,d",
            name, count, maxMentions.getAsInt())));
      }
    }
    return out.build();
  }

  /**
   * Checks the media of one post: the number of items ({@code ItemCount}, at {@code path}) and each item's type
   * ({@code MediaType}), size ({@code MediaBytes}), aspect ratio ({@code AspectRatio}) and width ({@code Width}).
   * Every broken rule of every item is reported, not only the first.
   *
   * @param items the post's media in order, not null, no null element
   * @param path the path of the media list, e.g. {@code media}
   * @return the violations, empty if the media are accepted
   */
  public ImmutableList<Violation> checkMedia(List<MediaItem> items, String path) {
    checkNotNull(items, "items");
    checkNotNull(path, "path");
    ImmutableList.Builder<Violation> out = ImmutableList.builder();
    String name = platform.displayName();
    int count = items.size();
    if (count > maxItems) {
      out.add(new Violation(path, "ItemCount", bilingual(
          "Jumlah media untuk %s %,d, melebihi batas %,d",
          "Media for %s has %,d items, over the limit of %,d",
          name, count, maxItems)));
    } else if (count < minItems) {
      out.add(new Violation(path, "ItemCount", bilingual(
          "Jumlah media untuk %s %,d, kurang dari batas minimum %,d",
          "Media for %s has %,d items, under the minimum of %,d",
          name, count, minItems)));
    }
    for (int i = 0; i < count; i++) {
      MediaItem item = checkNotNull(items.get(i), "items[%s]", i);
      String at = path + "[" + i + "]";
      checkItem(item, at, name, out);
    }
    return out.build();
  }

  /**
   * Checks a whole post: the caption ({@link #checkCaption(String, int, String)} with the number of items, at
   * {@code path.caption}) and the media ({@link #checkMedia}, at {@code path.media}).
   *
   * @param text the caption or text, not null
   * @param items the media, not null; empty for a text-only post
   * @param path the path of the post, or empty for the root
   * @return the caption's violations followed by the media's
   */
  public ImmutableList<Violation> checkPost(String text, List<MediaItem> items, String path) {
    checkNotNull(items, "items");
    checkNotNull(path, "path");
    return ImmutableList.<Violation>builder()
        .addAll(checkCaption(text, items.size(), child(path, "caption")))
        .addAll(checkMedia(items, child(path, "media")))
        .build();
  }

  private void checkItem(MediaItem item, String at, String name, ImmutableList.Builder<Violation> out) {
    String type = item.mediaType().toLowerCase(Locale.ROOT);
    if (!mediaTypes.contains(type)) {
      out.add(new Violation(at + ".mediaType", "MediaType", bilingual(
          "Jenis media %s tidak diterima %s (yang diterima: %s)",
          "Media type %s is not accepted by %s (accepted: %s)",
          item.mediaType(), name, String.join(", ", mediaTypes))));
    }
    if (item.bytes() > maxBytesPerItem) {
      String mb = maxBytesPerItem % MB == 0 ? " (" + maxBytesPerItem / MB + " MB)" : "";
      out.add(new Violation(at + ".bytes", "MediaBytes", bilingual(
          "Ukuran berkas untuk %s %,d bita, melebihi batas %,d bita" + mb,
          "File size for %s is %,d bytes, over the limit of %,d bytes" + mb,
          name, item.bytes(), maxBytesPerItem)));
    }
    double ratio = item.aspectRatio();
    // Both sides are the correctly rounded doubles of the exact ratios, so 1080x1350 equals 0.8 exactly.
    if (minAspectRatio.isPresent() && ratio < minAspectRatio.getAsDouble()) {
      out.add(new Violation(at, "AspectRatio", bilingual(
          "Rasio aspek untuk %s %.3f (%d x %d px), kurang dari batas minimum %.3f",
          "Aspect ratio for %s is %.3f (%d x %d px), under the minimum of %.3f",
          name, ratio, item.width(), item.height(), minAspectRatio.getAsDouble())));
    } else if (maxAspectRatio.isPresent() && ratio > maxAspectRatio.getAsDouble()) {
      out.add(new Violation(at, "AspectRatio", bilingual(
          "Rasio aspek untuk %s %.3f (%d x %d px), melebihi batas %.3f",
          "Aspect ratio for %s is %.3f (%d x %d px), over the limit of %.3f",
          name, ratio, item.width(), item.height(), maxAspectRatio.getAsDouble())));
    }
    if (minWidth.isPresent() && item.width() < minWidth.getAsInt()) {
      out.add(new Violation(at + ".width", "Width", bilingual(
          "Lebar gambar untuk %s %,d px, kurang dari batas minimum %,d px",
          "Width for %s is %,d px, under the minimum of %,d px",
          name, item.width(), minWidth.getAsInt())));
    } else if (maxWidth.isPresent() && item.width() > maxWidth.getAsInt()) {
      out.add(new Violation(at + ".width", "Width", bilingual(
          "Lebar gambar untuk %s %,d px, melebihi batas %,d px",
          "Width for %s is %,d px, over the limit of %,d px",
          name, item.width(), maxWidth.getAsInt())));
    }
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  // Text.format uses one locale for both languages; numbers read differently in each, so format each on its own.
  private static Text bilingual(String id, String en, Object... args) {
    return Text.of(String.format(INDONESIAN, id, args), String.format(ENGLISH, en, args));
  }

  /** Builds {@link PlatformRules}; the record's constructor checks the result. Not thread-safe. */
  public static final class Builder {
    private final Platform platform;
    private int captionMaxLength;
    private CaptionCounting captionCounting = CaptionCounting.CODE_POINTS;
    private OptionalInt textOnlyMaxLength = OptionalInt.empty();
    private OptionalInt maxHashtags = OptionalInt.empty();
    private OptionalInt maxMentions = OptionalInt.empty();
    private ImmutableSet<String> mediaTypes = ImmutableSet.of();
    private long maxBytesPerItem;
    private OptionalDouble minAspectRatio = OptionalDouble.empty();
    private OptionalDouble maxAspectRatio = OptionalDouble.empty();
    private OptionalInt minWidth = OptionalInt.empty();
    private OptionalInt maxWidth = OptionalInt.empty();
    private int minItems;
    private int maxItems;

    private Builder(Platform platform) {
      this.platform = platform;
    }

    /** Sets {@link PlatformRules#captionMaxLength()}. Returns this builder. */
    public Builder captionMaxLength(int value) {
      this.captionMaxLength = value;
      return this;
    }

    /** Sets {@link PlatformRules#captionCounting()}. Returns this builder. */
    public Builder captionCounting(CaptionCounting value) {
      this.captionCounting = checkNotNull(value, "captionCounting");
      return this;
    }

    /** Sets {@link PlatformRules#textOnlyMaxLength()}. Returns this builder. */
    public Builder textOnlyMaxLength(int value) {
      return textOnlyMaxLength(OptionalInt.of(value));
    }

    /** Sets or clears {@link PlatformRules#textOnlyMaxLength()}. Returns this builder. */
    public Builder textOnlyMaxLength(OptionalInt value) {
      this.textOnlyMaxLength = checkNotNull(value, "textOnlyMaxLength");
      return this;
    }

    /** Sets {@link PlatformRules#maxHashtags()}. Returns this builder. */
    public Builder maxHashtags(int value) {
      return maxHashtags(OptionalInt.of(value));
    }

    /** Sets or clears {@link PlatformRules#maxHashtags()}. Returns this builder. */
    public Builder maxHashtags(OptionalInt value) {
      this.maxHashtags = checkNotNull(value, "maxHashtags");
      return this;
    }

    /** Sets {@link PlatformRules#maxMentions()}. Returns this builder. */
    public Builder maxMentions(int value) {
      return maxMentions(OptionalInt.of(value));
    }

    /** Sets or clears {@link PlatformRules#maxMentions()}. Returns this builder. */
    public Builder maxMentions(OptionalInt value) {
      this.maxMentions = checkNotNull(value, "maxMentions");
      return this;
    }

    /** Replaces {@link PlatformRules#mediaTypes()}. Returns this builder. */
    public Builder mediaTypes(String... types) {
      return mediaTypes(Arrays.asList(types));
    }

    /** Replaces {@link PlatformRules#mediaTypes()}. Returns this builder. */
    public Builder mediaTypes(Collection<String> types) {
      this.mediaTypes = ImmutableSet.copyOf(types);
      return this;
    }

    /** Sets {@link PlatformRules#maxBytesPerItem()}. Returns this builder. */
    public Builder maxBytesPerItem(long value) {
      this.maxBytesPerItem = value;
      return this;
    }

    /** Sets both aspect-ratio limits, inclusive. Returns this builder. */
    public Builder aspectRatio(double min, double max) {
      return minAspectRatio(OptionalDouble.of(min)).maxAspectRatio(OptionalDouble.of(max));
    }

    /** Sets or clears {@link PlatformRules#minAspectRatio()}. Returns this builder. */
    public Builder minAspectRatio(OptionalDouble value) {
      this.minAspectRatio = checkNotNull(value, "minAspectRatio");
      return this;
    }

    /** Sets or clears {@link PlatformRules#maxAspectRatio()}. Returns this builder. */
    public Builder maxAspectRatio(OptionalDouble value) {
      this.maxAspectRatio = checkNotNull(value, "maxAspectRatio");
      return this;
    }

    /** Sets both width limits in pixels, inclusive. Returns this builder. */
    public Builder width(int min, int max) {
      return minWidth(OptionalInt.of(min)).maxWidth(OptionalInt.of(max));
    }

    /** Sets or clears {@link PlatformRules#minWidth()}. Returns this builder. */
    public Builder minWidth(OptionalInt value) {
      this.minWidth = checkNotNull(value, "minWidth");
      return this;
    }

    /** Sets or clears {@link PlatformRules#maxWidth()}. Returns this builder. */
    public Builder maxWidth(OptionalInt value) {
      this.maxWidth = checkNotNull(value, "maxWidth");
      return this;
    }

    /** Sets the minimum and maximum number of media items of a post. Returns this builder. */
    public Builder items(int min, int max) {
      this.minItems = min;
      this.maxItems = max;
      return this;
    }

    /**
     * The rules.
     *
     * @return the rules
     * @throws IllegalArgumentException if they are incomplete or inconsistent
     */
    public PlatformRules build() {
      return new PlatformRules(platform, captionMaxLength, captionCounting, textOnlyMaxLength, maxHashtags,
          maxMentions, mediaTypes, maxBytesPerItem, minAspectRatio, maxAspectRatio, minWidth, maxWidth, minItems,
          maxItems);
    }
  }
}
