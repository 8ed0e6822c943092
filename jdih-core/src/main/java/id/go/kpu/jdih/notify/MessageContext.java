package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.Person;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a template may say about one notification. {@link #values(Language)} gives the placeholder values:
 * <ul>
 *   <li>{@code {caseId}} the case id; {@code {title}} the proposal's title;
 *   <li>{@code {activity}} the activity's number; {@code {activityText}} its Kegiatan text; {@code {role}} the name
 *       of its executor role;
 *   <li>{@code {due}} its deadline in the office zone, e.g. {@code Selasa, 5 Maret 2024 pukul 09.30 WIB};
 *   <li>{@code {reason}} a rejection's reason or why a publication needs confirmation;
 *   <li>{@code {platform}} the platforms, e.g. {@code Instagram, X}; {@code {links}} the published posts, one per
 *       line;
 *   <li>{@code {office}} the office's name; {@code {recipient}} the recipient's name.
 * </ul>
 * A value that does not apply is {@code -} (for {@code {due}}: "tanpa batas waktu" / "no deadline").
 *
 * @param kind what the notification is about
 * @param caseId the case
 * @param title the proposal's title
 * @param activity the activity's number, if any
 * @param activityText the activity's Kegiatan text, if any
 * @param role the name of the activity's executor role, if any
 * @param due the activity's deadline, if it has one
 * @param zone the office zone
 * @param reason a rejection's reason or why a publication needs confirmation
 * @param platforms the platforms concerned, e.g. {@code Instagram, X}
 * @param links the published posts, one per line ({@code Instagram: https://...})
 * @param office the office's name
 * @param recipient who is told
 */
public record MessageContext(NotificationKind kind, CaseId caseId, String title, OptionalInt activity,
    Optional<String> activityText, Optional<String> role, Optional<Instant> due, ZoneId zone, Optional<Text> reason,
    Optional<String> platforms, Optional<String> links, String office, Person recipient) {

  /** The placeholder names, without braces. */
  public static final ImmutableSet<String> PLACEHOLDERS = ImmutableSet.of("caseId", "title", "activity",
      "activityText", "role", "due", "reason", "platform", "links", "office", "recipient");

  /** All fields are required. */
  public MessageContext {
    checkNotNull(kind, "kind");
    checkNotNull(caseId, "caseId");
    checkNotNull(title, "title");
    checkNotNull(activity, "activity");
    checkNotNull(activityText, "activityText");
    checkNotNull(role, "role");
    checkNotNull(due, "due");
    checkNotNull(zone, "zone");
    checkNotNull(reason, "reason");
    checkNotNull(platforms, "platforms");
    checkNotNull(links, "links");
    checkNotNull(office, "office");
    checkNotNull(recipient, "recipient");
  }

  /** Each placeholder's value in {@code language}. */
  public ImmutableMap<String, String> values(Language language) {
    return ImmutableMap.<String, String>builder()
        .put("caseId", caseId.value())
        .put("title", title)
        .put("activity", activity.isPresent() ? Integer.toString(activity.getAsInt()) : "-")
        .put("activityText", activityText.orElse("-"))
        .put("role", role.orElse("-"))
        .put("due", due.map(d -> OfficeTime.format(d, zone, language))
            .orElse(language == Language.EN ? "no deadline" : "tanpa batas waktu"))
        .put("reason", reason.map(r -> r.in(language)).orElse("-"))
        .put("platform", platforms.orElse("-"))
        .put("links", links.orElse("-"))
        .put("office", office)
        .put("recipient", recipient.name())
        .buildOrThrow();
  }
}
