package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.validation.Violation;
import id.go.kpu.jdih.workflow.OutputRules;
import java.util.List;

/**
 * The lifecycle's {@link OutputRules} backed by a {@link PlatformRuleBook}: the design and the caption are checked
 * against every target platform's rules when they are recorded (activities 5 and 6 of the reference SOP). Captions
 * are checked as captions that come with media, since every activity-7 post carries the design.
 *
 * <p>Thread-safe: immutable.
 */
public final class PlatformOutputRules implements OutputRules {

  private final PlatformRuleBook book;

  /** Rules from {@code book}. */
  public PlatformOutputRules(PlatformRuleBook book) {
    this.book = checkNotNull(book, "book");
  }

  /** The built-in rules of every platform. */
  public static PlatformOutputRules defaults() {
    return new PlatformOutputRules(PlatformRuleBook.defaults());
  }

  @Override
  public ImmutableList<Violation> checkCaption(Platform platform, String text, String path) {
    return book.rules(platform).checkCaption(text, path);
  }

  @Override
  public ImmutableList<Violation> checkMedia(Platform platform, List<MediaItem> items, String path) {
    return book.rules(platform).checkMedia(items, path);
  }
}
