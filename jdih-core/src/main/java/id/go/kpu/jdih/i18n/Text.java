package id.go.kpu.jdih.i18n;

import static com.google.common.base.Preconditions.checkNotNull;

import org.jspecify.annotations.Nullable;

/**
 * A user-facing text in Indonesian and English.
 *
 * @param id the Indonesian text (the default)
 * @param en the English text
 */
public record Text(String id, String en) {

  /** Both texts are required. */
  public Text {
    checkNotNull(id, "id");
    checkNotNull(en, "en");
  }

  /** A text in both languages. */
  public static Text of(String id, String en) {
    return new Text(id, en);
  }

  /** The text in {@code language}. */
  public String in(Language language) {
    return language == Language.EN ? en : id;
  }

  /** Formats both texts with {@link String#format} and the same arguments. */
  public Text format(@Nullable Object... args) {
    return new Text(String.format(java.util.Locale.ROOT, id, args), String.format(java.util.Locale.ROOT, en, args));
  }

  /** The Indonesian text followed by the English one, as used in exception messages: {@code "id / en"}. */
  public String bilingual() {
    return id.equals(en) ? id : id + " / " + en;
  }

  @Override
  public String toString() {
    return bilingual();
  }
}
