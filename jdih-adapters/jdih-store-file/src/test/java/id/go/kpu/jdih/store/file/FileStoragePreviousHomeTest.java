package id.go.kpu.jdih.store.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseDecider;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.HashFormat;
import id.go.kpu.jdih.workflow.OutputRules;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case logs of a home written by jdih 0.1 (the command-line app's fixture of its previous homes, commit
 * 465ed79) open with {@link FileStorage} as they are: every history verifies with its format-1 hashes, nothing is
 * rewritten, and a new event continues a chain that keeps verifying.
 */
class FileStoragePreviousHomeTest {

  /** Where the fixture lives, relative to the repository's root. */
  private static final Path FIXTURE = Path.of("jdih-examples", "jdih-cli", "src", "test", "resources",
      "previous-homes", "0.1.0-465ed79", "file", "cases");

  @TempDir
  Path home;

  /** The fixture, found from the working directory (the module's, under Maven) upwards. */
  private static Path fixture() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve(FIXTURE))) {
        return d.resolve(FIXTURE);
      }
    }
    throw new AssertionError("the logs of jdih 0.1 are not found above " + Path.of("").toAbsolutePath()
        + " at " + FIXTURE);
  }

  @Test
  void logsWrittenByJdih01OpenVerifyAndContinue() throws IOException {
    Path cases = Files.createDirectories(home.resolve("cases"));
    Map<String, byte[]> before = new HashMap<>();
    try (Stream<Path> files = Files.list(fixture())) {
      for (Path f : files.toList()) {
        Files.copy(f, cases.resolve(f.getFileName()));
        before.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    }
    assertThat(before).containsKeys("case-kasus-berjalan.jsonl", "case-kasus-rapat.jsonl",
        "case-kasus-siap-unggah.jsonl", "case-kasus-terbit.jsonl");

    FileStorage storage = FileStorage.open(home);
    List<CaseId> ids;
    try (Stream<CaseId> listed = storage.cases().caseIds()) {
      ids = listed.toList();
    }
    assertThat(ids).extracting(CaseId::value)
        .containsExactly("kasus-berjalan", "kasus-rapat", "kasus-siap-unggah", "kasus-terbit");
    for (CaseId id : ids) {
      List<RecordedEvent> events = storage.cases().load(id);
      assertThat(events).as("%s", id).isNotEmpty();
      assertThat(HashChain.verify(events)).as("%s", id).isEmpty();
      assertThat(events).as("%s", id).allMatch(e -> e.hashFormat() == HashFormat.LEGACY_1);
      assertThat(storage.outbox().forCase(id)).as("no intents in a 0.1 log").isEmpty();
      FileCaseStore.Inspection log = ((FileCaseStore) storage.cases()).inspect(id);
      assertThat(log.fileBytes()).as("%s: all of it committed", id).isEqualTo(log.committedBytes());
    }
    assertThat(storage.cases().load(CaseId.of("kasus-siap-unggah"))).hasSize(8);

    // kasus-berjalan stands at activity 3, the meeting: record it, as the runtime would
    CaseId id = CaseId.of("kasus-berjalan");
    CaseDecider decider = new CaseDecider(ReferenceSop.definition(), OutputRules.acceptAll());
    List<RecordedEvent> history = storage.cases().load(id);
    ContentCase state = ContentCase.replay(id, decider.definition(), history);
    assertThat(state.currentActivity()).hasValue(3);
    List<RecordedEvent> next = decider.decide(state, new CaseCommand.RecordMeeting(CommandId.of("rapat-1"), id,
        Fixtures.TIM, Fixtures.meeting()), Instant.parse("2026-12-05T02:00:00Z"));
    assertThat(next).isNotEmpty();
    storage.append(id, history.size(), next, List.of());

    List<RecordedEvent> after = FileStorage.open(home).cases().load(id);
    assertThat(after).hasSize(history.size() + next.size());
    assertThat(after.subList(0, history.size())).isEqualTo(history);
    assertThat(after.get(history.size()).hashFormat()).isEqualTo(HashFormat.CURRENT);
    assertThat(after.get(history.size()).previousHash()).isEqualTo(HashChain.head(history));
    assertThat(HashChain.verify(after)).isEmpty();
    ContentCase replayed = ContentCase.replay(id, decider.definition(), after);
    assertThat(replayed.version()).isEqualTo(after.size());
    assertThat(replayed.meeting()).contains(Fixtures.meeting());
    byte[] log = Files.readAllBytes(cases.resolve("case-kasus-berjalan.jsonl"));
    byte[] old = before.get("case-kasus-berjalan.jsonl");
    assertThat(new String(log, 0, old.length, UTF_8))
        .as("the old lines untouched").isEqualTo(new String(old, UTF_8));
    for (Map.Entry<String, byte[]> e : before.entrySet()) {
      if (!e.getKey().equals("case-kasus-berjalan.jsonl")) {
        assertThat(Files.readAllBytes(cases.resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
      }
    }
  }
}
