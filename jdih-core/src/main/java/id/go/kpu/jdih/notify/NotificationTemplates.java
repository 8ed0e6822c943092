package id.go.kpu.jdih.notify;

/**
 * Turns what happened into the words people receive. The default ({@link #defaults()}) writes Indonesian and
 * English from {@link PlaceholderTemplates}; an office replaces single templates with
 * {@link PlaceholderTemplates#with} or implements this interface itself. Implementations are thread-safe.
 */
public interface NotificationTemplates {

  /** The subject and body, in both languages, of a notification described by {@code context}. */
  Message render(MessageContext context);

  /** The library's templates, Indonesian and English. */
  static PlaceholderTemplates defaults() {
    return PlaceholderTemplates.defaults();
  }
}
