package id.go.kpu.jdih.workflow;

import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.content.Platform;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The output of the caption activity (keterangan/caption): one text, with per-platform texts where they differ
 * (a shorter one for X, say).
 *
 * @param text the caption used for every platform without its own
 * @param perPlatform platform-specific captions
 */
public record Caption(@NotBlank String text, @NotNull ImmutableMap<@NotNull Platform, @NotBlank String> perPlatform) {

  /** One caption for every platform. */
  public static Caption of(String text) {
    return new Caption(text, ImmutableMap.of());
  }

  /** The caption for {@code platform}. */
  public String textFor(Platform platform) {
    return perPlatform.getOrDefault(platform, text);
  }
}
