package id.go.kpu.jdih.archive;

import static id.go.kpu.jdih.testkit.Fixtures.KASUBAG;
import static id.go.kpu.jdih.testkit.Fixtures.STAF;
import static id.go.kpu.jdih.testkit.Fixtures.TIM;
import static id.go.kpu.jdih.testkit.Fixtures.cmd;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.archive.ArchiveException.Problem;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.media.StoredFile;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zip-slip, zip bombs and files that are no bundle at all. */
class BundleSafetyTest {

  private static final int BIG = 2 << 20; // 2 MiB of zeros: inflates from a few kilobytes

  @TempDir Path dir;
  private ArchiveWorld world;
  private final SoftcopyBundle bundle = new SoftcopyBundle();

  @BeforeEach
  void setUp() throws IOException {
    world = new ArchiveWorld(dir);
  }

  private Path validBundle() {
    Path zip = dir.resolve("asli.zip");
    bundle.writeCase(zip, world.reference, world.withdrawn(CaseId.of("kasus-1")), world.media);
    return zip;
  }

  @ParameterizedTest
  @ValueSource(strings = {"../evil.txt", "/tmp/evil.txt", "cases/../../evil.txt", "cases\\..\\..\\evil.txt",
      "C:/evil.txt", "media/./evil.txt", "media//evil.txt", ".hidden", "media/evil.txt\u0000.jpg"})
  void unsafeEntryNamesAreRefusedBeforeAnythingIsWritten(String name) throws IOException {
    ZipSurgery zip = ZipSurgery.of(validBundle());
    zip.entries.put(name, "boo".getBytes(UTF_8));
    Path evil = dir.resolve("evil.zip");
    zip.writeTo(evil);
    Path target = dir.resolve("deep/target");

    ArchiveException e = catchThrowableOfType(ArchiveException.class, () -> bundle.extract(evil, target));

    assertThat(e.problem()).as(e.getMessage()).isEqualTo(Problem.UNSAFE_ENTRY_NAME);
    assertThat(e.code()).isEqualTo("JDIH-ARCH-003");
    assertThat(e.entry()).isEqualTo(EntryNames.printable(name));
    assertThat(target).doesNotExist();
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("evil.txt"));
    }
  }

  @Test
  void aFolderEntryIsRefused() throws IOException {
    ZipSurgery zip = ZipSurgery.of(validBundle());
    zip.entries.put("cases/", new byte[0]);
    Path evil = dir.resolve("folder.zip");
    zip.writeTo(evil);
    ArchiveException e = catchThrowableOfType(ArchiveException.class, () -> bundle.read(evil));
    assertThat(e.problem()).isEqualTo(Problem.UNEXPECTED_ENTRY);
    assertThat(e.entry()).isEqualTo("cases/");
  }

  @Test
  void resolvingNeverLeavesTheTargetFolder() {
    Path target = dir.resolve("t");
    assertThat(EntryNames.resolveInside(target, "cases/a.jsonl")).isEqualTo(target.resolve("cases/a.jsonl"));
    for (String name : List.of("a/../../x", "..", "../t2/x", "/x")) {
      assertThat(catchThrowableOfType(ArchiveException.class, () -> EntryNames.resolveInside(target, name))
          .problem()).as(name).isEqualTo(Problem.UNSAFE_ENTRY_NAME);
    }
  }

  // A case whose design is 2 MiB of zeros: a small bundle that inflates to much more.
  private Path bombBundle() throws IOException {
    StoredFile f = world.media.put(new ByteArrayInputStream(new byte[BIG]), "image/jpeg");
    MediaItem zeros = new MediaItem(f.ref(), "image/jpeg", 400, 500, f.bytes(), f.sha256());
    CaseId id = CaseId.of("bom");
    world.service.handleTrusted(new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.informasiHukum(Platform.INSTAGRAM)));
    world.service.handleTrusted(new CaseCommand.Approve(cmd(), id, KASUBAG, Optional.empty()));
    world.service.handleTrusted(new CaseCommand.RecordMeeting(cmd(), id, TIM, world.meeting("Notulen")));
    world.service.handleTrusted(new CaseCommand.Summarize(cmd(), id, STAF, "Rangkuman"));
    world.service.handleTrusted(new CaseCommand.AttachDesign(cmd(), id, TIM, List.of(zeros)));
    Path zip = dir.resolve("bom.zip");
    bundle.writeCase(zip, world.reference, world.store.load(id), world.media);
    assertThat(Files.size(zip)).isLessThan(BIG / 50);
    return zip;
  }

  @Test
  void anEntryOverTheEntryLimitIsRefused() throws IOException {
    Path zip = bombBundle();
    String media = ZipSurgery.of(zip).entries.entrySet().stream().filter(e -> e.getValue().length == BIG)
        .map(Map.Entry::getKey).findFirst().orElseThrow();
    SoftcopyBundle strict = new SoftcopyBundle(BundleLimits.defaults().withMaxEntryBytes(1 << 20));

    ArchiveException e = catchThrowableOfType(ArchiveException.class, () -> strict.read(zip));

    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
    assertThat(e.code()).isEqualTo("JDIH-ARCH-007");
    assertThat(e.entry()).isEqualTo(media);
  }

  @Test
  void aBundleOverTheTotalLimitIsRefused() throws IOException {
    Path zip = bombBundle();
    SoftcopyBundle strict = new SoftcopyBundle(BundleLimits.defaults().withMaxTotalBytes(3 << 19));
    ArchiveException e = catchThrowableOfType(ArchiveException.class, () -> strict.read(zip));
    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
    assertThat(e.entry()).startsWith("media/");
  }

  @Test
  void anEntryInflatingBeyondWhatTheManifestSaysIsCutOff() throws IOException {
    // The manifest states 2 MiB; the entry inflates to 16 MiB. Reading stops at the stated size.
    Path zip = bombBundle();
    ZipSurgery s = ZipSurgery.of(zip);
    String media = s.entries.entrySet().stream().filter(e -> e.getValue().length == BIG).map(Map.Entry::getKey)
        .findFirst().orElseThrow();
    s.entries.put(media, new byte[8 * BIG]);
    Path bomb = dir.resolve("bom2.zip");
    s.writeTo(bomb);
    ArchiveException e = catchThrowableOfType(ArchiveException.class, () -> bundle.read(bomb));
    assertThat(e.problem()).isEqualTo(Problem.SIZE_MISMATCH);
    assertThat(e.entry()).isEqualTo(media);
  }

  @Test
  void anUnlistedHugeEntryIsRefusedWithoutBeingRead() throws IOException {
    ZipSurgery zip = ZipSurgery.of(validBundle());
    zip.entries.put("media/bom.bin", new byte[4 * BIG]);
    Path bomb = dir.resolve("bom3.zip");
    zip.writeTo(bomb);
    ArchiveException e = catchThrowableOfType(ArchiveException.class, () -> bundle.read(bomb));
    assertThat(e.problem()).isEqualTo(Problem.UNEXPECTED_ENTRY);
    assertThat(e.entry()).isEqualTo("media/bom.bin");
  }

  @Test
  void tooManyEntriesAreRefused() {
    Path zip = validBundle();
    SoftcopyBundle strict = new SoftcopyBundle(BundleLimits.defaults().withMaxEntries(3));
    ArchiveException e = catchThrowableOfType(ArchiveException.class, () -> strict.read(zip));
    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
    assertThat(e.entry()).isEmpty();
  }

  @Test
  void theWriterRefusesWhatItsLimitsWouldRefuseToReadAndLeavesNothing() throws IOException {
    bombBundle();
    ImmutableList<RecordedEvent> events = world.store.load(CaseId.of("bom"));
    SoftcopyBundle strict = new SoftcopyBundle(BundleLimits.defaults().withMaxEntryBytes(1 << 20));
    Path target = dir.resolve("tidak-jadi.zip");
    ArchiveException e = catchThrowableOfType(ArchiveException.class,
        () -> strict.writeCase(target, world.reference, events, world.media));
    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
    assertThat(e.entry()).startsWith("media/");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("tidak-jadi") || n.startsWith(".tidak-jadi"));
    }
  }

  @Test
  void aFileThatIsNoZipIsRefused() throws IOException {
    Path notZip = Files.writeString(dir.resolve("bukan.zip"), "ini bukan arsip ZIP");
    ArchiveException e = catchThrowableOfType(ArchiveException.class, () -> bundle.read(notZip));
    assertThat(e.problem()).isEqualTo(Problem.NOT_A_ZIP);
    assertThat(e.code()).isEqualTo("JDIH-ARCH-002");

    ArchiveException missing = catchThrowableOfType(ArchiveException.class,
        () -> bundle.read(dir.resolve("tidak-ada.zip")));
    assertThat(missing.problem()).isEqualTo(Problem.IO);
  }

  @Test
  void anEmptyZipHasNoManifest() throws IOException {
    Path empty = dir.resolve("kosong.zip");
    ZipSurgery.write(empty, new ArrayList<>());
    ArchiveException e = catchThrowableOfType(ArchiveException.class, () -> bundle.read(empty));
    assertThat(e.problem()).isIn(Problem.MISSING_ENTRY, Problem.NOT_A_ZIP);
  }
}
