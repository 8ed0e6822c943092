package id.go.kpu.jdih.store.file;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.event.json.EventJsonException;
import id.go.kpu.jdih.event.json.OutboxJson;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.IntentId;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.OutboxStore;
import id.go.kpu.jdih.workflow.CaseId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * An {@link OutboxStore} in a directory: one JSON file per intent, in the form of {@link OutboxJson}.
 *
 * <h2>Files</h2>
 * The intent {@code id} is kept in {@code intent-<name>.json}, {@code <name>} being the id with each upper-case
 * letter written as {@code +} and the letter in lower case (as {@link FileCaseStore} names its logs, for the same
 * reason: ids are case-sensitive, some file systems are not). An intent's id starts with its case's id and a dot,
 * so the files of one case share the prefix {@code intent-<case name>.}. Changes are serialised by 64 lock files,
 * {@code outbox-00.lock} to {@code outbox-63.lock}; an intent uses the one numbered by its id's
 * {@link String#hashCode()} (specified by {@code String}, so the same in every JVM) modulo 64. Lock files are never
 * deleted. A write goes through {@code intent-<name>.json.tmp}, which only the holder of the intent's lock touches;
 * one left by a crash is overwritten by the intent's next write and ignored otherwise.
 *
 * <h2>Writing</h2>
 * {@link #add} and {@link #replace} hold the intent's locks ({@link FileLocks}: the in-JVM lock, then the
 * {@link java.nio.channels.FileLock} on its lock file, so other threads and other processes are kept out) for the
 * whole compare-and-set: read the stored file, compare, write. A write is atomic and durable: the new state goes
 * to the temporary file, which is synced with {@link FileChannel#force force(true)} ("all changes made to the file
 * since this channel was created [...] will have been written to that device") and then renamed over the intent's
 * file with {@link StandardCopyOption#ATOMIC_MOVE} ("the file move will be performed as an atomic file system
 * operation"; a reader sees the old file or the new one, never a part of either; on POSIX systems this is
 * {@code rename(2)}, which replaces an existing target atomically). The directory is then synced, so that the
 * rename survives a power cut. A failed write leaves the old state in place.
 *
 * <h2>Reading, and its cost</h2>
 * {@link #find} reads the one file, without a lock: the rename makes every file it can see complete.
 * {@link #forCase} lists the directory and reads the files of the case. {@link #due} and {@link #nextDueAt} list
 * the directory and consider every intent, done ones included: one directory listing and one {@code stat} per
 * intent, and a parse of each file that changed since this instance last read it (states are cached by file name,
 * checked against the file's identity, size and modification time; a stale answer would only make a later
 * {@link #replace} fail, since {@code replace} always reads the file under the lock). For the few thousand intents
 * an office collects in years this is a few milliseconds; a much larger outbox wants an index (or
 * {@code JdbcStorage}).
 *
 * <p>A file that does not hold a valid intent (edited by hand, or damaged) is reported as
 * {@link FileStoreException.Kind#CORRUPT_RECORD} by every query that reads it; nothing is changed.
 *
 * <p>Thread-safe; several instances, in this JVM or in other processes, may share the directory. It should be on a
 * local file system, where file locks, {@code force} and atomic renames keep their promises.
 */
public final class FileOutboxStore implements OutboxStore {

  /** How many lock files serialise the changes. */
  static final int LOCK_STRIPES = 64;

  private static final String PREFIX = "intent-";
  private static final String SUFFIX = ".json";
  private static final String TEMP_SUFFIX = ".tmp";

  private final Path root;
  private final Duration lockTimeout;
  private final OutboxJson json = new OutboxJson();
  private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

  /**
   * A store in {@code root}, which is created if it does not exist, waiting at most
   * {@link FileCaseStore#DEFAULT_LOCK_TIMEOUT} for an intent's lock.
   *
   * @param root the directory
   * @throws FileStoreException if the directory cannot be created or resolved
   */
  public FileOutboxStore(Path root) {
    this(root, FileCaseStore.DEFAULT_LOCK_TIMEOUT);
  }

  /**
   * A store in {@code root} that waits at most {@code lockTimeout} for an intent's lock before it gives up with
   * {@link FileStoreException.Kind#LOCKED}.
   *
   * @param root the directory, created if it does not exist
   * @param lockTimeout how long to wait for a lock, not negative
   * @throws FileStoreException if the directory cannot be created or resolved
   */
  public FileOutboxStore(Path root, Duration lockTimeout) {
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

  /**
   * The directory the intents are in.
   *
   * @return its real path
   */
  public Path root() {
    return root;
  }

  @Override
  public boolean add(IntentState state) {
    checkNotNull(state, "state");
    checkArgument(state.version() == 1, "a new intent starts at version 1: %s", state.version());
    Path file = file(state.id());
    return locked(state.id(), () -> {
      if (Files.exists(file)) {
        return false;
      }
      write(file, state);
      return true;
    });
  }

  @Override
  public Optional<IntentState> find(IntentId id) {
    Path file = file(checkNotNull(id, "id"));
    try {
      return read(file);
    } catch (IOException e) {
      throw io("membaca " + file, "reading " + file, e);
    }
  }

  @Override
  public ImmutableList<IntentState> forCase(CaseId caseId) {
    checkNotNull(caseId, "caseId");
    String prefix = PREFIX + encode(caseId.value()) + ".";
    return scan(name -> name.startsWith(prefix)).stream().sorted(Comparator.comparing(IntentState::id))
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public ImmutableList<IntentState> due(Instant now, int limit) {
    checkNotNull(now, "now");
    checkArgument(limit >= 1, "limit must be >= 1: %s", limit);
    return scan(name -> true).stream().filter(s -> s.isDue(now))
        .sorted(Comparator.comparing((IntentState s) -> s.dueAt().orElseThrow()).thenComparing(IntentState::id))
        .limit(limit).collect(ImmutableList.toImmutableList());
  }

  @Override
  public Optional<Instant> nextDueAt() {
    return scan(name -> true).stream().map(IntentState::dueAt).flatMap(Optional::stream)
        .min(Comparator.naturalOrder());
  }

  @Override
  public boolean replace(IntentState expected, IntentState next) {
    checkNotNull(expected, "expected");
    checkNotNull(next, "next");
    checkArgument(expected.id().equals(next.id()), "cannot replace %s by %s", expected.id(), next.id());
    checkArgument(next.version() == expected.version() + 1, "next version must be %s: %s", expected.version() + 1,
        next.version());
    Path file = file(expected.id());
    return locked(expected.id(), () -> {
      Optional<IntentState> current = read(file);
      if (current.isEmpty() || current.get().version() != expected.version()) {
        // The caller may have had the state from a query: make the next query read the file again, whatever the
        // cache believed (see Cached).
        cache.remove(file.getFileName().toString());
        return false;
      }
      write(file, next);
      return true;
    });
  }

  /** The intents whose file names pass {@code names}, read or taken from the cache. */
  private List<IntentState> scan(Predicate<String> names) {
    List<IntentState> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(root, PREFIX + "*" + SUFFIX)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (!names.test(name)) {
          continue;
        }
        BasicFileAttributes attrs;
        try {
          attrs = Files.readAttributes(f, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
          continue; // cannot happen (intents are never deleted), but not worth failing a query for
        }
        Cached c = cache.get(name);
        if (c == null || !c.matches(attrs)) {
          // Attributes first, then the content: if the file is replaced in between, the cached attributes are
          // older than the content and the next query reads it again.
          Optional<IntentState> s = read(f);
          if (s.isEmpty()) {
            continue;
          }
          c = new Cached(attrs.fileKey(), attrs.size(), attrs.lastModifiedTime(), s.get());
          cache.put(name, c);
        }
        out.add(c.state());
      }
    } catch (IOException e) {
      throw io("membaca isi direktori " + root, "listing the directory " + root, e);
    }
    return out;
  }

  private Optional<IntentState> read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\n') {
      length--;
    }
    try {
      return Optional.of(json.read(new String(bytes, 0, length, UTF_8)));
    } catch (EventJsonException e) {
      throw new FileStoreException(FileStoreException.Kind.CORRUPT_RECORD, Text.of(
          "Berkas niat terbit " + file + " rusak; tidak ada yang diubah: " + e.code() + " " + e.text().id(),
          "The publication intent file " + file + " is damaged; nothing was changed: " + e.code() + " "
              + e.text().en()), e);
    }
  }

  /** Writes {@code state} to {@code file} atomically and durably; called under the intent's lock. */
  private void write(Path file, IntentState state) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
    byte[] bytes = (json.write(state) + "\n").getBytes(UTF_8);
    try (FileChannel channel = FileChannel.open(temp, WRITE, CREATE, TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(true); // the content is on the disk before the name points to it
    }
    // Files.move with ATOMIC_MOVE: "The file move will be performed as an atomic file system operation and all
    // other options are ignored. If the target file exists then it is implementation specific if the existing file
    // is replaced": on POSIX systems it is rename(2), which replaces it atomically; on Windows the JDK passes
    // MOVEFILE_REPLACE_EXISTING.
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    FileLocks.syncDirectory(root); // the rename is durable before the change is acknowledged
  }

  /** The file of {@code id}: never a path outside the root, whatever the id holds. */
  Path file(IntentId id) {
    Path file = root.resolve(PREFIX + encode(id.value()) + SUFFIX);
    checkArgument(root.equals(file.getParent()), "intent file outside the store: %s", file);
    return file;
  }

  /** {@code value} with each upper-case letter written as {@code +} and the letter in lower case. */
  static String encode(String value) {
    StringBuilder name = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        name.append('+').append((char) (c - 'A' + 'a'));
      } else {
        name.append(c);
      }
    }
    return name.toString();
  }

  private <T> T locked(IntentId id, FileLocks.IoBody<T> body) {
    int stripe = Math.floorMod(id.value().hashCode(), LOCK_STRIPES);
    Path lock = root.resolve(String.format("outbox-%02d.lock", stripe));
    try {
      return FileLocks.locked(lock, lockTimeout, () -> lockedOut(id), body);
    } catch (IOException e) {
      throw io("menulis atau mengunci niat terbit " + id, "writing or locking the publication intent " + id, e);
    }
  }

  private FileStoreException lockedOut(IntentId id) {
    return new FileStoreException(FileStoreException.Kind.LOCKED, Text.of(
        "Niat terbit " + id + " sedang dikunci proses lain lebih dari " + lockTimeout.toSeconds() + " detik; tidak "
            + "ada yang ditulis. Coba lagi setelah proses itu selesai.",
        "The publication intent " + id + " has been locked by another process for more than "
            + lockTimeout.toSeconds() + " seconds; nothing was written. Try again when that process is done."), null);
  }

  private static FileStoreException io(String id, String en, IOException e) {
    return new FileStoreException(FileStoreException.Kind.IO_FAILURE,
        Text.of("Gagal " + id + ": " + e, "Failed " + en + ": " + e), e);
  }

  /**
   * A state as read from a file with these attributes. Each write makes a new file (the temporary one, renamed), so
   * its identity changes too; only a reused identity with the same size and a modification time within the file
   * system's time granularity could hide a change, and {@link #replace} drops the entry when it finds another
   * version than the caller expected.
   */
  private record Cached(Object fileKey, long size, FileTime modified, IntentState state) {
    boolean matches(BasicFileAttributes attrs) {
      return Objects.equals(fileKey, attrs.fileKey()) && size == attrs.size()
          && modified.equals(attrs.lastModifiedTime());
    }
  }
}
