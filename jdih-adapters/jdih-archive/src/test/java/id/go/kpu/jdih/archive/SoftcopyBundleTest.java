package id.go.kpu.jdih.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import id.go.kpu.jdih.archive.ArchiveException.Problem;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.media.file.FileMediaStore;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftcopyBundleTest {

  @TempDir Path dir;
  private ArchiveWorld world;
  private final SoftcopyBundle bundle = new SoftcopyBundle();

  @BeforeEach
  void setUp() throws IOException {
    world = new ArchiveWorld(dir);
  }

  @Test
  void oneCaseRoundTrip() throws IOException {
    ImmutableList<RecordedEvent> events = world.published(CaseId.of("kasus-1"));
    Path zip = dir.resolve("kasus-1.zip");

    VerifiedBundle written = bundle.writeCase(zip, world.reference, events, world.media);
    VerifiedBundle read = bundle.read(zip);

    assertThat(read).isEqualTo(written);
    assertThat(read.definitions()).containsOnlyKeys(world.reference.key());
    assertThat(read.definitions().get(world.reference.key())).isEqualTo(world.reference);
    ArchivedCase c = read.cases().get(0);
    assertThat(read.cases()).hasSize(1);
    assertThat(c.events()).isEqualTo(events);
    assertThat(c.head()).isEqualTo(HashChain.head(events));
    assertThat(c.status()).isEqualTo(CaseStatus.PUBLISHED);
    assertThat(read.definitionOf(c)).isEqualTo(world.reference);
    MediaItem design = c.state().design().get(0);
    String minutesRef = c.state().meeting().orElseThrow().minutes().fileRef();
    assertThat(read.media()).extracting(ArchivedMedia::ref).containsExactlyInAnyOrder(design.fileRef(), minutesRef);
    assertThat(read.bundleSha256()).isEqualTo(com.google.common.io.Files.asByteSource(zip.toFile())
        .hash(Hashing.sha256()).toString());

    try (ZipFile z = new ZipFile(zip.toFile())) {
      assertThat(z.stream().map(ZipEntry::getName).toList()).containsExactly(
          "manifest.json",
          "sop/kpu-kab-kepulauan-mentawai_6-tahun-2023_r0.json",
          "cases/kasus-1.jsonl",
          "media/" + design.sha256() + ".jpg",
          "media/" + c.state().meeting().orElseThrow().minutes().sha256() + ".txt");
      // The media inside are the stored bytes.
      try (InputStream in = z.getInputStream(z.getEntry("media/" + design.sha256() + ".jpg"));
          InputStream stored = world.media.open(design.fileRef())) {
        assertThat(in.readAllBytes()).isEqualTo(stored.readAllBytes());
      }
      assertThat(z.stream().map(ZipEntry::getTimeLocal).distinct().toList())
          .containsExactly(LocalDateTime.of(1980, 2, 1, 0, 0));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
          .containsExactlyInAnyOrder("kasus-1.zip", "media");
    }
  }

  @Test
  void periodRoundTripWithRevisedWithdrawnAndVariantCases() throws IOException {
    ImmutableList<RecordedEvent> a = world.published(CaseId.of("a-terbit"));
    ImmutableList<RecordedEvent> b = world.rejectedAndRevised(CaseId.of("b-revisi"));
    ImmutableList<RecordedEvent> c = world.withdrawn(CaseId.of("c-batal"));
    ImmutableList<RecordedEvent> d = world.variantDesignRejected(CaseId.of("d-varian"));
    world.at(LocalDate.of(2024, 4, 15));
    world.published(CaseId.of("e-april")); // outside the period

    ImmutableList<ImmutableList<RecordedEvent>> march = SoftcopyBundle.casesOpenedBetween(world.store,
        LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), ArchiveWorld.WIB);
    assertThat(march).containsExactly(a, b, c, d);

    Path zip = dir.resolve("maret-2024.zip");
    bundle.write(zip, march, world.registry::find, world.media);
    VerifiedBundle read = bundle.read(zip);

    assertThat(read.definitions()).containsOnlyKeys(world.reference.key(), world.variant.key());
    assertThat(read.definitions().get(world.variant.key())).isEqualTo(world.variant);
    assertThat(read.cases()).extracting(x -> x.id().value())
        .containsExactly("a-terbit", "b-revisi", "c-batal", "d-varian");
    assertThat(read.cases()).extracting(ArchivedCase::events).containsExactly(a, b, c, d);
    assertThat(read.cases()).extracting(ArchivedCase::status).containsExactly(CaseStatus.PUBLISHED,
        CaseStatus.PUBLISHED, CaseStatus.WITHDRAWN, CaseStatus.PUBLISHED);
    ArchivedCase revised = read.find(CaseId.of("b-revisi")).orElseThrow();
    assertThat(revised.state().revisions()).isEqualTo(1);
    assertThat(revised.state().lastRejection()).hasValue("Materi terlalu umum; sebutkan dasar hukum DPT.");
    assertThat(read.find(CaseId.of("c-batal")).orElseThrow().state().withdrawalReason())
        .hasValue("Materi sudah diterbitkan oleh KPU Provinsi.");
    ArchivedCase variant = read.find(CaseId.of("d-varian")).orElseThrow();
    assertThat(read.definitionOf(variant)).isEqualTo(world.variant);

    // Every design of every attach event is archived, including the variant's rejected first design.
    List<String> refs = new ArrayList<>();
    for (List<RecordedEvent> h : march) {
      for (RecordedEvent e : h) {
        if (e.payload() instanceof CaseEvent.DesignAttached da) {
          da.items().forEach(i -> refs.add(i.fileRef()));
        } else if (e.payload() instanceof CaseEvent.MeetingRecorded m) {
          refs.add(m.meeting().minutes().fileRef());
        }
      }
    }
    assertThat(refs).hasSize(9);
    assertThat(read.media()).extracting(ArchivedMedia::ref).containsExactlyInAnyOrderElementsOf(
        refs.stream().distinct().toList());
    assertThat(read.media()).extracting(ArchivedMedia::entry).isSorted();
  }

  @Test
  void sameInputGivesTheSameBytesWhateverTheInputOrderAndTimeZone() throws IOException {
    List<ImmutableList<RecordedEvent>> histories = new ArrayList<>(List.of(
        world.published(CaseId.of("a")), world.withdrawn(CaseId.of("b")),
        world.variantDesignRejected(CaseId.of("c"))));
    Path first = dir.resolve("first.zip");
    Path second = dir.resolve("second.zip");
    bundle.write(first, histories, world.registry::find, world.media);
    Collections.reverse(histories);
    TimeZone before = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
      bundle.write(second, histories, world.registry::find, world.media);
    } finally {
      TimeZone.setDefault(before);
    }
    assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
    // Writing again over the same file replaces it with the same bytes.
    byte[] bytes = Files.readAllBytes(first);
    new SoftcopyBundle().write(first, histories, world.registry::find, world.media);
    assertThat(Files.readAllBytes(first)).isEqualTo(bytes);
  }

  @Test
  void extractUnpacksEveryVerifiedFileInsideTheTarget() throws IOException {
    Path zip = dir.resolve("b.zip");
    VerifiedBundle written = bundle.writeCase(zip, world.reference, world.rejectedAndRevised(CaseId.of("b")),
        world.media);
    Path out = dir.resolve("unpacked");

    bundle.extract(zip, out);

    Manifest manifest = Manifest.parse(Files.readAllBytes(out.resolve("manifest.json")));
    assertThat(manifest.files()).hasSize(1 + 1 + written.media().size());
    for (Manifest.File f : manifest.files()) {
      byte[] bytes = Files.readAllBytes(out.resolve(f.name()));
      assertThat(Hashing.sha256().hashBytes(bytes).toString()).as(f.name()).isEqualTo(f.sha256());
    }
    try (Stream<Path> all = Files.walk(out)) {
      assertThat(all.filter(Files::isRegularFile).count()).isEqualTo(manifest.files().size() + 1);
    }
    assertThat(Files.readString(out.resolve("cases/b.jsonl")).lines()).hasSize(9);
  }

  @Test
  void restoresMediaIntoAnotherStore() throws IOException {
    Path zip = dir.resolve("a.zip");
    bundle.writeCase(zip, world.reference, world.published(CaseId.of("a")), world.media);
    FileMediaStore other = new FileMediaStore(dir.resolve("other-media"));

    VerifiedBundle read = bundle.read(zip, other);

    for (ArchivedMedia m : read.media()) {
      assertThat(other.find(m.ref())).as(m.ref()).hasValueSatisfying(f -> {
        assertThat(f.sha256()).isEqualTo(m.sha256());
        assertThat(f.bytes()).isEqualTo(m.bytes());
      });
    }
  }

  @Test
  void writingRefusesMissingMediaBrokenChainsAndMissingDefinitionsAndLeavesNothing() throws IOException {
    ImmutableList<RecordedEvent> events = world.published(CaseId.of("a"));
    Path zip = dir.resolve("a.zip");

    ArchiveException missing = catchThrowableOfType(ArchiveException.class,
        () -> bundle.writeCase(zip, world.reference, events, new FileMediaStore(dir.resolve("empty"))));
    assertThat(missing.problem()).isEqualTo(Problem.MEDIA_UNAVAILABLE);
    assertThat(missing.code()).isEqualTo("JDIH-ARCH-014");
    assertThat(missing.entry()).startsWith("media/");

    List<RecordedEvent> altered = new ArrayList<>(events);
    RecordedEvent e = altered.get(3);
    altered.set(3, new RecordedEvent(e.caseId(), e.sequence(), e.sop(), e.commandId(), e.principal(), e.actor(), e.at(),
        e.activity(), new CaseEvent.Summarized("Rangkuman yang diubah"), e.previousHash(), e.hash(), e.hashFormat()));
    ArchiveException broken = catchThrowableOfType(ArchiveException.class,
        () -> bundle.writeCase(zip, world.reference, altered, world.media));
    assertThat(broken.problem()).isEqualTo(Problem.BROKEN_CHAIN);
    assertThat(broken.entry()).isEqualTo("cases/a.jsonl");
    assertThat(broken.getMessage()).contains("baris 4", "line 4");

    ArchiveException noDefinition = catchThrowableOfType(ArchiveException.class,
        () -> bundle.write(zip, List.of(events), k -> Optional.<SopDefinition>empty(), world.media));
    assertThat(noDefinition.problem()).isEqualTo(Problem.INVALID_INPUT);

    ArchiveException twice = catchThrowableOfType(ArchiveException.class,
        () -> bundle.write(zip, List.of(events, events), world.registry::find, world.media));
    assertThat(twice.problem()).isEqualTo(Problem.INVALID_INPUT);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("media", "empty");
    }
  }
}
