package id.go.kpu.jdih.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import id.go.kpu.jdih.archive.ArchiveException.Problem;
import id.go.kpu.jdih.workflow.CaseId;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a bundle may make the reader hold in memory (definitions and events) is bounded on its own, apart from the
 * media, which are only hashed: a small ZIP declaring many huge event files is refused before they are read.
 */
class InMemoryBoundTest {

  private static final int HUGE = 63 << 20; // 63 MiB, under the 64 MiB entry limit
  // 252 MiB of events, twice the default bound on what is held in memory (24 of them, 1.5 GiB, took 1.6 GiB of
  // heap before the bound; 4 keep the test quick).
  private static final int CASES = 4;

  @TempDir Path dir;
  private ArchiveWorld world;

  @BeforeEach
  void setUp() throws IOException {
    world = new ArchiveWorld(dir);
  }

  /** A valid bundle plus {@code count} case entries of {@code size} bytes each, listed with true sizes and hashes. */
  private Path crafted(int count, int size) throws IOException {
    Path valid = dir.resolve("asli.zip");
    new SoftcopyBundle().writeCase(valid, world.reference, world.withdrawn(CaseId.of("kasus-1")), world.media);
    ZipSurgery s = ZipSurgery.of(valid);
    Manifest m = s.manifest();
    byte[] huge = new byte[size];
    Arrays.fill(huge, (byte) '{'); // one long line: compresses a thousandfold
    String sha = Hashing.sha256().hashBytes(huge).toString();
    List<Manifest.Case> cases = new ArrayList<>(m.cases());
    List<Manifest.File> files = new ArrayList<>(m.files());
    Manifest.Case model = m.cases().get(0);
    for (int i = 0; i < count; i++) {
      CaseId id = CaseId.of("zz-bom-" + (100 + i));
      String entry = EntryNames.events(id);
      cases.add(new Manifest.Case(id, model.sop(), model.status(), 1, model.head(), entry));
      files.add(new Manifest.File(entry, size, sha));
      s.entries.put(entry, huge);
    }
    s.entries.put(EntryNames.MANIFEST, new Manifest(m.definitions(), ImmutableList.copyOf(cases), m.media(),
        ImmutableList.copyOf(files)).toBytes());
    Path zip = dir.resolve("bom-peristiwa.zip");
    s.writeTo(zip);
    return zip;
  }

  @Test
  void manyHugeEventFilesAreRefusedBeforeTheyAreRead() throws IOException {
    Path zip = crafted(CASES, HUGE);
    assertThat(Files.size(zip)).isLessThan(3L << 20);

    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    long start = System.nanoTime();
    ArchiveException e = catchThrowableOfType(ArchiveException.class, () -> new SoftcopyBundle().read(zip));
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf("crafted %d x %d MiB events: %s after %d ms; heap %d MiB before, peak %d MiB%n", CASES,
        HUGE >> 20, e == null ? "read" : e.problem(), millis, before >> 20, peak >> 20);

    assertThat(e).isNotNull();
    assertThat(e.problem()).as(e.getMessage()).isEqualTo(Problem.TOO_LARGE);
    assertThat(e.code()).isEqualTo("JDIH-ARCH-007");
    assertThat(peak - before).as("heap taken while reading").isLessThan(100L << 20);
  }

  @Test
  void eventFilesWithinTheLimitAreStillReadAndEventsOverItAreRefused() throws IOException {
    // A smaller limit for definitions and events: the case of a valid bundle fits, 3 x 1 MiB more do not.
    Path zip = crafted(3, 1 << 20);
    SoftcopyBundle strict = new SoftcopyBundle(BundleLimits.defaults().withMaxRecordBytes(2 << 20));
    assertThat(strict.read(dir.resolve("asli.zip")).cases()).hasSize(1);

    ArchiveException e = catchThrowableOfType(ArchiveException.class, () -> strict.read(zip));
    assertThat(e.problem()).as(e.getMessage()).isEqualTo(Problem.TOO_LARGE);
    assertThat(e.text().en()).contains("definitions and events");
  }
}
