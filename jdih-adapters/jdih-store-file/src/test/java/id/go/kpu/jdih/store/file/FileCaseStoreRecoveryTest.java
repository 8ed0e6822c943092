package id.go.kpu.jdih.store.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.go.kpu.jdih.event.json.EventJson;
import id.go.kpu.jdih.store.InvalidAppendException;
import id.go.kpu.jdih.store.VersionConflictException;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.HashFormat;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Torn tails, torn batches, damage, file names, and several stores on one directory. */
class FileCaseStoreRecoveryTest {

  @TempDir
  Path dir;

  private final EventJson json = new EventJson();
  private final CaseId id = CaseId.of("sobek");

  /** The exact bytes a clean log of single-event appends holds. */
  private byte[] cleanLog(List<RecordedEvent> events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (RecordedEvent e : events) {
      out.writeBytes(json.writeBytes(e));
      out.write('\n');
    }
    return out.toByteArray();
  }

  private void appendRaw(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes, StandardOpenOption.APPEND);
  }

  @Test
  void aTornLastLineIsIgnoredThenTruncatedByTheNextAppend() throws IOException {
    List<RecordedEvent> events = Events.chain(id, 4, "t");
    FileCaseStore store = new FileCaseStore(dir);
    for (int i = 0; i < 3; i++) {
      store.append(id, i, events.subList(i, i + 1));
    }
    Path log = store.logFile(id);
    assertThat(Files.readAllBytes(log)).isEqualTo(cleanLog(events.subList(0, 3)));
    // a crash while writing event 4: half its line, no line break
    byte[] line = json.writeBytes(events.get(3));
    appendRaw(log, Arrays.copyOf(line, line.length / 2));

    FileCaseStore reopened = new FileCaseStore(dir);
    assertThat(reopened.load(id)).isEqualTo(events.subList(0, 3));
    assertThat(reopened.version(id)).isEqualTo(3);
    FileCaseStore.Inspection torn = reopened.inspect(id);
    assertThat(torn.fileBytes()).isEqualTo(torn.committedBytes() + line.length / 2);
    // the store that wrote the first three sees the same
    assertThat(store.load(id)).isEqualTo(events.subList(0, 3));

    assertThat(reopened.append(id, 3, events.subList(3, 4))).isEqualTo(4);
    assertThat(Files.readAllBytes(log)).as("the torn tail is gone").isEqualTo(cleanLog(events));
    assertThat(new FileCaseStore(dir).load(id)).isEqualTo(events);
    assertThat(store.load(id)).isEqualTo(events);
    assertThat(HashChain.verify(store.load(id))).isEmpty();
  }

  @Test
  void aLastLineWithBlocksNeverWrittenIsATornTailToo() throws IOException {
    List<RecordedEvent> events = Events.chain(id, 3, "t");
    FileCaseStore store = new FileCaseStore(dir);
    store.append(id, 0, events.subList(0, 2));
    Path log = store.logFile(id);
    byte[] before = Files.readAllBytes(log);
    appendRaw(log, "\0\0\0\0\0\0\0\0{\"v\":1,\"caseId\"\n".getBytes(UTF_8)); // zeros, as after a power cut
    FileCaseStore reopened = new FileCaseStore(dir);
    assertThat(reopened.version(id)).isEqualTo(2);
    assertThat(Files.readAllBytes(log)).as("reading changes nothing").startsWith(before).hasSizeGreaterThan(
        before.length);
    reopened.append(id, 2, events.subList(2, 3));
    assertThat(new FileCaseStore(dir).load(id)).isEqualTo(events);
    assertThat(reopened.inspect(id).fileBytes()).isEqualTo(reopened.inspect(id).committedBytes());
  }

  /**
   * A complete last line (its line break written) was acknowledged: damaged, it is reported, never dropped, and the
   * next append neither cuts it nor writes after it (issue 18, item 2).
   */
  @Test
  void aDamagedCompleteLastLineIsReportedNotDropped() throws IOException {
    List<RecordedEvent> events = Events.chain(id, 4, "a");
    FileCaseStore store = new FileCaseStore(dir);
    for (int i = 0; i < 3; i++) {
      store.append(id, i, events.subList(i, i + 1));
    }
    Path log = store.logFile(id);
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    lines.set(2, lines.get(2).substring(0, lines.get(2).length() - 5)); // the last event, with its line break
    Files.write(log, lines);
    byte[] damaged = Files.readAllBytes(log);
    FileCaseStore reopened = new FileCaseStore(dir);
    FileStoreException e = catchThrowableOfType(FileStoreException.class, () -> reopened.load(id));
    assertThat(e).as("an acknowledged event must not silently disappear").isNotNull();
    assertThat(e.kind()).isEqualTo(FileStoreException.Kind.CORRUPT_LOG);
    assertThat(e.getMessage()).contains("damaged at line 3 after event 2", "nothing was truncated");
    assertThatThrownBy(() -> reopened.version(id)).isInstanceOf(FileStoreException.class);
    assertThatThrownBy(() -> reopened.append(id, 2, events.subList(2, 3))).isInstanceOf(FileStoreException.class);
    assertThatThrownBy(() -> store.append(id, 3, events.subList(3, 4))).isInstanceOf(FileStoreException.class);
    assertThat(Files.readAllBytes(log)).as("nothing cut, nothing written").isEqualTo(damaged);

    // the same for a complete batch whose last line is damaged
    FileCaseStore batches = new FileCaseStore(dir.resolve("batch"));
    batches.append(id, 0, events.subList(0, 1));
    batches.append(id, 1, events.subList(1, 3));
    Path batchLog = batches.logFile(id);
    List<String> batchLines = new ArrayList<>(Files.readAllLines(batchLog));
    batchLines.set(3, batchLines.get(3).substring(0, 60));
    Files.write(batchLog, batchLines);
    assertThat(catchThrowableOfType(FileStoreException.class, () -> new FileCaseStore(dir.resolve("batch"))
        .load(id)).kind()).isEqualTo(FileStoreException.Kind.CORRUPT_LOG);
  }

  /** A garbled first (and only) line does not make the case look empty: it is listed, and loading it says why. */
  @Test
  void aGarbledFirstLineDoesNotMakeTheCaseLookEmpty() throws IOException {
    FileCaseStore store = new FileCaseStore(dir);
    store.append(id, 0, Events.chain(id, 1, "g"));
    Path log = store.logFile(id);
    Files.writeString(log, "{\"rusak\": true}\n");
    FileCaseStore reopened = new FileCaseStore(dir);
    try (Stream<CaseId> listed = reopened.caseIds()) {
      assertThat(listed).containsExactly(id);
    }
    FileStoreException e = catchThrowableOfType(FileStoreException.class, () -> reopened.load(id));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("damaged at line 1 after event 0");
    assertThatThrownBy(() -> reopened.append(id, 0, Events.chain(id, 1, "h"))).isInstanceOf(
        FileStoreException.class);
    assertThat(Files.readString(log)).isEqualTo("{\"rusak\": true}\n");
  }

  @Test
  void aBatchCutShortIsDroppedWhole() throws IOException {
    List<RecordedEvent> events = Events.chain(id, 6, "b");
    FileCaseStore store = new FileCaseStore(dir);
    store.append(id, 0, events.subList(0, 1));
    store.append(id, 1, events.subList(1, 2));
    long committed = Files.size(store.logFile(id));
    assertThat(store.append(id, 2, events.subList(2, 5))).isEqualTo(5);
    Path log = store.logFile(id);
    String text = Files.readString(log);
    assertThat(text.lines().toList()).hasSize(2 + 1 + 3);
    assertThat(text.lines().toList().get(2)).isEqualTo("{\"batch\":3}");
    // cut the file inside the batch's third line: its first two events are complete, but were never acknowledged
    byte[] all = Files.readAllBytes(log);
    int cut = all.length - 100;
    Files.write(log, Arrays.copyOf(all, cut));
    FileCaseStore reopened = new FileCaseStore(dir);
    assertThat(reopened.load(id)).isEqualTo(events.subList(0, 2));
    assertThat(reopened.inspect(id).committedBytes()).isEqualTo(committed);
    // cut just after the marker line: still nothing of the batch
    Files.write(log, Arrays.copyOf(all, (int) committed + "{\"batch\":3}\n".length()));
    assertThat(new FileCaseStore(dir).version(id)).isEqualTo(2);
    // the writer's stale view notices the shorter file
    assertThat(store.version(id)).isEqualTo(2);
    assertThatThrownBy(() -> store.append(id, 5, events.subList(5, 6))).isInstanceOf(
        VersionConflictException.class);
    assertThat(store.append(id, 2, events.subList(2, 6))).isEqualTo(6);
    assertThat(new FileCaseStore(dir).load(id)).isEqualTo(events);
  }

  @Test
  void damageBeforeTheLastWriteIsReportedAndNothingIsTruncated() throws IOException {
    List<RecordedEvent> events = Events.chain(id, 5, "d");
    FileCaseStore store = new FileCaseStore(dir);
    store.append(id, 0, events.subList(0, 4));
    store.append(id, 4, events.subList(4, 5));
    Path log = store.logFile(id);
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    assertThat(lines.get(0)).isEqualTo("{\"batch\":4}");
    // event 2 damaged; the rest of its batch and a later write follow it. (Damage inside the last write alone
    // would be indistinguishable from that write being torn.)
    lines.set(2, lines.get(2).substring(0, 40));
    Files.write(log, lines);
    byte[] damaged = Files.readAllBytes(log);
    FileCaseStore reopened = new FileCaseStore(dir);
    FileStoreException e = catchThrowableOfType(FileStoreException.class, () -> reopened.load(id));
    assertThat(e.kind()).isEqualTo(FileStoreException.Kind.CORRUPT_LOG);
    assertThat(e.code()).isEqualTo("JDIH-FILE-002");
    assertThat(e.getMessage()).contains("rusak di baris ke-1 ", "damaged at line 1 after event 0",
        "nothing was truncated");
    assertThatThrownBy(() -> reopened.append(id, 0, events.subList(0, 1))).isInstanceOf(FileStoreException.class);
    assertThat(Files.readAllBytes(log)).isEqualTo(damaged);

    // the same with single-event writes: event 2 altered so it no longer decodes, 3 and 4 intact
    Path other = dir.resolve("other");
    FileCaseStore second = new FileCaseStore(other);
    for (int i = 0; i < 4; i++) {
      second.append(id, i, events.subList(i, i + 1));
    }
    List<String> single = new ArrayList<>(Files.readAllLines(second.logFile(id)));
    single.set(1, single.get(1).replace("\"v\":2", "\"v\":2,\"x\":0"));
    Files.write(second.logFile(id), single);
    FileStoreException e2 = catchThrowableOfType(FileStoreException.class,
        () -> new FileCaseStore(other).version(id));
    assertThat(e2.getMessage()).contains("damaged at line 2 after event 1", "JDIH-JSON-102");
  }

  @Test
  void anAlteredButWellFormedEventLoadsAndTheHashChainCatchesIt() throws IOException {
    List<RecordedEvent> events = Events.chain(id, 3, "h");
    FileCaseStore store = new FileCaseStore(dir);
    store.append(id, 0, events);
    Path log = store.logFile(id);
    Files.writeString(log, Files.readString(log).replace("ringkasan h 2 ", "ringkasan palsu 2 "));
    List<RecordedEvent> loaded = new FileCaseStore(dir).load(id);
    assertThat(loaded).hasSize(3);
    assertThat(((CaseEvent.Summarized) loaded.get(1).payload()).summary()).startsWith("ringkasan palsu 2 ");
    assertThat(HashChain.verify(loaded)).contains(new HashChain.Break(1, HashChain.Reason.ALTERED));
  }

  @Test
  void fileNamesAreSafeAndDistinctWhateverTheCase() throws IOException {
    FileCaseStore store = new FileCaseStore(dir);
    List<CaseId> ids = List.of(CaseId.of("Kasus-A"), CaseId.of("kasus-a"), CaseId.of("KASUS-A"), CaseId.of("con"),
        CaseId.of("-_-"), CaseId.of("x".repeat(64)));
    for (CaseId c : ids) {
      store.append(c, 0, Events.chain(c, 1, "n"));
    }
    assertThat(store.logFile(CaseId.of("Kasus-A")).getFileName().toString()).isEqualTo("case-+kasus-+a.jsonl");
    assertThat(store.logFile(CaseId.of("con")).getFileName().toString()).isEqualTo("case-con.jsonl");
    for (CaseId c : ids) {
      assertThat(store.load(c)).isEqualTo(Events.chain(c, 1, "n"));
      assertThat(store.logFile(c).getParent()).isEqualTo(dir.toRealPath());
    }
    try (Stream<CaseId> listed = new FileCaseStore(dir).caseIds()) {
      assertThat(listed).containsExactlyElementsOf(ids.stream().sorted().toList());
    }
    // files that are not logs of this store are not cases
    Files.writeString(dir.resolve("case-Kasus.jsonl"), "");
    Files.writeString(dir.resolve("case-+.jsonl"), "");
    Files.writeString(dir.resolve("catatan.txt"), "");
    Files.writeString(dir.resolve("case-kosong.jsonl"), ""); // an empty log has no events
    try (Stream<CaseId> listed = store.caseIds()) {
      assertThat(listed).hasSize(ids.size());
    }
    assertThat(FileCaseStore.caseIdOf("case-+kasus-+a.jsonl")).isEqualTo(CaseId.of("Kasus-A"));
    assertThat(FileCaseStore.caseIdOf("case-..jsonl")).isNull();
    assertThat(FileCaseStore.caseIdOf("case-a.lock")).isNull();
  }

  @Test
  void anEventThatCannotBeWrittenIsRefusedAndNothingIsStored() {
    FileCaseStore store = new FileCaseStore(dir);
    // Not creatable (its hash cannot be computed), but a store may still be handed one.
    RecordedEvent bad = new RecordedEvent(id, 1, Events.SOP, CommandId.of("n-1"), Optional.empty(), Events.STAF,
        Instant.EPOCH, OptionalInt.of(4), new CaseEvent.Summarized(null), HashChain.GENESIS, "0".repeat(64),
        HashFormat.CURRENT);
    assertThatThrownBy(() -> store.append(id, 0, List.of(bad))).isInstanceOf(InvalidAppendException.class)
        .hasMessageContaining("payload.summary");
    assertThat(store.version(id)).isZero();
    assertThat(Files.exists(store.logFile(id))).isFalse();
  }

  @Test
  void storesOnOneDirectoryShareTheLocks() throws Exception {
    FileCaseStore a = new FileCaseStore(dir);
    FileCaseStore b = new FileCaseStore(dir.resolve(".").resolve("..").resolve(dir.getFileName()));
    List<CaseId> ids = List.of(CaseId.of("bersama-1"), CaseId.of("bersama-2"));
    int perCase = 150;
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        FileCaseStore store = t % 2 == 0 ? a : b;
        String tag = "t" + t;
        futures.add(pool.submit(() -> {
          for (int round = 0; ; round++) {
            CaseId c = ids.get(round % 2);
            long v = store.version(c);
            if (a.version(ids.get(0)) >= perCase && a.version(ids.get(1)) >= perCase) {
              return null;
            }
            if (v >= perCase) {
              continue;
            }
            try {
              store.append(c, v, Events.continuing(c, v, HashChain.head(store.load(c)), 1, tag));
            } catch (VersionConflictException e) {
              conflicts.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    for (CaseId c : ids) {
      assertThat(a.load(c)).hasSize(perCase).isEqualTo(b.load(c)).isEqualTo(new FileCaseStore(dir).load(c));
      assertThat(HashChain.verify(a.load(c))).isEmpty();
    }
    System.out.printf("two stores on one directory: %d appends, %d conflicts%n", 2 * perCase, conflicts.get());
  }
}
