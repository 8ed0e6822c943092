package id.go.kpu.jdih.workflow;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.validation.Violation;
import java.util.List;

/**
 * Checks an activity's output against what a target platform accepts: the caption (activity 6 of the reference
 * SOP) and the design (activity 5).
 */
public interface OutputRules {

  /** Violations of {@code platform}'s caption rules by {@code text}, with paths under {@code path}. */
  ImmutableList<Violation> checkCaption(Platform platform, String text, String path);

  /** Violations of {@code platform}'s media rules by {@code items}, with paths under {@code path}. */
  ImmutableList<Violation> checkMedia(Platform platform, List<MediaItem> items, String path);

  /** Rules that accept everything (for tests of other concerns). */
  static OutputRules acceptAll() {
    return new OutputRules() {
      @Override
      public ImmutableList<Violation> checkCaption(Platform platform, String text, String path) {
        return ImmutableList.of();
      }

      @Override
      public ImmutableList<Violation> checkMedia(Platform platform, List<MediaItem> items, String path) {
        return ImmutableList.of();
      }
    };
  }
}
