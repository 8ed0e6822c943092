package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.workflow.CaseId;
import java.util.OptionalInt;

/**
 * A message for one person about one case, in both languages; a {@link Notifier} sends it in the recipient's
 * {@linkplain Contact#language() language}.
 *
 * @param key a stable key of the event it reports and its recipient, so that it is recorded and sent once, e.g.
 *     {@code case-1/available/3/5/to/198502022010012002}
 * @param kind what it is about
 * @param caseId the case
 * @param activity the activity it is about, if any
 * @param recipient who is told, and how to reach them
 * @param subject the subject, in both languages
 * @param body the body, in both languages
 */
public record Notification(String key, NotificationKind kind, CaseId caseId, OptionalInt activity,
    Contact recipient, Text subject, Text body) {

  /** All fields are required; the key is not blank. */
  public Notification {
    checkNotNull(key, "key");
    checkArgument(!key.isBlank(), "key must not be blank");
    checkNotNull(kind, "kind");
    checkNotNull(caseId, "caseId");
    checkNotNull(activity, "activity");
    checkNotNull(recipient, "recipient");
    checkNotNull(subject, "subject");
    checkNotNull(body, "body");
  }

  /** The recipient's language. */
  public Language language() {
    return recipient.language();
  }

  /** The subject in the recipient's language. */
  public String subjectText() {
    return subject.in(language());
  }

  /** The body in the recipient's language. */
  public String bodyText() {
    return body.in(language());
  }

  /** Key, kind, activity and the recipient with masked addresses; never the addresses in full. */
  @Override
  public String toString() {
    return "Notification[" + key + ", " + kind + (activity.isPresent() ? ", activity " + activity.getAsInt() : "")
        + ", to " + recipient + "]";
  }
}
