package id.go.kpu.jdih.store.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.notify.Notification;
import id.go.kpu.jdih.notify.NotificationKind;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home directory's layout, and the markers through which intents a crash left in a case's log only are
 * materialised: by the next open, or by a query of a running instance.
 */
class FileStorageTest {

  @TempDir
  Path dir;

  private final CaseId id = CaseId.of("Kasus-7");

  private static List<String> names(Path d) throws IOException {
    try (Stream<Path> files = Files.list(d)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** A marker as an append of another process leaves it when it dies after writing the case's log. */
  private static Path leaveMarker(FileStorage storage, CaseId id) throws IOException {
    Path cases = storage.root().resolve("cases");
    String log = new FileCaseStore(cases).logFile(id).getFileName().toString();
    return Files.createFile(storage.root().resolve("pending").resolve(log + "." + UUID.randomUUID() + ".pending"));
  }

  @Test
  void theHomeHoldsCasesOutboxNotificationsAndNoMarkerAfterAnAppend() throws IOException {
    FileStorage storage = FileStorage.open(dir);
    List<RecordedEvent> events = Events.chain(id, 2, "l");
    List<IntentState> intents = Intents.twoFor(id);
    storage.append(id, 0, events, intents);
    storage.notifications().record(Delivery.pending(new Notification("k/1", NotificationKind.AVAILABLE, id,
        OptionalInt.of(3), Contact.of(Events.STAF).withEmail("sari@kpu.go.id"), Text.of("s", "s"),
        Text.of("b", "b")), "email", Intents.AT));
    assertThat(names(storage.root())).containsExactly("cases", "notifications", "outbox", "pending");
    assertThat(names(storage.root().resolve("cases"))).containsExactly("case-+kasus-7.jsonl", "case-+kasus-7.lock");
    assertThat(names(storage.root().resolve("outbox"))).filteredOn(n -> n.endsWith(".json"))
        .containsExactly("intent-+kasus-7.telegram.r1.json", "intent-+kasus-7.x.r1.json");
    assertThat(names(storage.root().resolve("pending"))).isEmpty();
    assertThat(names(storage.root().resolve("notifications"))).containsExactly("notifications.jsonl",
        "notifications.lock");
    List<String> log = Files.readAllLines(storage.root().resolve("cases").resolve("case-+kasus-7.jsonl"), UTF_8);
    assertThat(log).hasSize(5);
    assertThat(log.get(0)).isEqualTo("{\"batch\":4}");
    assertThat(log.subList(3, 5)).allMatch(l -> l.startsWith("{\"outbox\":{\"v\":1,\"intent\":{\"id\":\"Kasus-7."));
    // appending without intents leaves the outbox alone
    storage.append(id, 2, Events.continuing(id, 2, events.get(1).hash(), 1, "l"), List.of());
    assertThat(storage.cases().version(id)).isEqualTo(3);
    assertThat(FileStorage.open(dir).outbox().forCase(id)).containsExactlyElementsOf(intents);
  }

  @Test
  void intentsLeftInTheLogOnlyAreMaterialisedByTheNextOpen() throws IOException {
    FileStorage storage = FileStorage.open(dir);
    List<IntentState> intents = Intents.twoFor(id);
    storage.append(id, 0, Events.chain(id, 2, "m"), intents);
    // as if the process had died right after the log write: no outbox files yet, the marker still there
    Files.delete(outboxOf(storage).file(intents.get(0).id()));
    Files.delete(outboxOf(storage).file(intents.get(1).id()));
    Path marker = leaveMarker(storage, id);
    assertThat(new FileOutboxStore(dir.resolve("outbox")).forCase(id)).isEmpty();

    FileStorage reopened = FileStorage.open(dir);
    assertThat(Files.exists(marker)).isFalse();
    assertThat(new FileOutboxStore(dir.resolve("outbox")).forCase(id)).as("materialised by the open")
        .containsExactlyElementsOf(intents);
    assertThat(reopened.outbox().forCase(id)).containsExactlyElementsOf(intents);
  }

  @Test
  void aRunningInstanceMaterialisesWhatAnotherProcessLeftAtItsNextQuery() throws IOException {
    FileStorage running = FileStorage.open(dir);
    List<IntentState> intents = Intents.twoFor(id);
    running.append(id, 0, Events.chain(id, 2, "q"), intents);
    Files.delete(outboxOf(running).file(intents.get(1).id()));
    Path marker = leaveMarker(running, id);
    assertThat(running.outbox().due(Intents.AT, 10)).containsExactlyElementsOf(intents);
    assertThat(Files.exists(marker)).isFalse();

    // find, forCase and nextDueAt recover too
    for (int query = 0; query < 3; query++) {
      Files.delete(outboxOf(running).file(intents.get(0).id()));
      leaveMarker(running, id);
      switch (query) {
        case 0 -> assertThat(running.outbox().find(intents.get(0).id())).contains(intents.get(0));
        case 1 -> assertThat(running.outbox().forCase(id)).containsExactlyElementsOf(intents);
        default -> assertThat(running.outbox().nextDueAt()).contains(Intents.AT);
      }
      assertThat(names(dir.resolve("pending"))).isEmpty();
    }
  }

  @Test
  void recoveryLeavesAnIntentThatMovedOnAsItIsAndClearsMarkersOfAppendsThatNeverWrote() throws IOException {
    FileStorage storage = FileStorage.open(dir);
    List<IntentState> intents = Intents.twoFor(id);
    storage.append(id, 0, Events.chain(id, 2, "r"), intents);
    IntentState v2 = nextVersion(intents.get(1));
    assertThat(storage.outbox().replace(intents.get(1), v2)).isTrue();
    leaveMarker(storage, id);
    leaveMarker(storage, CaseId.of("tanpa-log")); // an append that died before writing its log
    Files.createFile(dir.resolve("pending").resolve("bukan-penanda.pending"));
    FileStorage reopened = FileStorage.open(dir);
    assertThat(reopened.outbox().forCase(id)).containsExactly(intents.get(0), v2);
    assertThat(reopened.outbox().forCase(CaseId.of("tanpa-log"))).isEmpty();
    assertThat(names(dir.resolve("pending"))).isEmpty();
    assertThat(reopened.recover()).isZero();
  }

  private static IntentState nextVersion(IntentState s) {
    return new IntentState(s.intent(), s.status(), s.version() + 1, s.ids(), s.liveIdsFrom(), s.sendAttempts() + 1,
        s.failures(), s.rateLimitWaits(), s.polls(), s.reconcileFirst(), s.reconcileChecks(), s.notFoundLookups(),
        s.duplicateSignal(), s.firstSentAt(), s.nextAttemptAt(), s.leaseUntil(), s.post(), s.problem(),
        s.caseRecorded(), s.notes(), s.updatedAt().plusSeconds(1));
  }

  /** The file outbox under a storage's recovering view. */
  private static FileOutboxStore outboxOf(FileStorage storage) {
    return new FileOutboxStore(storage.root().resolve("outbox"));
  }
}
