package id.go.kpu.jdih.store.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.event.json.EventJson;
import id.go.kpu.jdih.event.json.OutboxJson;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publication intents in a case's log: written in the batch of their events, not events themselves, dropped whole
 * with a torn batch, and refused as damage where no append of the store could have put them.
 */
class FileCaseStoreIntentLinesTest {

  @TempDir
  Path dir;

  private final EventJson json = new EventJson();
  private final OutboxJson outboxJson = new OutboxJson();
  private final CaseId id = CaseId.of("niat");

  private byte[] eventLine(RecordedEvent e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(json.writeBytes(e));
    out.write('\n');
    return out.toByteArray();
  }

  @Test
  void eventsAndTheirIntentsAreOneBatchAndOnlyTheEventsCount() throws IOException {
    List<RecordedEvent> events = Events.chain(id, 4, "i");
    List<IntentState> intents = Intents.twoFor(id);
    FileCaseStore store = new FileCaseStore(dir);
    assertThat(store.append(id, 0, events.subList(0, 2), intents, () -> {})).isEqualTo(2);
    List<String> lines = Files.readAllLines(store.logFile(id), UTF_8);
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).isEqualTo("{\"batch\":4}");
    assertThat(lines.get(3)).isEqualTo("{\"outbox\":" + outboxJson.write(intents.get(0)) + "}");
    assertThat(lines.get(4)).isEqualTo("{\"outbox\":" + outboxJson.write(intents.get(1)) + "}");
    // one event and one intent: still a batch, of two lines
    assertThat(store.append(id, 2, events.subList(2, 3), List.of(Intents.pending(id, Platform.FACEBOOK)),
        () -> {})).isEqualTo(3);
    assertThat(Files.readAllLines(store.logFile(id), UTF_8).get(5)).isEqualTo("{\"batch\":2}");
    assertThat(store.append(id, 3, events.subList(3, 4))).isEqualTo(4);

    FileCaseStore reopened = new FileCaseStore(dir);
    assertThat(reopened.load(id)).isEqualTo(events);
    assertThat(reopened.version(id)).isEqualTo(4);
    assertThat(HashChain.verify(reopened.load(id))).isEmpty();
    assertThat(reopened.intentsInLog(id)).containsExactly(intents.get(0), intents.get(1),
        Intents.pending(id, Platform.FACEBOOK));
    FileCaseStore.Inspection log = reopened.inspect(id);
    assertThat(log.fileBytes()).isEqualTo(log.committedBytes());
    assertThat(store.load(id)).as("the writer's cached view").isEqualTo(events);
    assertThat(reopened.intentsInLog(CaseId.of("tanpa-log"))).isEmpty();
  }

  @Test
  void aBatchWithIntentsCutAtAnyByteIsDroppedWhole() throws IOException {
    List<RecordedEvent> events = Events.chain(id, 3, "c");
    FileCaseStore store = new FileCaseStore(dir);
    store.append(id, 0, events.subList(0, 1));
    Path log = store.logFile(id);
    long committed = Files.size(log);
    store.append(id, 1, events.subList(1, 2), Intents.twoFor(id), () -> {});
    byte[] all = Files.readAllBytes(log);
    int checked = 0;
    for (int cut = (int) committed; cut < all.length; cut++) {
      Files.write(log, Arrays.copyOf(all, cut));
      FileCaseStore reopened = new FileCaseStore(dir);
      assertThat(reopened.version(id)).as("cut at %d of %d", cut, all.length).isEqualTo(1);
      assertThat(reopened.intentsInLog(id)).as("cut at %d", cut).isEmpty();
      checked++;
    }
    assertThat(checked).isGreaterThan(1000);
    // the last cut (all but the final line break) is a torn tail: the next append replaces it
    FileCaseStore reopened = new FileCaseStore(dir);
    assertThat(reopened.append(id, 1, events.subList(1, 3), Intents.twoFor(id), () -> {})).isEqualTo(3);
    assertThat(new FileCaseStore(dir).load(id)).isEqualTo(events);
    assertThat(new FileCaseStore(dir).intentsInLog(id)).isEqualTo(Intents.twoFor(id));
    assertThat(reopened.inspect(id).fileBytes()).isEqualTo(reopened.inspect(id).committedBytes());
  }

  @Test
  void aFailingHookWritesNothing() {
    List<RecordedEvent> events = Events.chain(id, 1, "h");
    FileCaseStore store = new FileCaseStore(dir);
    FileStoreException e = catchThrowableOfType(FileStoreException.class, () -> store.append(id, 0, events,
        Intents.twoFor(id), () -> {
          throw new IOException("penanda gagal");
        }));
    assertThat(e.kind()).isEqualTo(FileStoreException.Kind.IO_FAILURE);
    assertThat(store.version(id)).isZero();
    assertThat(Files.exists(store.logFile(id))).isFalse();
  }

  /** Writes {@code parts} as the log of {@link #id}; a later write follows each, so nothing is a torn tail. */
  private FileStoreException damaged(String name, byte[]... parts) throws IOException {
    Path root = dir.resolve(name);
    FileCaseStore store = new FileCaseStore(root);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Arrays.stream(parts).forEach(out::writeBytes);
    Files.write(store.logFile(id), out.toByteArray());
    return catchThrowableOfType(FileStoreException.class, () -> new FileCaseStore(root).load(id));
  }

  @Test
  void intentLinesWhereNoAppendPutsThemAreDamage() throws IOException {
    List<RecordedEvent> events = Events.chain(id, 3, "d");
    IntentState own = Intents.pending(id, Platform.X);
    byte[] intent = LogScan.intentLine(outboxJson, own);

    FileStoreException outside = damaged("di-luar", eventLine(events.get(0)), intent, eventLine(events.get(1)));
    assertThat(outside.kind()).isEqualTo(FileStoreException.Kind.CORRUPT_LOG);
    assertThat(outside.getMessage()).contains("outside a batch", "damaged at line 2 after event 1");

    FileStoreException first = damaged("lebih-dulu", LogScan.batchMarker(2), intent, eventLine(events.get(0)),
        eventLine(events.get(1)));
    assertThat(first.getMessage()).contains("before the batch's events");

    FileStoreException after = damaged("peristiwa-setelah", LogScan.batchMarker(3), eventLine(events.get(0)), intent,
        eventLine(events.get(1)), eventLine(events.get(2)));
    assertThat(after.getMessage()).contains("an event after the publication intents");

    FileStoreException foreign = damaged("kasus-lain", LogScan.batchMarker(2), eventLine(events.get(0)),
        LogScan.intentLine(outboxJson, Intents.pending(CaseId.of("lain"), Platform.X)), eventLine(events.get(1)));
    assertThat(foreign.getMessage()).contains("a publication intent of case lain");

    IntentState s = own; // a later version: made by the outbox, never written by an append
    IntentState v2 = new IntentState(s.intent(), s.status(), 2, s.ids(), s.liveIdsFrom(), s.sendAttempts(),
        s.failures(), s.rateLimitWaits(), s.polls(), s.reconcileFirst(), s.reconcileChecks(), s.notFoundLookups(),
        s.duplicateSignal(), s.firstSentAt(), s.nextAttemptAt(), s.leaseUntil(), s.post(), s.problem(),
        s.caseRecorded(), s.notes(), s.updatedAt());
    FileStoreException later = damaged("versi-2", LogScan.batchMarker(2), eventLine(events.get(0)),
        LogScan.intentLine(outboxJson, v2), eventLine(events.get(1)));
    assertThat(later.getMessage()).contains("a publication intent of version 2, expected 1");

    byte[] broken = Arrays.copyOf(intent, intent.length);
    broken[broken.length / 2] = '"';
    FileStoreException garbled = damaged("rusak", LogScan.batchMarker(2), eventLine(events.get(0)), broken,
        eventLine(events.get(1)));
    assertThat(garbled.getMessage()).contains("JDIH-JSON-1");

    // the same lines as the complete last write: an acknowledged write damaged, reported too
    Path root = dir.resolve("ekor");
    FileCaseStore store = new FileCaseStore(root);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(eventLine(events.get(0)));
    out.writeBytes(LogScan.batchMarker(2));
    out.writeBytes(eventLine(events.get(1)));
    out.writeBytes(broken);
    Files.write(store.logFile(id), out.toByteArray());
    assertThat(catchThrowableOfType(FileStoreException.class, () -> new FileCaseStore(root).version(id)).kind())
        .isEqualTo(FileStoreException.Kind.CORRUPT_LOG);
    // without its final line break, the write is what a crash can leave: ignored, nothing refused
    byte[] cut = out.toByteArray();
    Files.write(store.logFile(id), Arrays.copyOf(cut, cut.length - 1));
    assertThat(new FileCaseStore(root).version(id)).isEqualTo(1);
    assertThat(new FileCaseStore(root).intentsInLog(id)).isEmpty();
  }
}
