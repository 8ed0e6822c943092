package id.go.kpu.jdih.store.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kpu.jdih.anchor.DigestVerifier;
import id.go.kpu.jdih.anchor.HeadDigest;
import id.go.kpu.jdih.anchor.HeadSigner;
import id.go.kpu.jdih.anchor.HmacSha256Signer;
import id.go.kpu.jdih.anchor.InMemorySealStore;
import id.go.kpu.jdih.event.json.EventJson;
import id.go.kpu.jdih.notify.InMemoryPersonDirectory;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.hash.InsiderRewrite;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Digests exported to write-once files, and a case log edited by hand (the approver renamed, every hash
 * recomputed) found by the digest although its chain verifies.
 */
class FileDigestSinkTest {

  static final HeadSigner SIGNER = new HmacSha256Signer("kpu-file-test",
      "a test key of at least thirty-two bytes".getBytes(UTF_8));
  static final Instant NIGHT = Instant.parse("2024-03-04T16:00:00Z");

  @TempDir
  Path dir;

  @Test
  void aDigestIsWrittenOnceReadOnlyAndCatchesALogEditedByHand() throws Exception {
    Path root = dir.resolve("store");
    FileDigestSink sink = new FileDigestSink(dir.resolve("digests"));
    CaseId id = CaseId.of("diedit");
    CaseId other = CaseId.of("utuh");
    HeadDigest digest;
    try (FileStorage storage = FileStorage.open(root)) {
      Jdih jdih = Jdih.builder().actors(new InMemoryPersonDirectory()).storage(storage)
          .clock(MutableClock.at("2024-03-04T02:00:00Z")).sealWith(SIGNER, new InMemorySealStore()).build();
      for (CaseId c : List.of(id, other)) {
        for (CaseCommand command : Fixtures.happyPath(c, Fixtures.produkHukum(), NIGHT).subList(0, 4)) {
          jdih.cases().handleTrusted(command);
        }
      }
      digest = jdih.headDigest(NIGHT, e -> { });
      sink.export(digest);
      sink.export(digest); // again: nothing changes
    }
    Path file = sink.fileOf(digest);
    assertThat(file.getFileName().toString()).isEqualTo("head-digest-2024-03-04T16-00-00Z.txt");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--r--r--");
    assertThat(sink.digests()).containsExactly(digest);
    assertThat(FileDigestSink.read(file).verifiedBy(SIGNER)).isTrue();
    HeadDigest another = HeadDigest.of(SIGNER, NIGHT, List.of());
    assertThatThrownBy(() -> sink.export(another)).isInstanceOf(FileStoreException.class)
        .hasMessageContaining("never replaced");

    // the insider edits the case's log: the approver renamed, every hash after it recomputed
    Path log = root.resolve("cases").resolve("case-" + id.value() + ".jsonl");
    assertThat(log).exists();
    EventJson json = new EventJson();
    List<String> lines = Files.readAllLines(log, UTF_8);
    List<RecordedEvent> events = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("{\"v\"")) {
        events.add(json.read(line));
      }
    }
    Map<Long, RecordedEvent> rewritten = InsiderRewrite.renameActor(events, 1, "Pejabat Lain").stream()
        .collect(Collectors.toMap(RecordedEvent::sequence, Function.identity()));
    List<String> edited = new ArrayList<>();
    for (String line : lines) {
      edited.add(line.startsWith("{\"v\"") ? json.write(rewritten.get(json.read(line).sequence())) : line);
    }
    Files.write(log, edited, UTF_8);

    try (FileStorage reopened = FileStorage.open(root)) {
      List<RecordedEvent> stored = reopened.cases().load(id);
      assertThat(stored.get(1).actor().name()).isEqualTo("Pejabat Lain");
      assertThat(HashChain.verify(stored)).as("the edited chain verifies").isEmpty();
      HeadDigest exported = sink.digests().get(0);
      assertThat(DigestVerifier.verify(exported, SIGNER, reopened.cases()::load))
          .containsExactly(new DigestVerifier.Finding(Optional.of(id), DigestVerifier.Problem.REWRITTEN));
    }
  }
}
