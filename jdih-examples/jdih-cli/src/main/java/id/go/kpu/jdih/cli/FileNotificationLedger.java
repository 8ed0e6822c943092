package id.go.kpu.jdih.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.notify.CaseProgress;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.notify.DeliveryStatus;
import id.go.kpu.jdih.notify.InMemoryNotificationLedger;
import id.go.kpu.jdih.notify.Notification;
import id.go.kpu.jdih.notify.NotificationKind;
import id.go.kpu.jdih.notify.NotificationLedger;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The CLI's notification ledger: the library's in-memory ledger, saved to {@code notifications.json} in the home
 * folder after every change (atomically) and restored on start, so a notification recorded or sent by one
 * {@code jdih} run is never sent again by the next. A delivery that was being sent when a run died is due again
 * (at least once); the attempt count restarts at its status. Meant for one office's CLI, not for thousands of
 * deliveries a minute.
 */
final class FileNotificationLedger implements NotificationLedger {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final InMemoryNotificationLedger memory = new InMemoryNotificationLedger();
  // The in-memory ledger cannot list its case progress, so this class keeps it.
  private final java.util.Map<CaseId, CaseProgress> progress = new java.util.TreeMap<>();

  FileNotificationLedger(Path file) throws IOException {
    this.file = file;
    if (Files.exists(file)) {
      load(JSON.readTree(file.toFile()));
    }
  }

  @Override
  public synchronized boolean record(Delivery delivery) {
    boolean added = memory.record(delivery);
    if (added) {
      save();
    }
    return added;
  }

  @Override
  public synchronized ImmutableList<Delivery> claimDue(Instant now, int max, Duration lease) {
    ImmutableList<Delivery> claimed = memory.claimDue(now, max, lease);
    if (!claimed.isEmpty()) {
      save();
    }
    return claimed;
  }

  @Override
  public synchronized void markSent(String key, Instant at) {
    memory.markSent(key, at);
    save();
  }

  @Override
  public synchronized void markFailed(String key, Instant at, String error, Optional<Instant> retryAt) {
    memory.markFailed(key, at, error, retryAt);
    save();
  }

  @Override
  public Optional<Delivery> find(String key) {
    return memory.find(key);
  }

  @Override
  public ImmutableList<Delivery> deliveries() {
    return memory.deliveries();
  }

  @Override
  public synchronized Optional<CaseProgress> progress(CaseId caseId) {
    return Optional.ofNullable(progress.get(caseId));
  }

  @Override
  public synchronized void saveProgress(CaseId caseId, CaseProgress p) {
    progress.put(caseId, p);
    save();
  }

  private void save() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "jdih-cli-notifications/1");
    ArrayNode ds = root.putArray("deliveries");
    for (Delivery d : memory.deliveries()) {
      ObjectNode o = ds.addObject();
      o.put("channel", d.channel()).put("status", d.status().name()).put("attempts", d.attempts())
          .put("recordedAt", d.recordedAt().toString()).put("nextAttemptAt", d.nextAttemptAt().toString());
      d.sentAt().ifPresent(t -> o.put("sentAt", t.toString()));
      d.lastError().ifPresent(e -> o.put("lastError", e));
      Notification n = d.notification();
      ObjectNode no = o.putObject("notification");
      no.put("key", n.key()).put("kind", n.kind().name()).put("caseId", n.caseId().value());
      n.activity().ifPresent(a -> no.put("activity", a));
      Contact c = n.recipient();
      ObjectNode co = no.putObject("recipient");
      co.put("nip", c.person().nip().value()).put("name", c.person().name()).put("language", c.language().name());
      ArrayNode roles = co.putArray("roles");
      c.person().roles().forEach(r -> roles.add(r.value()));
      c.email().ifPresent(e -> co.put("email", e));
      c.telegramChatId().ifPresent(t -> co.put("telegram", t));
      no.putObject("subject").put("id", n.subject().id()).put("en", n.subject().en());
      no.putObject("body").put("id", n.body().id()).put("en", n.body().en());
    }
    ObjectNode ps = root.putObject("progress");
    progress.forEach((id, p) -> ps.putObject(id.value()).put("version", p.version())
        .put("checkedUntil", p.checkedUntil().toString()).put("closed", p.closed()));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".notifications-", ".tmp");
      try {
        Files.writeString(tmp, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void load(JsonNode root) {
    for (JsonNode o : root.path("deliveries")) {
      JsonNode no = o.path("notification");
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
      Notification n = new Notification(no.path("key").asText(), NotificationKind.valueOf(no.path("kind").asText()),
          CaseId.of(no.path("caseId").asText()), no.has("activity") ? OptionalInt.of(no.path("activity").asInt())
          : OptionalInt.empty(), contact, Text.of(no.path("subject").path("id").asText(),
          no.path("subject").path("en").asText()), Text.of(no.path("body").path("id").asText(),
          no.path("body").path("en").asText()));
      Instant recorded = Instant.parse(o.path("recordedAt").asText());
      Delivery pending = Delivery.pending(n, o.path("channel").asText(), recorded);
      memory.record(pending);
      DeliveryStatus status = DeliveryStatus.valueOf(o.path("status").asText());
      Optional<String> error = Optional.ofNullable(o.path("lastError").textValue());
      if (status == DeliveryStatus.SENT) {
        memory.markSent(pending.key(), Instant.parse(o.path("sentAt").asText()));
      } else if (status == DeliveryStatus.FAILED) {
        memory.markFailed(pending.key(), recorded, error.orElse("failed"), Optional.empty());
      } else if (error.isPresent() || !o.path("nextAttemptAt").asText().equals(recorded.toString())) {
        // Pending retry (or a send interrupted by a crash): due at its next attempt time.
        memory.markFailed(pending.key(), recorded, error.orElse("interrupted"),
            Optional.of(Instant.parse(o.path("nextAttemptAt").asText())));
      }
    }
    root.path("progress").properties().forEach(e -> {
      CaseProgress p = new CaseProgress(e.getValue().path("version").asLong(),
          Instant.parse(e.getValue().path("checkedUntil").asText()), e.getValue().path("closed").asBoolean());
      progress.put(CaseId.of(e.getKey()), p);
    });
  }
}
