package id.go.kpu.jdih.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.notify.CaseProgress;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.notify.DeliveryStatus;
import id.go.kpu.jdih.notify.Notification;
import id.go.kpu.jdih.notify.NotificationKind;
import id.go.kpu.jdih.notify.NotificationLedger;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The notification ledger of jdih 0.1's CLI, {@code notifications.json} in the home folder (format
 * {@code jdih-cli-notifications/1}), moved into the storage's ledger the first time a newer version opens the home,
 * so that nothing sent before is sent again. The file is then renamed {@code notifications.json.imported}; an
 * import cut short is simply done again (recording a known key changes nothing).
 */
final class LegacyNotifications {

  static final String FILE = "notifications.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private LegacyNotifications() {}

  static void importInto(Path home, NotificationLedger ledger) throws IOException {
    Path file = home.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return;
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new CliException("Berkas " + file + " (pemberitahuan versi lama) rusak: " + e.getMessage(),
          "The file " + file + " (notifications of an older version) is damaged: " + e.getMessage(), e);
    }
    if (!"jdih-cli-notifications/1".equals(root.path("format").asText())) {
      throw new CliException("Berkas " + file + " bukan berkas pemberitahuan jdih yang dikenal",
          "The file " + file + " is not a known jdih notifications file");
    }
    for (JsonNode o : root.path("deliveries")) {
      Delivery pending = Delivery.pending(notification(o.path("notification")), o.path("channel").asText(),
          Instant.parse(o.path("recordedAt").asText()));
      if (!ledger.record(pending)) {
        continue; // imported before
      }
      DeliveryStatus status = DeliveryStatus.valueOf(o.path("status").asText());
      Optional<String> error = Optional.ofNullable(o.path("lastError").textValue());
      Instant next = Instant.parse(o.path("nextAttemptAt").asText());
      if (status == DeliveryStatus.SENT) {
        ledger.markSent(pending.key(), Instant.parse(o.path("sentAt").asText()));
      } else if (status == DeliveryStatus.FAILED) {
        ledger.markFailed(pending.key(), pending.recordedAt(), error.orElse("failed"), Optional.empty());
      } else if (error.isPresent() || !next.equals(pending.recordedAt())) {
        // a retry, or a send interrupted by a crash: due at its next attempt time
        ledger.markFailed(pending.key(), pending.recordedAt(), error.orElse("interrupted"), Optional.of(next));
      }
    }
    for (var e : root.path("progress").properties()) {
      JsonNode p = e.getValue();
      ledger.saveProgress(CaseId.of(e.getKey()), new CaseProgress(p.path("version").asLong(),
          Instant.parse(p.path("checkedUntil").asText()), p.path("closed").asBoolean()));
    }
    Files.move(file, home.resolve(FILE + ".imported"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static Notification notification(JsonNode no) {
    JsonNode co = no.path("recipient");
    Person person = Person.of(Nip.of(co.path("nip").asText()), co.path("name").asText(),
        ImmutableSet.copyOf(ImmutableList.copyOf(co.path("roles")).stream().map(r -> RoleId.of(r.asText()))
            .toList()));
    Contact contact = Contact.of(person).withLanguage(Language.valueOf(co.path("language").asText("ID")));
    if (co.has("email")) {
      contact = contact.withEmail(co.path("email").asText());
    }
    if (co.has("telegram")) {
      contact = contact.withTelegram(co.path("telegram").asText());
    }
    return new Notification(no.path("key").asText(), NotificationKind.valueOf(no.path("kind").asText()),
        CaseId.of(no.path("caseId").asText()), no.has("activity") ? OptionalInt.of(no.path("activity").asInt())
        : OptionalInt.empty(), contact, Text.of(no.path("subject").path("id").asText(),
        no.path("subject").path("en").asText()), Text.of(no.path("body").path("id").asText(),
        no.path("body").path("en").asText()));
  }
}
