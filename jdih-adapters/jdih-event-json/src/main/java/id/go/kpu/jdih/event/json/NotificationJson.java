package id.go.kpu.jdih.event.json;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.notify.CaseProgress;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.notify.DeliveryStatus;
import id.go.kpu.jdih.notify.Notification;
import id.go.kpu.jdih.notify.NotificationKind;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.Person;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON forms of the notification ledger's records, as the durable ledgers keep them: a {@link Delivery} (with
 * its notification and recipient) and a {@link CaseProgress}; format version {@value #FORMAT_VERSION}. Contact
 * addresses are stored in full (the ledger must be able to send), so the stores keep these records where only the
 * application can read them; logs and messages never show them. Reading is strict, with errors naming the path.
 *
 * <pre>{@code
 * {"v":1,"key":"kasus-1/available/3/4/to/19850202...//via/email","channel":"email","status":"PENDING",
 *  "attempts":0,"recordedAt":"..","nextAttemptAt":"..","sentAt":"..","lastError":"..",
 *  "notification":{"key":"..","kind":"AVAILABLE","caseId":"kasus-1","activity":3,
 *   "recipient":{"nip":..,"name":..,"roles":[..],"email":..,"telegram":..,"language":"ID"},
 *   "subject":{"id":..,"en":..},"body":{"id":..,"en":..}}}
 * {"v":1,"version":4,"checkedUntil":"2024-03-04T02:00:00Z","closed":false}
 * }</pre>
 *
 * <p>Thread-safe: stateless.
 */
public final class NotificationJson {

  /** The format version written and read. */
  public static final int FORMAT_VERSION = 1;

  private static final Text DELIVERY_SUBJECT = Text.of("JSON pemberitahuan", "notification JSON");
  private static final Text PROGRESS_SUBJECT = Text.of("JSON kemajuan kasus", "case progress JSON");
  private static final Set<String> DELIVERY = ImmutableSet.of("v", "key", "channel", "status", "attempts",
      "recordedAt", "nextAttemptAt", "sentAt", "lastError", "notification");
  private static final Set<String> NOTIFICATION = ImmutableSet.of("key", "kind", "caseId", "activity", "recipient",
      "subject", "body");
  private static final Set<String> RECIPIENT = ImmutableSet.of("nip", "name", "roles", "email", "telegram",
      "language");
  private static final Set<String> PROGRESS = ImmutableSet.of("v", "version", "checkedUntil", "closed");

  /** A codec. */
  public NotificationJson() {}

  /** {@code d} as one line of JSON. */
  public String write(Delivery d) {
    checkNotNull(d, "delivery");
    ObjectNode o = StoredJson.MAPPER.createObjectNode();
    o.put("v", FORMAT_VERSION).put("key", d.key()).put("channel", d.channel()).put("status", d.status().name())
        .put("attempts", d.attempts()).put("recordedAt", d.recordedAt().toString())
        .put("nextAttemptAt", d.nextAttemptAt().toString());
    d.sentAt().ifPresent(t -> o.put("sentAt", t.toString()));
    d.lastError().ifPresent(e -> o.put("lastError", e));
    Notification n = d.notification();
    ObjectNode no = o.putObject("notification");
    no.put("key", n.key()).put("kind", n.kind().name()).put("caseId", n.caseId().value());
    n.activity().ifPresent(a -> no.put("activity", a));
    Contact c = n.recipient();
    ObjectNode co = no.putObject("recipient");
    StoredJson.person(co, c.person());
    c.email().ifPresent(e -> co.put("email", e));
    c.telegramChatId().ifPresent(t -> co.put("telegram", t));
    co.put("language", c.language().name());
    StoredJson.text(no.putObject("subject"), n.subject());
    StoredJson.text(no.putObject("body"), n.body());
    return StoredJson.write(o);
  }

  /**
   * Reads what {@link #write(Delivery)} wrote.
   *
   * @throws EventJsonException if it is not one delivery of this format
   */
  public Delivery readDelivery(String json) {
    checkNotNull(json, "json");
    return StoredJson.read(json, DELIVERY_SUBJECT, FORMAT_VERSION, o -> {
      o.allowOnly(DELIVERY);
      JsonObject no = o.object("notification", NOTIFICATION);
      JsonObject co = no.object("recipient", RECIPIENT);
      Person person = StoredJson.person(co);
      Optional<String> email = co.optionalString("email");
      Optional<String> telegram = co.optionalString("telegram");
      Language language = co.enumValue("language", Language.class);
      Contact contact = StoredJson.construct(co.path(), () -> new Contact(person, email, telegram, language));
      String nkey = no.string("key");
      NotificationKind kind = no.enumValue("kind", NotificationKind.class);
      CaseId caseId = StoredJson.construct(no.at("caseId"), () -> CaseId.of(no.string("caseId")));
      var activity = no.optionalInt32("activity");
      Text subject = StoredJson.text(no.object("subject", StoredJson.TEXT));
      Text body = StoredJson.text(no.object("body", StoredJson.TEXT));
      Notification n = StoredJson.construct(no.path(), () -> new Notification(nkey, kind, caseId, activity,
          contact, subject, body));
      String key = o.string("key");
      String channel = o.string("channel");
      DeliveryStatus status = o.enumValue("status", DeliveryStatus.class);
      int attempts = o.int32("attempts");
      var recordedAt = o.instant("recordedAt");
      var nextAttemptAt = o.instant("nextAttemptAt");
      var sentAt = o.optionalInstant("sentAt");
      var lastError = o.optionalString("lastError");
      return StoredJson.construct("", () -> new Delivery(key, channel, n, status, attempts, recordedAt,
          nextAttemptAt, sentAt, lastError));
    });
  }

  /** {@code p} as one line of JSON. */
  public String write(CaseProgress p) {
    checkNotNull(p, "progress");
    ObjectNode o = StoredJson.MAPPER.createObjectNode();
    o.put("v", FORMAT_VERSION).put("version", p.version()).put("checkedUntil", p.checkedUntil().toString())
        .put("closed", p.closed());
    return StoredJson.write(o);
  }

  /**
   * Reads what {@link #write(CaseProgress)} wrote.
   *
   * @throws EventJsonException if it is not one case progress of this format
   */
  public CaseProgress readProgress(String json) {
    checkNotNull(json, "json");
    return StoredJson.read(json, PROGRESS_SUBJECT, FORMAT_VERSION, o -> {
      o.allowOnly(PROGRESS);
      long version = o.int64("version");
      var checkedUntil = o.instant("checkedUntil");
      boolean closed = o.bool("closed");
      return StoredJson.construct("", () -> new CaseProgress(version, checkedUntil, closed));
    });
  }
}
