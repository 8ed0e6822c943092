package id.go.kpu.jdih.archive;

import static com.google.common.base.Preconditions.checkNotNull;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import id.go.kpu.jdih.archive.ArchiveException.Problem;
import id.go.kpu.jdih.content.DocumentRef;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.definition.json.SopDefinitionJson;
import id.go.kpu.jdih.event.json.EventJson;
import id.go.kpu.jdih.event.json.EventJsonException;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.media.StoredFile;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The softcopy original of the SOP's record keeping ("disimpan dalam bentuk ... naskah asli elektronik
 * (softcopy)"): a ZIP bundle of one or more cases that can be verified on its own, years later, without the system
 * that wrote it. The layout and the manifest are described in the {@linkplain id.go.kpu.jdih.archive package
 * documentation}.
 *
 * <p><b>Writing</b> ({@link #write}, {@link #writeCase}) checks each history's hash chain, replays it under its
 * definition, reads every media file the events reference from a {@link MediaStore} and checks it against the
 * reference, writes the ZIP to a temporary file in the target's folder, reads it back through the same verification
 * as an import, and only then moves it into place atomically. The same input always gives the same bytes: entries in
 * a fixed order, a fixed timestamp, no data that depends on the clock, the time zone or the order of the input.
 *
 * <p><b>Reading</b> ({@link #read}, {@link #extract}) refuses a bundle with an {@link ArchiveException} naming the
 * entry if anything differs from what the writer produced: a changed byte in any entry or in the manifest, an added,
 * removed or duplicated entry, a broken or shortened hash chain, a media file that does not match its reference, an
 * unsafe entry name, or an entry over the {@linkplain BundleLimits size limits}.
 *
 * <p>Thread-safe: create one and share it.
 */
public final class SoftcopyBundle {

  // One fixed timestamp for every entry, set as local date-time: ZipEntry.setTime(long) converts through the JVM's
  // default time zone, which would make the bytes depend on where the bundle is written.
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);
  private static final int BUFFER = 64 * 1024;

  private final BundleLimits limits;
  private final EventJson eventJson = new EventJson();
  private final SopDefinitionJson definitionJson = new SopDefinitionJson();

  /** A bundle writer and reader with the {@linkplain BundleLimits#defaults() default limits}. */
  public SoftcopyBundle() {
    this(BundleLimits.defaults());
  }

  /** A bundle writer and reader with {@code limits}. */
  public SoftcopyBundle(BundleLimits limits) {
    this.limits = checkNotNull(limits, "limits");
  }

  /** The limits bundles must keep. */
  public BundleLimits limits() {
    return limits;
  }

  // ======================================================================================== writing

  /**
   * Writes a bundle of one case.
   *
   * @param target the ZIP file to write; replaced atomically if it exists
   * @param definition the definition the case ran under
   * @param events the case's history
   * @param media where the design files and minutes the events reference are stored
   * @return the bundle as read back and verified
   * @throws ArchiveException if the case cannot be archived or the file cannot be written; nothing is left behind
   */
  public VerifiedBundle writeCase(Path target, SopDefinition definition, List<RecordedEvent> events,
      MediaStore media) {
    checkNotNull(definition, "definition");
    return write(target, List.of(events), key -> key.equals(definition.key()) ? Optional.of(definition)
        : Optional.empty(), media);
  }

  /**
   * Writes a bundle of several cases, e.g. those of a period ({@link #casesOpenedBetween}).
   *
   * @param target the ZIP file to write; replaced atomically if it exists
   * @param histories the cases' histories, in any order; at least one, each non-empty, no case twice
   * @param definitions finds the definition each case ran under, e.g. {@code registry::find}
   * @param media where the design files and minutes the events reference are stored
   * @return the bundle as read back and verified
   * @throws ArchiveException if a case cannot be archived or the file cannot be written; nothing is left behind
   */
  public VerifiedBundle write(Path target, Collection<? extends List<RecordedEvent>> histories,
      Function<? super SopKey, Optional<SopDefinition>> definitions, MediaStore media) {
    checkNotNull(target, "target");
    checkNotNull(histories, "histories");
    checkNotNull(definitions, "definitions");
    checkNotNull(media, "media");
    Plan plan = plan(histories, definitions);
    Path absolute = target.toAbsolutePath();
    Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    boolean moved = false;
    try {
      writeZip(temp, plan, media);
      VerifiedBundle verified = read(temp);
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
      return verified;
    } catch (IOException e) {
      throw new ArchiveException(Problem.IO, "", Text.of("gagal menulis " + target + ": " + e,
          "cannot write " + target + ": " + e), e);
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temporary file is hidden and named uniquely; a leftover harms nothing
        }
      }
    }
  }

  /**
   * The histories of the cases in {@code store} whose first event (the proposal) falls on a date from {@code from}
   * to {@code to}, both included, in {@code zone}; ordered by case id. Loads every case once.
   */
  public static ImmutableList<ImmutableList<RecordedEvent>> casesOpenedBetween(CaseStore store, LocalDate from,
      LocalDate to, ZoneId zone) {
    checkNotNull(store, "store");
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkNotNull(zone, "zone");
    List<CaseId> ids;
    try (Stream<CaseId> all = store.caseIds()) {
      ids = all.sorted().toList();
    }
    ImmutableList.Builder<ImmutableList<RecordedEvent>> out = ImmutableList.builder();
    for (CaseId id : ids) {
      ImmutableList<RecordedEvent> events = store.load(id);
      if (!events.isEmpty()) {
        LocalDate opened = events.get(0).at().atZone(zone).toLocalDate();
        if (!opened.isBefore(from) && !opened.isAfter(to)) {
          out.add(events);
        }
      }
    }
    return out.build();
  }

  /** One case ready to be written. Never compared, so the array component's identity equals is moot. */
  @SuppressWarnings("ArrayRecordComponent")
  private record Prepared(String entry, ImmutableList<RecordedEvent> events, ContentCase state, byte[] bytes) {}

  /** Everything to be written, in entry order, with the manifest. */
  private record Plan(Manifest manifest, Map<String, byte[]> inMemory, Map<String, Manifest.Media> mediaByEntry) {}

  private Plan plan(Collection<? extends List<RecordedEvent>> histories,
      Function<? super SopKey, Optional<SopDefinition>> definitions) {
    if (histories.isEmpty()) {
      throw new ArchiveException(Problem.INVALID_INPUT, "", Text.of("tidak ada kasus untuk diarsipkan",
          "no case to archive"));
    }
    Map<SopKey, SopDefinition> defs = new HashMap<>();
    TreeMap<CaseId, Prepared> cases = new TreeMap<>();
    for (List<RecordedEvent> history : histories) {
      checkNotNull(history, "history");
      if (history.isEmpty()) {
        throw new ArchiveException(Problem.INVALID_INPUT, "", Text.of("riwayat kasus kosong",
            "a case's history is empty"));
      }
      ImmutableList<RecordedEvent> events = ImmutableList.copyOf(history);
      CaseId id = events.get(0).caseId();
      String entry = EntryNames.events(id);
      if (cases.containsKey(id)) {
        throw new ArchiveException(Problem.INVALID_INPUT, entry, Text.of("kasus " + id + " diberikan dua kali",
            "case " + id + " is given twice"));
      }
      HashChain.verify(events).ifPresent(b -> {
        throw brokenChain(entry, b);
      });
      SopKey key = events.get(0).sop();
      SopDefinition definition = defs.computeIfAbsent(key, k -> definitions.apply(k).orElse(null));
      if (definition == null || !definition.key().equals(key)) {
        throw new ArchiveException(Problem.INVALID_INPUT, entry, Text.of(
            "definisi SOP " + key + " tempat kasus " + id + " berjalan tidak diberikan",
            "the SOP definition " + key + " that case " + id + " ran under is not given"));
      }
      ContentCase state = replay(entry, id, definition, events);
      cases.put(id, new Prepared(entry, events, state, eventsBytes(events)));
    }

    Map<String, byte[]> inMemory = new LinkedHashMap<>();
    List<Manifest.Definition> manifestDefs = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (SopKey key : sortedKeys(defs.keySet())) {
      String entry = EntryNames.definition(key, taken);
      taken.add(entry);
      manifestDefs.add(new Manifest.Definition(key, entry));
      inMemory.put(entry, definitionJson.write(defs.get(key)).getBytes(UTF_8));
    }
    List<Manifest.Case> manifestCases = new ArrayList<>();
    for (Prepared p : cases.values()) {
      manifestCases.add(caseEntry(p.entry(), p.events(), p.state()));
      inMemory.put(p.entry(), p.bytes());
    }
    List<Manifest.Media> media = mediaEntries(cases.values().stream()
        .map(p -> Map.entry(p.entry(), p.events())).toList());
    Map<String, Manifest.Media> mediaByEntry = new LinkedHashMap<>();
    for (Manifest.Media m : media) {
      mediaByEntry.putIfAbsent(m.entry(), m);
    }

    List<Manifest.File> files = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, byte[]> e : inMemory.entrySet()) {
      files.add(new Manifest.File(e.getKey(), e.getValue().length, sha256(e.getValue())));
      total += e.getValue().length;
    }
    for (Manifest.Media m : mediaByEntry.values()) {
      files.add(new Manifest.File(m.entry(), m.bytes(), m.sha256()));
      total += m.bytes();
    }
    long records = inMemory.values().stream().mapToLong(b -> b.length).sum();
    if (records > limits.maxRecordBytes()) {
      throw tooLarge("", "definisi dan peristiwa " + records + " bita melebihi batas " + limits.maxRecordBytes(),
          "the definitions and events' " + records + " bytes are over the " + limits.maxRecordBytes()
              + "-byte limit");
    }
    for (Manifest.File f : files) {
      if (f.bytes() > limits.maxEntryBytes()) {
        throw tooLarge(f.name(), "berkas " + f.bytes() + " bita melebihi batas " + limits.maxEntryBytes(),
            "the file's " + f.bytes() + " bytes are over the " + limits.maxEntryBytes() + "-byte limit");
      }
    }
    Manifest manifest = new Manifest(ImmutableList.copyOf(manifestDefs), ImmutableList.copyOf(manifestCases),
        ImmutableList.copyOf(media), ImmutableList.copyOf(files));
    byte[] manifestBytes = manifest.toBytes();
    if (files.size() + 1 > limits.maxEntries()) {
      throw tooLarge("", (files.size() + 1) + " entri melebihi batas " + limits.maxEntries(),
          (files.size() + 1) + " entries are over the limit of " + limits.maxEntries());
    }
    if (manifestBytes.length > limits.maxManifestBytes() || total + manifestBytes.length > limits.maxTotalBytes()) {
      throw tooLarge("", "arsip melebihi batas ukuran manifes atau total",
          "the bundle is over the manifest or total size limit");
    }
    return new Plan(manifest, inMemory, mediaByEntry);
  }

  private void writeZip(Path temp, Plan plan, MediaStore media) throws IOException {
    try (OutputStream file = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, BUFFER), UTF_8)) {
      zip.setLevel(Deflater.DEFAULT_COMPRESSION);
      putEntry(zip, EntryNames.MANIFEST);
      zip.write(plan.manifest().toBytes());
      zip.closeEntry();
      for (Map.Entry<String, byte[]> e : plan.inMemory().entrySet()) {
        putEntry(zip, e.getKey());
        zip.write(e.getValue());
        zip.closeEntry();
      }
      for (Manifest.Media m : plan.mediaByEntry().values()) {
        putEntry(zip, m.entry());
        copyMedia(media, m, zip);
        zip.closeEntry();
      }
    }
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ch.force(true); // on disk before it takes the target's name
    }
  }

  private static void putEntry(ZipOutputStream zip, String name) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTimeLocal(ENTRY_TIME);
    zip.putNextEntry(e);
  }

  // Copies a media file from the store into the ZIP, checking its size and hash against the events' reference.
  // Read failures are the store's (MEDIA_UNAVAILABLE); write failures propagate as I/O errors.
  private void copyMedia(MediaStore media, Manifest.Media m, OutputStream out) throws IOException {
    InputStream in;
    try {
      in = media.open(m.ref());
    } catch (IOException e) {
      throw mediaUnavailable(m, e);
    }
    try (in) {
      Hasher hasher = Hashing.sha256().newHasher();
      byte[] buf = new byte[BUFFER];
      long count = 0;
      while (true) {
        int n;
        try {
          n = in.read(buf);
        } catch (IOException e) {
          throw mediaUnavailable(m, e);
        }
        if (n < 0) {
          break;
        }
        count += n;
        if (count > m.bytes()) {
          break; // more than the reference says: a mismatch, reported below without reading the rest
        }
        hasher.putBytes(buf, 0, n);
        out.write(buf, 0, n);
      }
      String actual = hasher.hash().toString();
      if (count != m.bytes() || !actual.equals(m.sha256())) {
        throw new ArchiveException(Problem.MEDIA_MISMATCH, m.entry(), Text.of(
            "berkas " + m.ref() + " di penyimpanan media tidak sama dengan referensinya di peristiwa kasus",
            "file " + m.ref() + " in the media store differs from its reference in the case's events"));
      }
    }
  }

  private static ArchiveException mediaUnavailable(Manifest.Media m, IOException e) {
    return new ArchiveException(Problem.MEDIA_UNAVAILABLE, m.entry(), Text.of(
        "berkas " + m.ref() + " tidak dapat dibaca dari penyimpanan media: " + e.getMessage(),
        "file " + m.ref() + " cannot be read from the media store: " + e.getMessage()), e);
  }

  private byte[] eventsBytes(List<RecordedEvent> events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(events.size() * 1024);
    for (RecordedEvent e : events) {
      byte[] line = eventJson.writeBytes(e);
      out.write(line, 0, line.length);
      out.write('\n');
    }
    return out.toByteArray();
  }

  // ======================================================================================== shared

  private static List<SopKey> sortedKeys(Collection<SopKey> keys) {
    return keys.stream().sorted(Comparator.comparing(SopKey::officeId).thenComparing(SopKey::number)
        .thenComparingInt(SopKey::revision)).toList();
  }

  private static Manifest.Case caseEntry(String entry, List<RecordedEvent> events, ContentCase state) {
    return new Manifest.Case(state.id(), events.get(0).sop(), state.status(), events.size(),
        HashChain.head(events), entry);
  }

  /**
   * Every media reference the cases' events hold (designs of every attach event, minutes of every meeting, not only
   * the latest), one per ref, ordered by entry name and ref.
   *
   * @throws ArchiveException {@code MEDIA_MISMATCH} if one ref is given two different hashes or sizes
   */
  private static List<Manifest.Media> mediaEntries(List<Map.Entry<String, ImmutableList<RecordedEvent>>> cases) {
    Map<String, Manifest.Media> byRef = new LinkedHashMap<>();
    for (Map.Entry<String, ImmutableList<RecordedEvent>> c : cases) {
      for (RecordedEvent e : c.getValue()) {
        for (Manifest.Media m : referenced(e.payload())) {
          Manifest.Media before = byRef.putIfAbsent(m.ref(), m);
          if (before != null && (before.bytes() != m.bytes() || !before.sha256().equals(m.sha256()))) {
            throw new ArchiveException(Problem.MEDIA_MISMATCH, c.getKey(), Text.of(
                "referensi " + m.ref() + " muncul dengan hash atau ukuran berbeda",
                "reference " + m.ref() + " appears with different hashes or sizes"));
          }
        }
      }
    }
    return byRef.values().stream().sorted(Comparator.comparing(Manifest.Media::entry)
        .thenComparing(Manifest.Media::ref)).toList();
  }

  private static List<Manifest.Media> referenced(CaseEvent payload) {
    List<Manifest.Media> out = new ArrayList<>();
    if (payload instanceof CaseEvent.DesignAttached d) {
      for (MediaItem i : d.items()) {
        out.add(new Manifest.Media(i.fileRef(), i.mediaType(), i.bytes(), i.sha256(),
            EntryNames.media(i.sha256(), i.mediaType())));
      }
    } else if (payload instanceof CaseEvent.MeetingRecorded m) {
      DocumentRef d = m.meeting().minutes();
      out.add(new Manifest.Media(d.fileRef(), d.mediaType(), d.bytes(), d.sha256(),
          EntryNames.media(d.sha256(), d.mediaType())));
    }
    return out;
  }

  private static ContentCase replay(String entry, CaseId id, SopDefinition definition, List<RecordedEvent> events) {
    try {
      return ContentCase.replay(id, definition, events);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new ArchiveException(Problem.INVALID_CONTENT, entry, Text.of(
          "riwayat kasus tidak sesuai definisi SOP-nya: " + e.getMessage(),
          "the case's history does not fit its SOP definition: " + e.getMessage()), e);
    }
  }

  private static ArchiveException brokenChain(String entry, HashChain.Break b) {
    String where = b.reason() == HashChain.Reason.HEAD_MISMATCH ? "" : " (baris " + (b.index() + 1) + ")";
    String whereEn = b.reason() == HashChain.Reason.HEAD_MISMATCH ? "" : " (line " + (b.index() + 1) + ")";
    return new ArchiveException(Problem.BROKEN_CHAIN, entry, Text.of(b.reason().text().id() + where,
        b.reason().text().en() + whereEn));
  }

  private static ArchiveException tooLarge(String entry, String id, String en) {
    return new ArchiveException(Problem.TOO_LARGE, entry, Text.of(id, en));
  }

  private static String sha256(byte[] bytes) {
    return Hashing.sha256().hashBytes(bytes).toString();
  }

  // ======================================================================================== reading

  /**
   * Reads and verifies a bundle.
   *
   * @return what it holds
   * @throws ArchiveException naming the entry, if anything in it differs from what the writer produced
   */
  public VerifiedBundle read(Path bundle) {
    checkNotNull(bundle, "bundle");
    try (ZipFile zip = open(bundle)) {
      return new Reader(zip).verify(bundle);
    } catch (IOException e) {
      throw new ArchiveException(Problem.IO, "", Text.of("gagal membaca " + bundle + ": " + e,
          "cannot read " + bundle + ": " + e), e);
    }
  }

  /**
   * Reads and verifies a bundle, then puts its media files into {@code restoreInto} (each checked again against
   * its hash as it is copied). The cases' events reference media by the refs they were archived with, so restore
   * into the same kind of store: a content-addressed one gives the same refs for the same bytes.
   *
   * @throws ArchiveException naming the entry, if anything in the bundle differs from what the writer produced or a
   *     media file cannot be stored
   */
  public VerifiedBundle read(Path bundle, MediaStore restoreInto) {
    checkNotNull(bundle, "bundle");
    checkNotNull(restoreInto, "restoreInto");
    try (ZipFile zip = open(bundle)) {
      Reader reader = new Reader(zip);
      VerifiedBundle verified = reader.verify(bundle);
      for (ArchivedMedia m : verified.media()) {
        StoredFile stored;
        try (InputStream in = reader.verifiedStream(m.entry(), m.bytes(), m.sha256())) {
          stored = restoreInto.put(in, m.mediaType());
        }
        if (!stored.sha256().equals(m.sha256())) {
          throw new ArchiveException(Problem.MEDIA_MISMATCH, m.entry(), Text.of(
              "penyimpanan tujuan mencatat hash lain", "the target store recorded another hash"));
        }
      }
      return verified;
    } catch (IOException e) {
      throw new ArchiveException(Problem.IO, "", Text.of("gagal memulihkan media dari " + bundle + ": " + e,
          "cannot restore the media of " + bundle + ": " + e), e);
    }
  }

  /**
   * Reads and verifies a bundle, then unpacks it into {@code targetDir} (created if missing): {@code manifest.json}
   * and every entry under its own name. Entry names never become paths outside {@code targetDir}; existing files
   * are never overwritten.
   *
   * @throws ArchiveException naming the entry, if anything in the bundle differs from what the writer produced, or
   *     a file cannot be written
   */
  public VerifiedBundle extract(Path bundle, Path targetDir) {
    checkNotNull(bundle, "bundle");
    checkNotNull(targetDir, "targetDir");
    try (ZipFile zip = open(bundle)) {
      Reader reader = new Reader(zip);
      VerifiedBundle verified = reader.verify(bundle);
      Files.createDirectories(targetDir);
      for (Manifest.File f : reader.allFiles()) {
        Path target = EntryNames.resolveInside(targetDir, f.name());
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE)) {
          // Checked again while copying: the ZIP could have changed since it was verified.
          try (InputStream in = reader.verifiedStream(f.name(), f.bytes(), f.sha256())) {
            in.transferTo(out);
          }
        }
      }
      return verified;
    } catch (IOException e) {
      throw new ArchiveException(Problem.IO, "", Text.of("gagal membongkar " + bundle + " ke " + targetDir + ": "
          + e, "cannot extract " + bundle + " to " + targetDir + ": " + e), e);
    }
  }

  private static ZipFile open(Path bundle) throws IOException {
    if (!Files.isRegularFile(bundle)) {
      throw new ArchiveException(Problem.IO, "", Text.of("berkas tidak ada: " + bundle, "no such file: " + bundle));
    }
    try {
      return new ZipFile(bundle.toFile(), UTF_8);
    } catch (ZipException e) {
      throw new ArchiveException(Problem.NOT_A_ZIP, "", Text.of(String.valueOf(e.getMessage()),
          String.valueOf(e.getMessage())), e);
    }
  }

  /** One verification of one open ZIP. */
  private final class Reader {
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries = new LinkedHashMap<>();
    private final Map<String, Supplier<ImmutableList<RecordedEvent>>> events = new HashMap<>();
    private long total;
    private long recordTotal;
    private byte[] manifestBytes;
    private Manifest manifest;

    Reader(ZipFile zip) {
      this.zip = zip;
    }

    VerifiedBundle verify(Path bundle) throws IOException {
      listEntries();
      readManifest();
      checkEntrySet();

      // Every listed file: size and SHA-256 against the manifest. Definitions are kept for parsing and events are
      // parsed as they stream in, both within the limit on what is held in memory, checked on the stated sizes
      // before anything is read and on the bytes as they are read; media are only hashed.
      Set<String> mediaEntries = new HashSet<>();
      manifest.media().forEach(m -> mediaEntries.add(m.entry()));
      Set<String> eventEntries = new HashSet<>();
      manifest.cases().forEach(c -> eventEntries.add(c.entry()));
      long stated = 0;
      for (Manifest.File f : manifest.files()) {
        if (!mediaEntries.contains(f.name())) {
          stated += Math.max(0, f.bytes());
        }
      }
      if (stated > limits.maxRecordBytes()) {
        throw tooLarge("", "manifes menyatakan " + stated + " bita definisi dan peristiwa, batasnya "
            + limits.maxRecordBytes(), "the manifest states " + stated + " bytes of definitions and events, the "
            + "limit is " + limits.maxRecordBytes());
      }
      Map<String, byte[]> content = new HashMap<>();
      for (Manifest.File f : manifest.files()) {
        try (InputStream in = verifiedStream(f.name(), f.bytes(), f.sha256())) {
          if (mediaEntries.contains(f.name())) {
            in.transferTo(OutputStream.nullOutputStream());
          } else if (eventEntries.contains(f.name())) {
            events.put(f.name(), parseEvents(f.name(), recordBytes(f.name(), in)));
          } else {
            ByteArrayOutputStream keep = new ByteArrayOutputStream();
            recordBytes(f.name(), in).transferTo(keep);
            content.put(f.name(), keep.toByteArray());
          }
        }
      }

      ImmutableMap<SopKey, SopDefinition> definitions = readDefinitions(content);
      ImmutableList<ArchivedCase> cases = readCases(definitions);
      ImmutableList<ArchivedMedia> media = checkMedia(cases);

      // Last, the catch-all: the manifest must be byte for byte the one the writer makes of this content, so even a
      // change the checks above do not look at (a space, a reordered list) is refused.
      Map<String, Manifest.File> listed = new HashMap<>();
      manifest.files().forEach(f -> listed.put(f.name(), f));
      Set<String> inOrder = new LinkedHashSet<>();
      manifest.definitions().forEach(d -> inOrder.add(d.entry()));
      cases.forEach(c -> inOrder.add(c.entry()));
      media.forEach(m -> inOrder.add(m.entry()));
      Manifest expected = new Manifest(manifest.definitions(),
          cases.stream().map(c -> caseEntry(c.entry(), c.events(), c.state())).collect(ImmutableList.toImmutableList()),
          manifest.media(), inOrder.stream().map(listed::get).collect(ImmutableList.toImmutableList()));
      if (!java.util.Arrays.equals(expected.toBytes(), manifestBytes)) {
        throw new ArchiveException(Problem.INVALID_MANIFEST, EntryNames.MANIFEST, Text.of(
            "manifes tidak persis seperti yang ditulis oleh penulis arsip untuk isi ini",
            "the manifest is not exactly the one the writer produces for this content"));
      }
      return new VerifiedBundle(definitions, cases, media, sha256(manifestBytes), fileSha256(bundle));
    }

    List<Manifest.File> allFiles() {
      List<Manifest.File> all = new ArrayList<>();
      all.add(new Manifest.File(EntryNames.MANIFEST, manifestBytes.length, sha256(manifestBytes)));
      all.addAll(manifest.files());
      return all;
    }

    private void listEntries() {
      if (zip.size() > limits.maxEntries()) {
        throw tooLarge("", zip.size() + " entri melebihi batas " + limits.maxEntries(),
            zip.size() + " entries are over the limit of " + limits.maxEntries());
      }
      Enumeration<? extends ZipEntry> all;
      try {
        all = zip.entries();
      } catch (IllegalArgumentException e) { // a name that is not UTF-8
        throw new ArchiveException(Problem.UNSAFE_ENTRY_NAME, "", Text.of("nama entri bukan UTF-8",
            "an entry name is not UTF-8"), e);
      }
      int count = 0;
      while (all.hasMoreElements()) {
        ZipEntry e = all.nextElement();
        if (++count > limits.maxEntries()) {
          throw tooLarge("", "lebih dari " + limits.maxEntries() + " entri",
              "more than " + limits.maxEntries() + " entries");
        }
        String name = e.getName();
        if (e.isDirectory()) {
          EntryNames.checkSafe(name.substring(0, Math.max(0, name.length() - 1)));
          throw new ArchiveException(Problem.UNEXPECTED_ENTRY, EntryNames.printable(name), Text.of(
              "arsip ini tidak memuat entri folder", "this bundle holds no folder entries"));
        }
        EntryNames.checkSafe(name);
        if (entries.put(name, e) != null) {
          throw new ArchiveException(Problem.DUPLICATE_ENTRY, name, Text.of("nama yang sama muncul dua kali",
              "the same name appears twice"));
        }
      }
    }

    private void readManifest() throws IOException {
      ZipEntry e = entries.get(EntryNames.MANIFEST);
      if (e == null) {
        throw new ArchiveException(Problem.MISSING_ENTRY, EntryNames.MANIFEST, Text.of(
            "arsip tanpa manifes", "the bundle has no manifest"));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream in = bounded(EntryNames.MANIFEST, limits.maxManifestBytes())) {
        in.transferTo(out);
      }
      manifestBytes = out.toByteArray();
      manifest = Manifest.parse(manifestBytes);
    }

    // The ZIP holds exactly the manifest and the files it lists; every listed file belongs to a definition, a case
    // or a media file of the manifest, and each of those is listed.
    private void checkEntrySet() {
      Set<String> listed = new LinkedHashSet<>();
      for (Manifest.File f : manifest.files()) {
        EntryNames.checkSafe(f.name());
        if (f.name().equals(EntryNames.MANIFEST) || !listed.add(f.name())) {
          throw new ArchiveException(Problem.INVALID_MANIFEST, EntryNames.MANIFEST, Text.of(
              "berkas '" + f.name() + "' tercantum dua kali", "file '" + f.name() + "' is listed twice"));
        }
      }
      for (String name : entries.keySet()) {
        if (!name.equals(EntryNames.MANIFEST) && !listed.contains(name)) {
          throw new ArchiveException(Problem.UNEXPECTED_ENTRY, name, Text.of(
              "entri ini tidak tercantum dalam manifes", "this entry is not listed in the manifest"));
        }
      }
      for (String name : listed) {
        if (!entries.containsKey(name)) {
          throw new ArchiveException(Problem.MISSING_ENTRY, name, Text.of(
              "manifes mencantumkan entri ini tetapi arsip tidak memuatnya",
              "the manifest lists this entry but the bundle does not hold it"));
        }
      }
      // Each entry has one role, told by its name: definitions under sop/, a case's events under the name its id
      // gives, media under the name their hash and type give.
      for (Manifest.Definition d : manifest.definitions()) {
        if (!d.entry().startsWith("sop/") || !d.entry().endsWith(".json")) {
          throw misnamed(d.entry(), "sop/<...>.json");
        }
      }
      for (Manifest.Case c : manifest.cases()) {
        if (!c.entry().equals(EntryNames.events(c.id()))) {
          throw misnamed(c.entry(), EntryNames.events(c.id()));
        }
      }
      for (Manifest.Media m : manifest.media()) {
        if (!m.entry().equals(EntryNames.media(m.sha256(), m.mediaType()))) {
          throw misnamed(m.entry(), EntryNames.media(m.sha256(), m.mediaType()));
        }
      }
      Set<String> owned = new HashSet<>();
      manifest.definitions().forEach(d -> owned.add(d.entry()));
      manifest.cases().forEach(c -> owned.add(c.entry()));
      manifest.media().forEach(m -> owned.add(m.entry()));
      for (String name : owned) {
        if (!listed.contains(name)) {
          throw new ArchiveException(Problem.MISSING_ENTRY, EntryNames.printable(name), Text.of(
              "manifes menyebut entri ini tanpa mencantumkannya di daftar berkas",
              "the manifest names this entry without listing it among the files"));
        }
      }
      for (String name : listed) {
        if (!owned.contains(name)) {
          throw new ArchiveException(Problem.UNEXPECTED_ENTRY, name, Text.of(
              "bukan definisi, kasus atau media dalam manifes", "not a definition, case or media of the manifest"));
        }
      }
      long size = listed.size() + 1L;
      if (size > limits.maxEntries()) {
        throw tooLarge("", size + " entri melebihi batas", size + " entries are over the limit");
      }
    }

    private ArchiveException misnamed(String entry, String expected) {
      return new ArchiveException(Problem.INVALID_MANIFEST, EntryNames.MANIFEST, Text.of(
          "entri '" + EntryNames.printable(entry) + "' seharusnya bernama '" + expected + "'",
          "entry '" + EntryNames.printable(entry) + "' should be named '" + expected + "'"));
    }

    private ImmutableMap<SopKey, SopDefinition> readDefinitions(Map<String, byte[]> content) {
      ImmutableMap.Builder<SopKey, SopDefinition> out = ImmutableMap.builder();
      Set<String> taken = new HashSet<>();
      List<SopKey> keys = new ArrayList<>();
      for (Manifest.Definition d : manifest.definitions()) {
        SopDefinition definition;
        try {
          definition = definitionJson.read(new ByteArrayInputStream(content.get(d.entry())));
        } catch (RuntimeException e) { // InvalidDefinitionException, DefinitionIoException, or worse
          throw new ArchiveException(Problem.INVALID_CONTENT, d.entry(), Text.of(
              "definisi SOP tidak dapat dibaca: " + e.getMessage(),
              "the SOP definition cannot be read: " + e.getMessage()), e);
        }
        if (!definition.key().equals(d.key())) {
          throw new ArchiveException(Problem.INVALID_MANIFEST, EntryNames.MANIFEST, Text.of(
              "kunci definisi " + d.entry() + " adalah " + definition.key() + ", manifes menyebut " + d.key(),
              "the key of definition " + d.entry() + " is " + definition.key() + ", the manifest says " + d.key()));
        }
        String name = EntryNames.definition(d.key(), taken);
        taken.add(name);
        if (!name.equals(d.entry())) {
          throw new ArchiveException(Problem.INVALID_MANIFEST, EntryNames.MANIFEST, Text.of(
              "definisi " + d.key() + " seharusnya bernama " + name, "definition " + d.key() + " should be " + name));
        }
        keys.add(d.key());
        out.put(d.key(), definition);
      }
      if (!keys.equals(sortedKeys(keys)) || keys.stream().distinct().count() != keys.size()) {
        throw new ArchiveException(Problem.INVALID_MANIFEST, EntryNames.MANIFEST, Text.of(
            "definisi tidak berurutan atau berulang", "definitions out of order or repeated"));
      }
      return out.build();
    }

    private ImmutableList<ArchivedCase> readCases(ImmutableMap<SopKey, SopDefinition> definitions) {
      ImmutableList.Builder<ArchivedCase> out = ImmutableList.builder();
      CaseId previous = null;
      for (Manifest.Case c : manifest.cases()) {
        if (previous != null && previous.compareTo(c.id()) >= 0) {
          throw new ArchiveException(Problem.INVALID_MANIFEST, EntryNames.MANIFEST, Text.of(
              "kasus tidak berurutan atau berulang", "cases out of order or repeated"));
        }
        previous = c.id();
        ImmutableList<RecordedEvent> events = this.events.get(c.entry()).get();
        for (int i = 0; i < events.size(); i++) {
          if (!events.get(i).caseId().equals(c.id())) {
            throw new ArchiveException(Problem.INVALID_CONTENT, c.entry(), Text.of(
                "baris " + (i + 1) + " milik kasus " + events.get(i).caseId(),
                "line " + (i + 1) + " belongs to case " + events.get(i).caseId()));
          }
        }
        HashChain.verify(events, c.head()).ifPresent(b -> {
          throw brokenChain(c.entry(), b);
        });
        SopKey key = events.get(0).sop();
        SopDefinition definition = definitions.get(key);
        if (!key.equals(c.sop()) || definition == null) {
          throw new ArchiveException(Problem.INVALID_MANIFEST, EntryNames.MANIFEST, Text.of(
              "kasus " + c.id() + " berjalan di bawah " + key + " yang definisinya tidak dimuat sesuai manifes",
              "case " + c.id() + " ran under " + key + ", whose definition the manifest does not hold as stated"));
        }
        ContentCase state = replay(c.entry(), c.id(), definition, events);
        out.add(new ArchivedCase(c.entry(), events, state));
      }
      ImmutableList<ArchivedCase> cases = out.build();
      if (cases.isEmpty()) {
        throw new ArchiveException(Problem.INVALID_MANIFEST, EntryNames.MANIFEST, Text.of("tidak ada kasus",
            "no case"));
      }
      return cases;
    }

    // The bytes of a definition or an events file, counted against the bound on what is held in memory.
    private InputStream recordBytes(String name, InputStream in) {
      return new InputStream() {
        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          int n = read(one, 0, 1);
          return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = in.read(b, off, len);
          if (n > 0) {
            recordTotal += n;
            if (recordTotal > limits.maxRecordBytes()) {
              throw tooLarge(name, "definisi dan peristiwa melebihi batas " + limits.maxRecordBytes() + " bita",
                  "the definitions and events are over the limit of " + limits.maxRecordBytes() + " bytes");
            }
          }
          return n;
        }
      };
    }

    /**
     * Parses an events file line by line as it streams in, so that only one line's bytes are held at a time. The
     * stream is read to its end (which checks its size and SHA-256) before a line's problem is reported, and that
     * report waits, as before, until the definitions have been read: a changed byte is reported as such first.
     */
    private Supplier<ImmutableList<RecordedEvent>> parseEvents(String entry, InputStream in) throws IOException {
      ImmutableList.Builder<RecordedEvent> events = ImmutableList.builder();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      byte[] buf = new byte[BUFFER];
      int lines = 0;
      ArchiveException problem = null;
      for (int n; (n = in.read(buf)) != -1; ) {
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            line.write(buf, start, i - start);
            lines++;
            if (problem == null) {
              problem = parseLine(entry, lines, line, events);
            }
            line.reset();
            start = i + 1;
          }
        }
        line.write(buf, start, n - start);
      }
      if (problem == null && line.size() > 0) {
        problem = new ArchiveException(Problem.INVALID_CONTENT, entry, Text.of(
            "baris " + (lines + 1) + " kosong atau tanpa akhir baris",
            "line " + (lines + 1) + " is empty or not terminated"));
      }
      ImmutableList<RecordedEvent> all = events.build();
      if (problem == null && all.isEmpty()) {
        problem = new ArchiveException(Problem.INVALID_CONTENT, entry, Text.of("tanpa peristiwa", "no events"));
      }
      ArchiveException found = problem;
      return () -> {
        if (found != null) {
          throw found;
        }
        return all;
      };
    }

    private ArchiveException parseLine(String entry, int number, ByteArrayOutputStream line,
        ImmutableList.Builder<RecordedEvent> events) {
      if (line.size() == 0) {
        return new ArchiveException(Problem.INVALID_CONTENT, entry, Text.of(
            "baris " + number + " kosong atau tanpa akhir baris", "line " + number + " is empty or not terminated"));
      }
      try {
        events.add(eventJson.read(line.toByteArray(), 0, line.size()));
        return null;
      } catch (EventJsonException e) {
        return new ArchiveException(Problem.INVALID_CONTENT, entry, Text.of("baris " + number + ": "
            + e.text().id(), "line " + number + ": " + e.text().en()), e);
      } catch (RuntimeException e) { // a value the core's records refuse
        return new ArchiveException(Problem.INVALID_CONTENT, entry, Text.of("baris " + number + ": " + e.getMessage(),
            "line " + number + ": " + e.getMessage()), e);
      }
    }

    // The media the verified events reference against the manifest's media list and the files' digests.
    private ImmutableList<ArchivedMedia> checkMedia(ImmutableList<ArchivedCase> cases) {
      List<Manifest.Media> expected = mediaEntries(cases.stream()
          .map(c -> Map.entry(c.entry(), c.events())).toList());
      Map<String, Manifest.Media> byRef = new LinkedHashMap<>();
      expected.forEach(m -> byRef.put(m.ref(), m));
      Map<String, Manifest.File> files = new HashMap<>();
      manifest.files().forEach(f -> files.put(f.name(), f));
      Set<String> seen = new HashSet<>();
      for (Manifest.Media m : manifest.media()) {
        Manifest.Media ref = byRef.get(m.ref());
        if (ref == null) {
          throw new ArchiveException(Problem.UNEXPECTED_ENTRY, m.entry(), Text.of(
              "tidak ada peristiwa yang merujuk " + m.ref(), "no event references " + m.ref()));
        }
        if (!seen.add(m.ref())) {
          throw new ArchiveException(Problem.INVALID_MANIFEST, EntryNames.MANIFEST, Text.of(
              "media " + m.ref() + " tercantum dua kali", "media " + m.ref() + " is listed twice"));
        }
        Manifest.File f = files.get(m.entry());
        if (!ref.equals(m) || f.bytes() != ref.bytes() || !f.sha256().equals(ref.sha256())) {
          throw new ArchiveException(Problem.MEDIA_MISMATCH, m.entry(), Text.of(
              "berkas tidak sama dengan referensi " + ref.ref() + " di peristiwa kasus (SHA-256 " + ref.sha256()
                  + ", " + ref.bytes() + " bita, " + ref.mediaType() + ")",
              "the file differs from reference " + ref.ref() + " in the case's events (SHA-256 " + ref.sha256()
                  + ", " + ref.bytes() + " bytes, " + ref.mediaType() + ")"));
        }
      }
      for (Manifest.Media m : expected) {
        if (!seen.contains(m.ref())) {
          throw new ArchiveException(Problem.MISSING_ENTRY, m.entry(), Text.of(
              "media " + m.ref() + " yang dirujuk peristiwa kasus tidak ada di arsip",
              "media " + m.ref() + " referenced by a case's events is not in the bundle"));
        }
      }
      if (!expected.equals(manifest.media())) {
        throw new ArchiveException(Problem.INVALID_MANIFEST, EntryNames.MANIFEST, Text.of(
            "daftar media tidak berurutan", "the media list is out of order"));
      }
      return expected.stream().map(m -> new ArchivedMedia(m.ref(), m.mediaType(), m.bytes(), m.sha256(), m.entry()))
          .collect(ImmutableList.toImmutableList());
    }

    /**
     * The entry's bytes, failing on the first byte over {@code min(declared, limit)} and, at the end, if the size or
     * the SHA-256 differs from the declared ones.
     */
    InputStream verifiedStream(String name, long declaredBytes, String declaredSha256) throws IOException {
      if (declaredBytes > limits.maxEntryBytes()) {
        throw tooLarge(name, "manifes menyatakan " + declaredBytes + " bita, batasnya " + limits.maxEntryBytes(),
            "the manifest states " + declaredBytes + " bytes, the limit is " + limits.maxEntryBytes());
      }
      return new VerifyingInput(bounded(name, limits.maxEntryBytes()), name, declaredBytes, declaredSha256);
    }

    // The inflated bytes of an entry, counted against the entry limit and the running total as they are read.
    private InputStream bounded(String name, long limit) throws IOException {
      ZipEntry e = entries.get(name);
      InputStream raw;
      try {
        raw = zip.getInputStream(e);
      } catch (ZipException ex) {
        throw corrupt(name, ex);
      }
      return new InputStream() {
        private long count;

        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          int n = read(one, 0, 1);
          return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n;
          try {
            n = raw.read(b, off, len);
          } catch (ZipException ex) {
            throw corrupt(name, ex);
          }
          if (n > 0) {
            count += n;
            total += n;
            if (count > limit) {
              throw tooLarge(name, "entri melebihi batas " + limit + " bita",
                  "the entry is over the " + limit + "-byte limit");
            }
            if (total > limits.maxTotalBytes()) {
              throw tooLarge(name, "arsip melebihi batas total " + limits.maxTotalBytes() + " bita",
                  "the bundle is over the total limit of " + limits.maxTotalBytes() + " bytes");
            }
          }
          return n;
        }

        @Override
        public void close() throws IOException {
          raw.close();
        }
      };
    }
  }

  private static ArchiveException corrupt(String name, ZipException e) {
    return new ArchiveException(Problem.NOT_A_ZIP, name, Text.of("data entri rusak: " + e.getMessage(),
        "corrupt entry data: " + e.getMessage()), e);
  }

  private static String fileSha256(Path file) throws IOException {
    Hasher hasher = Hashing.sha256().newHasher();
    byte[] buf = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) != -1; ) {
        hasher.putBytes(buf, 0, n);
      }
    }
    return hasher.hash().toString();
  }

  /** Passes bytes through; fails on more bytes than declared, and at the end on a size or SHA-256 mismatch. */
  private static final class VerifyingInput extends InputStream {
    private final InputStream in;
    private final String name;
    private final long declaredBytes;
    private final String declaredSha256;
    private final Hasher hasher = Hashing.sha256().newHasher();
    private long count;
    private boolean checked;

    VerifyingInput(InputStream in, String name, long declaredBytes, String declaredSha256) {
      this.in = in;
      this.name = name;
      this.declaredBytes = declaredBytes;
      this.declaredSha256 = declaredSha256;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n < 0) {
        check();
        return n;
      }
      count += n;
      if (count > declaredBytes) {
        throw sizeMismatch("lebih dari", "more than");
      }
      hasher.putBytes(b, off, n);
      return n;
    }

    private void check() {
      if (checked) {
        return;
      }
      checked = true;
      if (count != declaredBytes) {
        throw sizeMismatch(count + " bita, bukan", count + " bytes, not");
      }
      String actual = hasher.hash().toString();
      if (!actual.equals(declaredSha256)) {
        throw new ArchiveException(Problem.DIGEST_MISMATCH, name, Text.of(
            "SHA-256 " + actual + ", manifes menyatakan " + declaredSha256,
            "SHA-256 " + actual + ", the manifest states " + declaredSha256));
      }
    }

    private ArchiveException sizeMismatch(String id, String en) {
      return new ArchiveException(Problem.SIZE_MISMATCH, name, Text.of(
          id + " " + declaredBytes + " bita seperti dinyatakan manifes",
          en + " the " + declaredBytes + " bytes the manifest states"));
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
