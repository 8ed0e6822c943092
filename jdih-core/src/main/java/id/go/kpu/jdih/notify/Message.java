package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Text;

/**
 * A subject and a body in both languages: what {@link NotificationTemplates} render, and what a
 * {@link PlaceholderTemplates} template is made of (then with {@code {placeholders}}).
 *
 * @param subject the subject
 * @param body the body
 */
public record Message(Text subject, Text body) {

  /** Both are required. */
  public Message {
    checkNotNull(subject, "subject");
    checkNotNull(body, "body");
  }

  /** A message. */
  public static Message of(Text subject, Text body) {
    return new Message(subject, body);
  }
}
