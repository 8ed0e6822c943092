package id.go.kpu.jdih.i18n;

import java.util.Locale;

/** The languages every user-facing text of the library is available in. Indonesian is the default. */
public enum Language {
  /** Bahasa Indonesia, the default. */
  ID(Locale.forLanguageTag("id")),
  /** English. */
  EN(Locale.ENGLISH);

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  /** The {@link Locale} matching this language. */
  public Locale locale() {
    return locale;
  }

  /** The default language: Indonesian. */
  public static Language defaultLanguage() {
    return ID;
  }

  /**
   * Parses a language tag such as {@code id}, {@code in}, {@code en} or {@code en-US}, case-insensitively.
   *
   * @throws IllegalArgumentException if the tag names neither Indonesian nor English
   */
  public static Language fromTag(String tag) {
    String lang = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
    return switch (lang) {
      case "id", "in" -> ID; // "in": the legacy ISO code Java still reports for Indonesian on some platforms
      case "en" -> EN;
      default -> throw new IllegalArgumentException(
          "Bahasa tidak dikenal / unknown language: '" + tag + "' (gunakan/use 'id' or 'en')");
    };
  }
}
