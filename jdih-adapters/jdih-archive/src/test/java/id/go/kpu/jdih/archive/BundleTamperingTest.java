package id.go.kpu.jdih.archive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.archive.ArchiveException.Problem;
import id.go.kpu.jdih.workflow.CaseId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of alteration of a bundle is refused with the right code, naming the entry. */
class BundleTamperingTest {

  private static final String EVENTS = "cases/kasus-1.jsonl";

  // One original for the whole class; each test alters its own copy.
  @TempDir static Path shared;
  private static Path original;

  @TempDir Path dir;
  private final SoftcopyBundle bundle = new SoftcopyBundle();
  private Path tampered;
  private ZipSurgery zip;
  private String design;
  private String definition;

  @BeforeAll
  static void writeOriginal() throws IOException {
    ArchiveWorld world = new ArchiveWorld(shared);
    original = shared.resolve("asli.zip");
    new SoftcopyBundle().writeCase(original, world.reference, world.published(CaseId.of("kasus-1")), world.media);
  }

  @BeforeEach
  void setUp() throws IOException {
    tampered = dir.resolve("diubah.zip");
    zip = ZipSurgery.of(original);
    design = zip.entries.keySet().stream().filter(n -> n.endsWith(".jpg")).findFirst().orElseThrow();
    definition = zip.first("sop/");
  }

  private ArchiveException refused() throws IOException {
    zip.writeTo(tampered);
    ArchiveException e = catchThrowableOfType(ArchiveException.class, () -> bundle.read(tampered));
    assertThat(e).as("the altered bundle must be refused").isNotNull();
    assertThat(e.getMessage()).startsWith(e.code() + ": Arsip: ").contains(" / Archive: ");
    return e;
  }

  private static void assertRefused(ArchiveException e, Problem problem, String code, String entry) {
    assertThat(e.problem()).as(e.getMessage()).isEqualTo(problem);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.entry()).isEqualTo(entry);
    assertThat(e.getMessage()).contains(entry);
  }

  @Test
  void theUntouchedCopyIsAccepted() throws IOException {
    zip.writeTo(tampered);
    assertThat(bundle.read(tampered).cases()).hasSize(1);
  }

  @Test
  void aChangedByteInAnEvent() throws IOException {
    zip.replaceText(EVENTS, "Rangkuman: infografis", "Rangkuman: infografiS");
    assertRefused(refused(), Problem.DIGEST_MISMATCH, "JDIH-ARCH-009", EVENTS);
  }

  @Test
  void aChangedEventWithTheManifestForgedToMatchBreaksTheChain() throws IOException {
    zip.replaceText(EVENTS, "Rangkuman: infografis", "Rangkuman: infografiS").refreshManifest();
    ArchiveException e = refused();
    assertRefused(e, Problem.BROKEN_CHAIN, "JDIH-ARCH-012", EVENTS);
    assertThat(e.getMessage()).contains("isi peristiwa diubah (baris 4)", "the event was altered (line 4)");
  }

  @Test
  void theLastEventRemovedWithTheManifestForgedToMatch() throws IOException {
    String text = zip.text(EVENTS);
    String shorter = text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1);
    zip.entries.put(EVENTS, shorter.getBytes(UTF_8));
    zip.refreshManifest();
    ArchiveException e = refused();
    assertRefused(e, Problem.BROKEN_CHAIN, "JDIH-ARCH-012", EVENTS);
    assertThat(e.getMessage()).contains("ujung rantai tidak sesuai");
  }

  @Test
  void aChangedByteInAMediaFile() throws IOException {
    zip.flipByte(design, 200);
    assertRefused(refused(), Problem.DIGEST_MISMATCH, "JDIH-ARCH-009", design);
  }

  @Test
  void aReplacedMediaFileWithTheManifestForgedToMatch() throws IOException {
    zip.flipByte(design, 200).refreshManifest();
    assertRefused(refused(), Problem.MEDIA_MISMATCH, "JDIH-ARCH-013", design);
  }

  @Test
  void aReplacedMediaFileWithTheManifestsMediaListForgedToo() throws IOException {
    // The forger renames the file after its new hash and rewrites every manifest line about it; only the events'
    // own reference, inside the hash chain, still holds the old hash.
    zip.flipByte(design, 200);
    byte[] forgedBytes = zip.entries.remove(design);
    String forged = com.google.common.hash.Hashing.sha256().hashBytes(forgedBytes).toString();
    String forgedName = "media/" + forged + ".jpg";
    zip.entries.put(forgedName, forgedBytes);
    Manifest m = zip.manifest();
    zip.entries.put(EntryNames.MANIFEST, new Manifest(m.definitions(), m.cases(), m.media().stream()
        .map(x -> x.entry().equals(design)
            ? new Manifest.Media(x.ref(), x.mediaType(), x.bytes(), forged, forgedName) : x)
        .collect(ImmutableList.toImmutableList()), m.files().stream()
        .map(f -> f.name().equals(design) ? new Manifest.File(forgedName, f.bytes(), forged) : f)
        .collect(ImmutableList.toImmutableList())).toBytes());
    assertRefused(refused(), Problem.MEDIA_MISMATCH, "JDIH-ARCH-013", forgedName);
  }

  @Test
  void aMediaEntryNotNamedAfterItsHashInAForgedManifest() throws IOException {
    zip.flipByte(design, 200);
    String forged = com.google.common.hash.Hashing.sha256().hashBytes(zip.entries.get(design)).toString();
    zip.refreshManifest(m -> new Manifest(m.definitions(), m.cases(), m.media().stream()
        .map(x -> x.entry().equals(design)
            ? new Manifest.Media(x.ref(), x.mediaType(), x.bytes(), forged, x.entry()) : x)
        .collect(ImmutableList.toImmutableList()), m.files()));
    ArchiveException e = refused();
    assertRefused(e, Problem.INVALID_MANIFEST, "JDIH-ARCH-010", "manifest.json");
    assertThat(e.getMessage()).contains(design, "should be named");
  }

  @Test
  void aChangedByteInTheDefinition() throws IOException {
    zip.replaceText(definition, "IRMAN SUSANTO", "IRMAN SUSANTA");
    assertRefused(refused(), Problem.DIGEST_MISMATCH, "JDIH-ARCH-009", definition);
  }

  @Test
  void aChangedByteInTheManifest() throws IOException {
    // A space more: still valid JSON with the same values, but not the manifest the writer produced.
    zip.replaceText(EntryNames.MANIFEST, "\"format\": ", "\"format\":  ");
    assertRefused(refused(), Problem.INVALID_MANIFEST, "JDIH-ARCH-010", "manifest.json");
  }

  @Test
  void aManifestThatIsNoLongerJson() throws IOException {
    zip.flipByte(EntryNames.MANIFEST, 0);
    assertRefused(refused(), Problem.INVALID_MANIFEST, "JDIH-ARCH-010", "manifest.json");
  }

  @Test
  void aChangedHeadInTheManifest() throws IOException {
    String head = zip.manifest().cases().get(0).head();
    String other = (head.charAt(0) == 'a' ? "b" : "a") + head.substring(1);
    zip.replaceText(EntryNames.MANIFEST, head, other);
    ArchiveException e = refused();
    assertRefused(e, Problem.BROKEN_CHAIN, "JDIH-ARCH-012", EVENTS);
    assertThat(e.getMessage()).contains("the chain does not end at the expected head");
  }

  @Test
  void aChangedSizeInTheManifest() throws IOException {
    Manifest.File f = zip.manifest().files().stream().filter(x -> x.name().equals(EVENTS)).findFirst()
        .orElseThrow();
    zip.replaceText(EntryNames.MANIFEST, "\"bytes\": " + f.bytes() + ",\n      \"sha256\": \"" + f.sha256(),
        "\"bytes\": " + (f.bytes() + 1) + ",\n      \"sha256\": \"" + f.sha256());
    assertRefused(refused(), Problem.SIZE_MISMATCH, "JDIH-ARCH-008", EVENTS);
  }

  @Test
  void anAddedEntry() throws IOException {
    zip.entries.put("media/tambahan.txt", "bukan bagian arsip".getBytes(UTF_8));
    assertRefused(refused(), Problem.UNEXPECTED_ENTRY, "JDIH-ARCH-005", "media/tambahan.txt");
  }

  @Test
  void anAddedEntryListedInTheManifestFiles() throws IOException {
    zip.entries.put("media/tambahan.txt", "bukan bagian arsip".getBytes(UTF_8));
    zip.refreshManifest(m -> {
      List<Manifest.File> files = new ArrayList<>(m.files());
      files.add(new Manifest.File("media/tambahan.txt", 18,
          com.google.common.hash.Hashing.sha256().hashString("bukan bagian arsip", UTF_8).toString()));
      return new Manifest(m.definitions(), m.cases(), m.media(), ImmutableList.copyOf(files));
    });
    assertRefused(refused(), Problem.UNEXPECTED_ENTRY, "JDIH-ARCH-005", "media/tambahan.txt");
  }

  @Test
  void aRemovedEntry() throws IOException {
    zip.entries.remove(design);
    assertRefused(refused(), Problem.MISSING_ENTRY, "JDIH-ARCH-006", design);
  }

  @Test
  void aRemovedEntryWithTheManifestForgedToMatch() throws IOException {
    zip.entries.remove(design);
    zip.refreshManifest(m -> new Manifest(m.definitions(), m.cases(), m.media().stream()
        .filter(x -> !x.entry().equals(design)).collect(ImmutableList.toImmutableList()), m.files()));
    ArchiveException e = refused();
    assertRefused(e, Problem.MISSING_ENTRY, "JDIH-ARCH-006", design);
    assertThat(e.getMessage()).contains("referenced by a case's events");
  }

  @Test
  void aRemovedManifest() throws IOException {
    zip.entries.remove(EntryNames.MANIFEST);
    assertRefused(refused(), Problem.MISSING_ENTRY, "JDIH-ARCH-006", "manifest.json");
  }

  @Test
  void aRenamedEntry() throws IOException {
    byte[] events = zip.entries.remove(EVENTS);
    zip.entries.put("cases/kasus-2.jsonl", events);
    assertRefused(refused(), Problem.UNEXPECTED_ENTRY, "JDIH-ARCH-005", "cases/kasus-2.jsonl");
  }

  @Test
  void aDuplicatedEntry() throws IOException {
    // ZipOutputStream refuses duplicate names, so write a look-alike name of the same length and patch it.
    String lookAlike = design.substring(0, design.length() - 1) + "x";
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(zip.entries.entrySet());
    entries.add(Map.entry(lookAlike, zip.entries.get(design)));
    ZipSurgery.write(tampered, entries);
    byte[] bytes = Files.readAllBytes(tampered);
    byte[] from = lookAlike.getBytes(UTF_8);
    byte[] to = design.getBytes(UTF_8);
    int patched = 0;
    for (int i = 0; i + from.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
        System.arraycopy(to, 0, bytes, i, to.length);
        patched++;
      }
    }
    assertThat(patched).as("local header and central directory").isEqualTo(2);
    Files.write(tampered, bytes);
    ArchiveException e = catchThrowableOfType(ArchiveException.class, () -> bundle.read(tampered));
    assertRefused(e, Problem.DUPLICATE_ENTRY, "JDIH-ARCH-004", design);
  }

  @Test
  void aFlippedByteAnywhereInTheFileIsRefused() throws IOException {
    byte[] bytes = Files.readAllBytes(original);
    // Every 211th byte, one at a time: whatever it hits (headers, compressed data, the central directory), the
    // bundle is refused or, where the byte is one ZIP readers ignore, still verified as the original content.
    VerifiedBundle good = bundle.read(original);
    int refusedCount = 0;
    for (int i = 0; i < bytes.length; i += 211) {
      byte[] copy = bytes.clone();
      copy[i] ^= 0x20;
      Files.write(tampered, copy);
      try {
        VerifiedBundle read = bundle.read(tampered);
        assertThat(read.cases()).as("byte " + i).isEqualTo(good.cases());
        assertThat(read.manifestSha256()).as("byte " + i).isEqualTo(good.manifestSha256());
      } catch (ArchiveException e) {
        refusedCount++;
        assertThat(e.code()).startsWith("JDIH-ARCH-0");
      }
    }
    assertThat(refusedCount).isGreaterThan(bytes.length / 211 / 2);
  }
}
