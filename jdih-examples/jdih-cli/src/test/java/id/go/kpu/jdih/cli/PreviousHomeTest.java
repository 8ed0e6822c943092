package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.cli.Cli.Result;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.runtime.Storage;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.file.FileStorage;
import id.go.kpu.jdih.store.jdbc.JdbcStorage;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.HashFormat;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Homes written by jdih 0.1 (commit 465ed79, kept in the test resources exactly as that version left them: an H2
 * home and a file-store home with a published case, a case waiting at its upload, a withdrawn one and one at the
 * meeting) open with this version: every history verifies with its format 1 hashes, new events chain on in format 2,
 * the case waiting at its upload gets its intents and is published once, and no notification the old version sent
 * is sent again.
 */
class PreviousHomeTest {

  private static final Path FIXTURES = Path.of("src/test/resources/previous-homes/0.1.0-465ed79");
  private static final String TIM = "198502022010012002";
  private static final String STAF = "199003032015031003";

  @TempDir Path dir;
  private Path home;
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);

  private Result jdih(String... args) {
    return Cli.run(home, clock, args);
  }

  private Result ok(String... args) {
    return Cli.ok(home, clock, args);
  }

  private void copy(String kind) throws IOException {
    home = dir.resolve(kind);
    Path from = FIXTURES.resolve(kind);
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path to = home.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private Storage open(String kind) {
    return kind.equals("file") ? FileStorage.open(home)
        : JdbcStorage.h2File(home.resolve("db"), SopRegistry.withReference()::find);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "file"})
  void aHomeOfJdih01OpensVerifiesAndGoesOn(String kind) throws IOException {
    copy(kind);
    List<String> ids = List.of("kasus-berjalan", "kasus-rapat", "kasus-siap-unggah", "kasus-terbit");
    try (Storage storage = open(kind)) {
      for (String id : ids) {
        List<RecordedEvent> history = storage.cases().load(CaseId.of(id));
        assertThat(history).as(id).isNotEmpty();
        assertThat(HashChain.verify(history)).as(id).isEmpty();
        assertThat(history).allSatisfy(e -> assertThat(e.hashFormat()).isEqualTo(HashFormat.LEGACY_1));
      }
    }
    String list = ok("case", "list").out();
    assertThat(list).contains(ids).contains("4 kasus");
    assertThat(ok("case", "show", "kasus-terbit").out()).contains("Tahukah kamu: DPT");

    // The old ledger is imported: nothing it sent is sent again.
    Result remind = ok("remind");
    assertThat(remind.out()).contains("0 baru, 0 terkirim");
    assertThat(home.resolve("notifications.json")).doesNotExist();
    assertThat(home.resolve("notifications.json.imported")).exists();

    // The case that waited at its upload gets its intents (jdih 0.1 recorded none) and is published once.
    assertThat(ok("case", "publish", "kasus-siap-unggah", "--as", STAF).out())
        .contains("Instagram: terbit", "X: terbit", "Kasus kasus-siap-unggah: terbit");
    assertThat(jdih("case", "publish", "kasus-terbit", "--as", STAF).err()).contains("JDIH-CASE-005");
    assertThat(jdih("case", "publish", "kasus-siap-unggah", "--as", STAF).err()).contains("JDIH-CASE-005");
    try (Stream<Path> posts = Files.list(home.resolve("published/kasus-siap-unggah"))) {
      assertThat(posts.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("instagram.json", "x.json");
    }

    // A new event chains on after the old ones, in the current hash format, with its principal.
    Path minutes = Files.writeString(dir.resolve("notulen.txt"), "Notulen rapat lanjutan");
    ok("case", "meeting", "kasus-berjalan", "--as", TIM, "--attendee", "Budi", "--conclusions", "Lanjut",
        "--minutes", minutes.toString(), "--all-equipment");
    assertThat(ok("remind").out()).contains("Tugas baru: kegiatan 4 kasus kasus-berjalan")
        .doesNotContain("Tugas baru: kegiatan 3 kasus kasus-berjalan");
    try (Storage storage = open(kind)) {
      for (String id : List.of("kasus-berjalan", "kasus-siap-unggah")) {
        List<RecordedEvent> history = storage.cases().load(CaseId.of(id));
        assertThat(HashChain.verify(history)).as(id).isEmpty();
        RecordedEvent last = history.get(history.size() - 1);
        assertThat(last.hashFormat()).isEqualTo(HashFormat.JCS_2);
        assertThat(last.principal()).isPresent();
        assertThat(history.get(0).hashFormat()).isEqualTo(HashFormat.LEGACY_1);
      }
    }
  }
}
