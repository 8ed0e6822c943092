package id.go.kpu.jdih.store.file;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.event.json.EventJson;
import id.go.kpu.jdih.event.json.EventJsonException;
import id.go.kpu.jdih.event.json.OutboxJson;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.store.AppendCheck;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.InvalidAppendException;
import id.go.kpu.jdih.store.VersionConflictException;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A {@link CaseStore} in a directory: one append-only log per case, one JSON line per event in the form of
 * {@link EventJson}.
 *
 * <h2>Files</h2>
 * For a case {@code id} the root holds {@code case-<name>.jsonl}, the log, and {@code case-<name>.lock}, its lock
 * file, where {@code <name>} is the id with each upper-case letter written as {@code +} and the letter in lower
 * case ({@code Kasus-A} becomes {@code +kasus-+a}): case ids are case-sensitive, but the file systems of Windows
 * and macOS are not, and {@code kasus-a} must not share a log with {@code Kasus-A}. The prefix keeps names such as
 * {@code con} or {@code nul}, reserved on Windows, away from the start of a file name. An append of {@code n >= 2}
 * events writes the marker line {@code {"batch":n}} before its lines, so that a batch cut short by a crash is
 * dropped whole: appends are all or nothing. A batch written by {@link FileStorage} also carries the publication
 * intents of its events, one line each after the events (see {@link LogScan}; the marker counts them): they are not
 * events, and {@link #load} and {@link #version} pass over them. Lock files are never deleted: deleting one while
 * another process waits on it would let two writers in.
 *
 * <h2>Appending</h2>
 * Under the case's lock (below) an append re-reads the log's end, checks the expected version (else
 * {@link VersionConflictException}), runs {@link AppendCheck#check}, writes the lines of the whole batch with one
 * write at the end of the committed events, and calls {@link FileChannel#force force(true)} before it returns, so
 * an acknowledged append is on the disk. The first append of a case also syncs the directory, so that the new
 * file's name survives a power cut too.
 *
 * <h2>Locking</h2>
 * Each case has two locks, taken in this order and held for the whole append: an in-JVM lock, then an exclusive
 * {@link FileLock} on the case's lock file. The file lock keeps other processes out. It is not enough on its own.
 * The {@link FileLock} class description says "File locks are held on behalf of the entire Java virtual machine.
 * They are not suitable for controlling access to a file by multiple threads within the same virtual machine":
 * a second {@code lock()} on the file from the same JVM throws
 * {@link java.nio.channels.OverlappingFileLockException} instead of waiting. It also says "On some systems, closing a
 * channel releases all locks held by the Java virtual machine on the underlying file". So the in-JVM lock is shared
 * by every store of this module in the JVM (keyed by the lock file's real path), and the lock file is opened only
 * under it, and only to lock it; the log is a different file. File locks are advisory on most systems ("whether
 * or not a lock actually prevents another program from accessing the content of the locked region is
 * system-dependent"): every process writing the directory must go through this class, and the directory should be
 * on a local file system, where locking and {@code force} keep their promises.
 *
 * <h2>Reading and recovery</h2>
 * {@link #load} and {@link #version} take no lock. Committed bytes are never changed, so a reader reads the log
 * from the end of what it has cached and keeps every complete write whose lines are valid events of the case
 * (without the lock, only events whose hash chain checks out; anything doubtful is read again under the lock). A
 * torn tail, the leftovers of a write cut short by a crash (an unfinished last line without its line break, a batch
 * with fewer lines than its marker counts, or a last write with a block of NUL bytes the system never wrote), is
 * ignored when reading and truncated away, under the lock, by the next append; the last committed event, written
 * and synced before its append returned, is never touched. A <em>complete</em> line that does not read, even the
 * last one, is damage to an acknowledged event: it is reported as {@link FileStoreException.Kind#CORRUPT_LOG} and
 * nothing is truncated, skipped or appended after it (a log whose only line is damaged is still listed by
 * {@link #caseIds}, so the case does not look absent). A line that reads but whose hash does not verify is loaded,
 * for {@link HashChain#verify} to report.
 *
 * <p>An append that fails with {@link FileStoreException.Kind#IO_FAILURE} was not acknowledged: its events may or
 * may not be in the log (the store tries to cut them off again). An interrupted thread aborts its append the
 * same way, since {@link FileChannel} is interruptible.
 *
 * <p>Thread-safe. The events of the 1,000 most recently used cases are cached in memory; the cache is checked
 * against the log's size on every read.
 */
public final class FileCaseStore implements CaseStore {

  /** How many cases' events are kept in memory; others are read again from their log when needed. */
  static final int CACHED_CASES = 1_000;

  private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final String PREFIX = "case-";
  private static final String LOG_SUFFIX = ".jsonl";
  private static final String LOCK_SUFFIX = ".lock";
  private static final int MAX_READ = Integer.MAX_VALUE - 16;

  private final Path root;
  private final Duration lockTimeout;

  /** How long an append waits for a case's lock by default. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
  private final EventJson json = new EventJson();
  private final OutboxJson outboxJson = new OutboxJson();
  private final ConcurrentMap<CaseId, Snapshot> cache =
      CacheBuilder.newBuilder().maximumSize(CACHED_CASES).<CaseId, Snapshot>build().asMap();

  /**
   * A store in {@code root}, which is created if it does not exist.
   *
   * @throws FileStoreException if the directory cannot be created or resolved
   */
  public FileCaseStore(Path root) {
    this(root, DEFAULT_LOCK_TIMEOUT);
  }

  /**
   * A store in {@code root} that waits at most {@code lockTimeout} for a case's lock before it gives up with
   * {@link FileStoreException.Kind#LOCKED}, so a process holding a lock cannot hang another forever.
   *
   * @throws FileStoreException if the directory cannot be created or resolved
   */
  public FileCaseStore(Path root, Duration lockTimeout) {
    checkNotNull(root, "root");
    checkArgument(!checkNotNull(lockTimeout, "lockTimeout").isNegative(), "lockTimeout must not be negative");
    this.lockTimeout = lockTimeout;
    try {
      Files.createDirectories(root);
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw io("membuka direktori " + root, "opening the directory " + root, e);
    }
  }

  /** The directory the logs are in. */
  public Path root() {
    return root;
  }

  @Override
  public ImmutableList<RecordedEvent> load(CaseId id) {
    return read(checkNotNull(id, "id")).events();
  }

  @Override
  public long version(CaseId id) {
    return read(checkNotNull(id, "id")).events().size();
  }

  @Override
  public long append(CaseId id, long expectedVersion, List<RecordedEvent> events) {
    return append(id, expectedVersion, events, List.of(), () -> {});
  }

  /**
   * Appends {@code events} and, in the same write, one line per intent of {@code intents} (see {@link LogScan}):
   * both are in the log, or neither. Under the case's lock, after the version and the events were checked and
   * before anything is written, runs {@code beforeWrite} ({@code FileStorage} records there that the case's intents
   * may need materialising); if it fails, nothing is written. The caller checks that the intents are first states
   * of the case's intents.
   */
  long append(CaseId id, long expectedVersion, List<RecordedEvent> events, List<IntentState> intents,
      BeforeWrite beforeWrite) {
    checkNotNull(id, "id");
    checkNotNull(intents, "intents");
    Path log = logFile(id);
    return locked(id, () -> {
      Snapshot now = refresh(id, log, true);
      if (now.events().size() != expectedVersion) {
        throw new VersionConflictException(id, expectedVersion, now.events().size());
      }
      AppendCheck.check(id, expectedVersion, HashChain.head(now.events()), events);
      byte[] bytes = encode(events, intents);
      beforeWrite.run();
      try (FileChannel channel = FileChannel.open(log, READ, WRITE, CREATE)) {
        long at = now.committedBytes();
        try {
          if (channel.size() > at) {
            channel.truncate(at); // a torn tail: the leftovers of an unacknowledged write
          }
          writeFully(channel, ByteBuffer.wrap(bytes), at);
          // FileChannel.force: "If this channel's file resides on a local storage device then when this method
          // returns it is guaranteed that all changes made to the file since this channel was created [...] will
          // have been written to that device"; with true it must "force changes to both the file's content and
          // metadata to be written to storage" (the new length too). The channel is new, so that covers the
          // truncation and the write: durable before acknowledged.
          channel.force(true);
        } catch (IOException | RuntimeException e) {
          cache.remove(id);
          undo(channel, at);
          throw e;
        }
        if (at == 0) {
          FileLocks.syncDirectory(root); // the log's first committed write: make its name durable too
        }
        Object fileKey = Files.readAttributes(log, BasicFileAttributes.class).fileKey();
        ImmutableList<RecordedEvent> after = ImmutableList.<RecordedEvent>builderWithExpectedSize(
            now.events().size() + events.size()).addAll(now.events()).addAll(events).build();
        cache.put(id, new Snapshot(fileKey, at + bytes.length, after));
        return (long) after.size();
      }
    });
  }

  /**
   * Every case with at least one committed event, or whose log is damaged, in id order. The stream holds no open
   * resources.
   */
  @Override
  public Stream<CaseId> caseIds() {
    List<CaseId> ids = new ArrayList<>();
    try (Stream<Path> files = Files.list(root)) {
      files.forEach(f -> {
        CaseId id = caseIdOf(f.getFileName().toString());
        if (id != null) {
          ids.add(id);
        }
      });
    } catch (IOException e) {
      throw io("membaca isi direktori " + root, "listing the directory " + root, e);
    }
    return ids.stream().sorted().filter(this::hasEvents);
  }

  /** Whether the log holds a committed event, or damage (reported when the case is loaded, never hidden). */
  private boolean hasEvents(CaseId id) {
    try {
      return version(id) > 0;
    } catch (FileStoreException e) {
      if (e.kind() == FileStoreException.Kind.CORRUPT_LOG) {
        return true;
      }
      throw e;
    }
  }

  /** The log of {@code id}: never a path outside the root, whatever the id holds. */
  Path logFile(CaseId id) {
    return file(id, LOG_SUFFIX);
  }

  private Path lockFile(CaseId id) {
    return file(id, LOCK_SUFFIX);
  }

  private Path file(CaseId id, String suffix) {
    String value = id.value();
    // CaseId already restricts its value; checked again here because this string becomes a path.
    checkArgument(CASE_ID.matcher(value).matches(), "invalid case id for a file name: %s", value);
    StringBuilder name = new StringBuilder(PREFIX.length() + 2 * value.length() + suffix.length()).append(PREFIX);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        name.append('+').append((char) (c - 'A' + 'a'));
      } else {
        name.append(c);
      }
    }
    Path file = root.resolve(name.append(suffix).toString());
    checkArgument(root.equals(file.getParent()), "case file outside the store: %s", file);
    return file;
  }

  /** The case id of a log's file name, or null if the name is not one of a log. */
  static CaseId caseIdOf(String fileName) {
    if (!fileName.startsWith(PREFIX) || !fileName.endsWith(LOG_SUFFIX)) {
      return null;
    }
    String name = fileName.substring(PREFIX.length(), fileName.length() - LOG_SUFFIX.length());
    StringBuilder value = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '+') {
        if (i + 1 == name.length() || name.charAt(i + 1) < 'a' || name.charAt(i + 1) > 'z') {
          return null;
        }
        value.append((char) (name.charAt(++i) - 'a' + 'A'));
      } else if (c >= 'A' && c <= 'Z') {
        return null; // not a name this store writes
      } else {
        value.append(c);
      }
    }
    return CASE_ID.matcher(value).matches() ? CaseId.of(value.toString()) : null;
  }

  /** What a log holds: committed events and, for tests, its bytes. */
  record Inspection(long version, long committedBytes, long fileBytes) {}

  /** The log's committed events and size against the file's size, read under the lock. */
  Inspection inspect(CaseId id) {
    Path log = logFile(id);
    return locked(id, () -> {
      if (!Files.exists(log)) {
        return new Inspection(0, 0, 0);
      }
      Snapshot s = refresh(id, log, true);
      return new Inspection(s.events().size(), s.committedBytes(), Files.size(log));
    });
  }

  /**
   * The publication intents written with the case's committed events, in log order; read under the lock, so that
   * an append in progress when this is called is either seen whole or not begun.
   */
  ImmutableList<IntentState> intentsInLog(CaseId id) {
    Path log = logFile(id);
    return locked(id, () -> {
      byte[] buf;
      try {
        buf = Files.readAllBytes(log);
      } catch (NoSuchFileException e) {
        return ImmutableList.of();
      }
      LogScan.Result scan = LogScan.scan(json, outboxJson, id, 0, HashChain.GENESIS, false, buf, buf.length);
      if (scan.tail() == LogScan.Tail.CORRUPT) {
        throw corrupt(id, log, scan, 0);
      }
      return scan.intents();
    });
  }

  private Snapshot read(CaseId id) {
    Path log = logFile(id);
    try {
      return refresh(id, log, false);
    } catch (IOException e) {
      throw io("membaca " + log, "reading " + log, e);
    }
  }

  /**
   * Brings the cached snapshot of {@code id} up to the log's end. Without the lock, what looks corrupt or fails its
   * hash may be a write in progress seen half-way, so it is read again under the lock before it is reported.
   */
  private Snapshot refresh(CaseId id, Path log, boolean locked) throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(log, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Snapshot.NONE;
    }
    Snapshot cached = cache.get(id);
    boolean reread = cached == null || !Objects.equals(cached.fileKey(), attrs.fileKey())
        || attrs.size() < cached.committedBytes();
    Snapshot base = reread ? new Snapshot(attrs.fileKey(), 0, ImmutableList.of()) : cached;
    if (attrs.size() == base.committedBytes()) {
      if (reread) {
        cache.put(id, base);
      }
      return base;
    }
    long want = attrs.size() - base.committedBytes();
    if (want > MAX_READ) {
      throw new IOException("log too large to read: " + log);
    }
    byte[] buf = new byte[(int) want];
    int got;
    try (FileChannel channel = FileChannel.open(log, READ)) {
      got = readFully(channel, buf, base.committedBytes());
    }
    // Without the lock, only events whose hashes check out are taken: a writer replacing a torn tail while we
    // read could show us a line spliced from old and new bytes. Anything doubtful is read again under the lock,
    // where the bytes hold still and an event is taken as it decodes (an altered event is then loaded, for
    // HashChain.verify to report).
    LogScan.Result scan = LogScan.scan(json, outboxJson, id, base.events().size(), HashChain.head(base.events()),
        !locked, buf, got);
    if (!locked && (scan.tail() == LogScan.Tail.CORRUPT || scan.hashMismatch())) {
      return locked(id, () -> refresh(id, log, true));
    }
    if (scan.tail() == LogScan.Tail.CORRUPT) {
      throw corrupt(id, log, scan, base.events().size());
    }
    Snapshot next = base;
    if (!scan.events().isEmpty() || reread) {
      next = new Snapshot(attrs.fileKey(), base.committedBytes() + scan.committedBytes(),
          ImmutableList.<RecordedEvent>builderWithExpectedSize(base.events().size() + scan.events().size())
              .addAll(base.events()).addAll(scan.events()).build());
      if (reread) {
        cache.put(id, next);
      } else {
        // Two readers may refresh at once; keep the longer view of the same file.
        cache.merge(id, next, (old, neu) -> !Objects.equals(old.fileKey(), neu.fileKey())
            || neu.committedBytes() >= old.committedBytes() ? neu : old);
      }
    }
    return next; // a torn tail, if any, is left for the next append to truncate
  }

  private byte[] encode(List<RecordedEvent> events, List<IntentState> intents) {
    int lines = events.size() + intents.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024 * lines);
    if (lines > 1) {
      out.writeBytes(LogScan.batchMarker(lines));
    }
    for (RecordedEvent e : events) {
      try {
        out.writeBytes(json.writeBytes(e));
      } catch (EventJsonException x) {
        throw new InvalidAppendException(Text.of("peristiwa " + e.sequence() + " tidak dapat disimpan: "
            + x.text().id(), "event " + e.sequence() + " cannot be stored: " + x.text().en()));
      }
      out.write('\n');
    }
    for (IntentState s : intents) {
      out.writeBytes(LogScan.intentLine(outboxJson, s));
    }
    return out.toByteArray();
  }

  private static FileStoreException corrupt(CaseId id, Path log, LogScan.Result scan, int before) {
    return new FileStoreException(FileStoreException.Kind.CORRUPT_LOG, Text.of(
        "Log kasus " + id + " rusak di baris ke-" + scan.tailLine() + " setelah peristiwa ke-"
            + (before + scan.events().size()) + " (" + log + "); tidak ada yang dipotong: " + scan.problem().id(),
        "The log of case " + id + " is damaged at line " + scan.tailLine() + " after event "
            + (before + scan.events().size()) + " (" + log + "); nothing was truncated: " + scan.problem().en()), null);
  }

  /** Best effort after a failed write: cut the unacknowledged bytes off again. */
  private static void undo(FileChannel channel, long committed) {
    try {
      if (channel.isOpen() && channel.size() > committed) {
        channel.truncate(committed);
        channel.force(true);
      }
    } catch (IOException | RuntimeException ignored) {
      // Left as a torn tail; the next append truncates it.
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
    // One write call for the batch; the loop only continues if the system wrote part of it.
    long at = position;
    while (buf.hasRemaining()) {
      at += channel.write(buf, at);
    }
  }

  private static int readFully(FileChannel channel, byte[] buf, long position) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(buf);
    while (b.hasRemaining()) {
      int n = channel.read(b, position + b.position());
      if (n < 0) {
        break; // the file shrank while we read: keep what we have
      }
    }
    return b.position();
  }

  /** Runs {@code body} holding the case's in-JVM lock and then its file lock, each waited for up to the time-out. */
  private <T> T locked(CaseId id, FileLocks.IoBody<T> body) {
    try {
      return FileLocks.locked(lockFile(id), lockTimeout, () -> lockedOut(id), body);
    } catch (IOException e) {
      throw io("menulis atau mengunci log kasus " + id, "writing or locking the log of case " + id, e);
    }
  }

  private FileStoreException lockedOut(CaseId id) {
    return new FileStoreException(FileStoreException.Kind.LOCKED, Text.of(
        "Kasus " + id + " sedang dikunci proses lain lebih dari " + lockTimeout.toSeconds() + " detik; tidak ada "
            + "yang ditulis. Coba lagi setelah proses itu selesai.",
        "Case " + id + " has been locked by another process for more than " + lockTimeout.toSeconds()
            + " seconds; nothing was written. Try again when that process is done."), null);
  }

  private static FileStoreException io(String id, String en, IOException e) {
    return new FileStoreException(FileStoreException.Kind.IO_FAILURE,
        Text.of("Gagal " + id + ": " + e, "Failed " + en + ": " + e), e);
  }

  /** What {@link #append(CaseId, long, List, List, BeforeWrite)} runs before it writes. */
  @FunctionalInterface
  interface BeforeWrite {
    /** Runs under the case's lock. */
    void run() throws IOException;
  }

  /**
   * A case's committed events as last read.
   *
   * @param fileKey the log's identity, to notice a replaced file; null where the system has none
   * @param committedBytes the length of the log's committed part
   * @param events the committed events
   */
  private record Snapshot(Object fileKey, long committedBytes, ImmutableList<RecordedEvent> events) {
    static final Snapshot NONE = new Snapshot(null, 0, ImmutableList.of());
  }
}
