package id.go.kpu.jdih.store.file;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.notify.NotificationLedger;
import id.go.kpu.jdih.publish.IntentId;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.OutboxStore;
import id.go.kpu.jdih.runtime.Storage;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Storage} in one home directory: the case logs of a {@link FileCaseStore} in {@code cases/}, the intents of
 * a {@link FileOutboxStore} in {@code outbox/}, the journal of a {@link FileNotificationLedger} in
 * {@code notifications/}, and {@code pending/}, the markers described below.
 *
 * <h2>Events and intents together</h2>
 * {@link #append} writes the command's events and its new publication intents as one batch of the case's log, one
 * line {@code {"outbox":<intent>}} per intent after the event lines (see {@link LogScan}), with one write and one
 * {@link FileChannel#force force(true)}: after a crash the log holds both or neither. The intents are then
 * <em>materialised</em>: each one is added to the outbox store unless an intent with its id is there already (it is
 * then left as it is). The log is the record; the outbox file is where workers change the intent's state.
 *
 * <h2>Finding what a crash left unmaterialised</h2>
 * The process may die between the log write and the outbox files. So that no intent is lost, and without reading
 * every case log at every start, an append with intents first creates an empty marker file
 * {@code pending/<case file>.<random>.pending}, under the case's lock, before the log is written, and syncs the
 * directory, so that the marker is on the disk before the log write is. The marker is deleted once the intents are
 * materialised (if that fails, {@link #append} still returns, since the command is stored, and the marker stays).
 * Whoever finds a marker materialises the intents of that case's log (read whole, under the case's lock, so that an
 * append still in progress is either seen whole or not begun) and deletes the marker: {@link #open} does it for
 * every marker, and so does every query of {@link #outbox()} (for markers of other instances and processes), so a
 * long-running process also picks up what a crashed one left. The marker's random part makes it belong to one
 * append, so that clearing it never clears another append's marker.
 *
 * <p>The trade-off: an append with intents (once per case and round, when it reaches its upload activity) costs one
 * more file creation and directory sync; every outbox query costs one listing of {@code pending/}, which is empty
 * unless an append is in progress or a process died; and recovery reads one case log per marker. Appends without
 * intents, the great majority, cost nothing more, and no start reads every log. The price of not scanning: intent
 * lines that reach a log without a marker (only by hand, or by a marker lost with the file system's metadata) are not
 * found by recovery; the runtime's own first pass ({@code Jdih.runDue}) still records the intents of cases found at
 * their upload activity without them.
 *
 * <h2>Compatibility</h2>
 * Case logs written before intent lines existed (jdih 0.1) hold only event lines and read exactly as before; a home
 * of jdih 0.1 with its logs in {@code cases/} opens as it is. A log with intent lines cannot be read by jdih 0.1.
 *
 * <p>Thread-safe. Any number of instances, in this JVM or in other processes, may open the same root; it should be
 * on a local file system. {@link #close} releases nothing (no file stays open between calls).
 */
public final class FileStorage implements Storage {

  private static final String PENDING_SUFFIX = ".pending";

  private final Path root;
  private final FileCaseStore cases;
  private final FileOutboxStore outbox;
  private final FileNotificationLedger notifications;
  private final Path pending;
  private final OutboxStore recoveringOutbox;
  /** Markers of this instance's appends in progress, which its queries leave to the append. */
  private final Set<String> ownMarkers = ConcurrentHashMap.newKeySet();

  private FileStorage(Path root, Duration lockTimeout) {
    checkNotNull(root, "root");
    checkArgument(!checkNotNull(lockTimeout, "lockTimeout").isNegative(), "lockTimeout must not be negative");
    try {
      Files.createDirectories(root);
      this.root = root.toRealPath();
      this.pending = Files.createDirectories(this.root.resolve("pending"));
    } catch (IOException e) {
      throw io("membuka direktori " + root, "opening the directory " + root, e);
    }
    this.cases = new FileCaseStore(this.root.resolve("cases"), lockTimeout);
    this.outbox = new FileOutboxStore(this.root.resolve("outbox"), lockTimeout);
    this.notifications = new FileNotificationLedger(this.root.resolve("notifications"), lockTimeout);
    this.recoveringOutbox = new RecoveringOutbox();
  }

  /**
   * Opens the storage in {@code root} (created if it does not exist), waiting at most
   * {@link FileCaseStore#DEFAULT_LOCK_TIMEOUT} for a lock, and materialises the intents a crashed append left.
   *
   * @param root the home directory
   * @return the storage
   * @throws FileStoreException if the directories cannot be created or the recovery fails
   */
  public static FileStorage open(Path root) {
    return open(root, FileCaseStore.DEFAULT_LOCK_TIMEOUT);
  }

  /**
   * Opens the storage in {@code root} (created if it does not exist), waiting at most {@code lockTimeout} for any
   * lock before it gives up with {@link FileStoreException.Kind#LOCKED}, and materialises the intents a crashed
   * append left.
   *
   * @param root the home directory
   * @param lockTimeout how long to wait for a lock, not negative
   * @return the storage
   * @throws FileStoreException if the directories cannot be created or the recovery fails
   */
  public static FileStorage open(Path root, Duration lockTimeout) {
    FileStorage s = new FileStorage(root, lockTimeout);
    s.recover();
    return s;
  }

  /**
   * The home directory.
   *
   * @return its real path
   */
  public Path root() {
    return root;
  }

  /** The case logs, in {@code cases/}; appending to them directly records no intents. */
  @Override
  public CaseStore cases() {
    return cases;
  }

  /**
   * The outbox, in {@code outbox/}: the {@link FileOutboxStore}, whose queries first materialise what a crashed
   * append of another process left.
   */
  @Override
  public OutboxStore outbox() {
    return recoveringOutbox;
  }

  /** The notification ledger, in {@code notifications/}. */
  @Override
  public NotificationLedger notifications() {
    return notifications;
  }

  @Override
  public void append(CaseId id, long expectedVersion, List<RecordedEvent> events, List<IntentState> newIntents) {
    checkNotNull(id, "id");
    checkNotNull(newIntents, "newIntents");
    for (IntentState s : newIntents) {
      checkArgument(s.version() == 1 && s.intent().caseId().equals(id), "not a new intent of case %s: %s", id,
          s.id());
    }
    if (newIntents.isEmpty()) {
      cases.append(id, expectedVersion, events);
      return;
    }
    String marker = cases.logFile(id).getFileName() + "." + UUID.randomUUID() + PENDING_SUFFIX;
    ownMarkers.add(marker);
    try {
      cases.append(id, expectedVersion, events, newIntents, () -> createMarker(marker));
      // The command is stored from here on: a failure to materialise must not report it as refused. The marker
      // then stays, and the next query of the outbox (or the next open) materialises the intents, or reports the
      // file system's failure itself. Outside the case's lock: the stores' locks are never held together.
      try {
        newIntents.forEach(outbox::add);
        deleteMarker(marker);
      } catch (FileStoreException e) {
        // left to recovery, as above
      }
    } finally {
      ownMarkers.remove(marker);
    }
  }

  /**
   * Materialises the intents of every case with a marker left by an append that did not finish (or that another
   * process is finishing; adding is idempotent) and deletes the markers.
   *
   * @return how many markers were cleared
   */
  int recover() {
    List<String> markers = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(pending, "*" + PENDING_SUFFIX)) {
      files.forEach(f -> markers.add(f.getFileName().toString()));
    } catch (IOException e) {
      throw io("membaca isi direktori " + pending, "listing the directory " + pending, e);
    }
    int cleared = 0;
    for (String marker : markers) {
      if (ownMarkers.contains(marker)) {
        continue; // this instance's append in progress materialises it
      }
      CaseId id = caseOf(marker);
      if (id != null) {
        // Under the case's lock: an append that created this marker has finished writing (or failed) by then.
        for (IntentState s : cases.intentsInLog(id)) {
          outbox.add(s);
        }
      }
      deleteMarker(marker);
      cleared++;
    }
    return cleared;
  }

  /** The case of a marker {@code case-<name>.jsonl.<random>.pending}; null if the name is not one. */
  private static CaseId caseOf(String marker) {
    int end = marker.length() - PENDING_SUFFIX.length();
    int dot = marker.lastIndexOf('.', end - 1);
    return dot <= 0 ? null : FileCaseStore.caseIdOf(marker.substring(0, dot));
  }

  private void createMarker(String marker) throws IOException {
    try (FileChannel channel = FileChannel.open(pending.resolve(marker), WRITE, CREATE_NEW)) {
      channel.force(true);
    }
    FileLocks.syncDirectory(pending); // the marker's name is durable before the log is written
  }

  private void deleteMarker(String marker) {
    try {
      Files.deleteIfExists(pending.resolve(marker));
      // No directory sync: a deletion lost in a power cut brings the marker back, and recovery is idempotent.
    } catch (NoSuchFileException ignored) {
      // cleared by another instance
    } catch (IOException e) {
      throw io("menghapus penanda " + marker, "deleting the marker " + marker, e);
    }
  }

  private static FileStoreException io(String id, String en, IOException e) {
    return new FileStoreException(FileStoreException.Kind.IO_FAILURE,
        Text.of("Gagal " + id + ": " + e, "Failed " + en + ": " + e), e);
  }

  /** The outbox store, recovering before each query. */
  private final class RecoveringOutbox implements OutboxStore {

    @Override
    public boolean add(IntentState state) {
      return outbox.add(state);
    }

    @Override
    public Optional<IntentState> find(IntentId id) {
      recover();
      return outbox.find(id);
    }

    @Override
    public ImmutableList<IntentState> forCase(CaseId caseId) {
      recover();
      return outbox.forCase(caseId);
    }

    @Override
    public ImmutableList<IntentState> due(Instant now, int limit) {
      recover();
      return outbox.due(now, limit);
    }

    @Override
    public Optional<Instant> nextDueAt() {
      recover();
      return outbox.nextDueAt();
    }

    @Override
    public boolean replace(IntentState expected, IntentState next) {
      return outbox.replace(expected, next);
    }
  }
}
