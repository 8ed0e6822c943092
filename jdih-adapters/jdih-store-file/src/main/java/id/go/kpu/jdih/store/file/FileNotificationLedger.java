package id.go.kpu.jdih.store.file;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.event.json.EventJsonException;
import id.go.kpu.jdih.event.json.NotificationJson;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.notify.CaseProgress;
import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.notify.DeliveryStatus;
import id.go.kpu.jdih.notify.NotificationLedger;
import id.go.kpu.jdih.workflow.CaseId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link NotificationLedger} in a directory: one append-only, fsynced journal, safe for several processes (two
 * command-line runs sending reminders at the same time on one home folder) and for a crash at any point.
 *
 * <h2>Why a journal</h2>
 * Every change is a record appended to {@code notifications.jsonl}, the journal, under one lock:
 * {@code notifications.lock}, taken through {@link FileLocks} (an in-JVM lock, then a
 * {@link java.nio.channels.FileLock}, so other threads and other processes are kept out). Before it acts, the holder
 * reads what other instances appended since it last looked (only those bytes), so it decides on the current
 * ledger; what it writes is synced before the lock is released. That gives the contract's guarantees directly:
 * {@link #record} adds a key once, {@link #claimDue} hands a due delivery to one caller (whoever holds the lock sees
 * every earlier claim), and a claim of several deliveries is one write. The recording order is the journal's order.
 * One file per delivery was the other candidate: it would need a persistent counter for the recording order, a
 * compare-and-set per delivery for a claim, and a listing of every delivery (sent ones too) for every claim; the
 * journal needs one {@code fsync} per change and reads only what is new. Its cost is growth (about three records of
 * some hundred bytes per delivery: recorded, claimed, sent), handled by compaction, and the memory of one
 * {@link Delivery} per recorded key in each open instance (some hundred bytes each; an office records a few
 * thousand a year).
 *
 * <h2>Format</h2>
 * The first line is the header {@code {"journal":"jdih-notifications","v":1,"generation":"<uuid>"}}. Every other
 * line is a record: {@code {"delivery":<delivery>}}, the whole delivery after a change, in the form of
 * {@link NotificationJson#write(Delivery)} (the last record of a key is its state); or
 * {@code {"case":"<case id>","progress":<progress>}}, with {@link NotificationJson#write(CaseProgress)}. A change of
 * {@code n >= 2} records (a claim) is written as the marker line {@code {"batch":n}} and the {@code n} lines, as in
 * the case logs ({@link LogScan}), so that a claim cut short by a crash is dropped whole.
 *
 * <h2>Crashes</h2>
 * Each change is one write at the end of the committed records followed by {@link FileChannel#force force(true)}
 * ("all changes made to the file since this channel was created [...] will have been written to that device"),
 * before the lock is released and the call returns: an acknowledged change survives a crash of the process or the
 * machine. A write cut short leaves a torn tail (an unfinished line, or part of a batch): it is ignored when
 * reading and truncated away, under the lock, by the next change. Damage that one interrupted write cannot
 * explain (an invalid record followed by further lines) is reported as {@link FileStoreException.Kind#CORRUPT_LOG}
 * and nothing is changed.
 *
 * <h2>Compaction</h2>
 * When the journal holds more than {@value #COMPACT_MIN_RECORDS} records and more than twice as many as there are
 * deliveries and cases, the change that noticed it rewrites the journal (under the lock): a new header with a new
 * generation, then every delivery's current state in recording order and every case's progress, into
 * {@code notifications.jsonl.tmp}, synced, renamed over the journal with {@link StandardCopyOption#ATOMIC_MOVE} (a
 * reader sees the old journal or the new one) and the directory synced. Nothing recorded is dropped, only the
 * superseded states; sent deliveries stay, so that their keys stay known. Other instances notice the new generation
 * in the header and read the new journal whole. A crash during compaction leaves the old journal, or the new one,
 * complete.
 *
 * <p>Thread-safe: every method takes the journal's lock (reads too, so that they never see a torn tail being
 * replaced). Several instances, in this JVM or in other processes, may share the directory; it should be on a local
 * file system, where file locks, {@code force} and atomic renames keep their promises.
 */
public final class FileNotificationLedger implements NotificationLedger {

  /** The fewest records in the journal before it is compacted. */
  static final int COMPACT_MIN_RECORDS = 1_000;

  static final String JOURNAL = "notifications.jsonl";
  private static final String LOCK = "notifications.lock";
  private static final String TEMP = JOURNAL + ".tmp";
  private static final String HEADER_START = "{\"journal\":\"jdih-notifications\",\"v\":1,\"generation\":\"";
  private static final byte[] DELIVERY_PREFIX = "{\"delivery\":".getBytes(US_ASCII);
  private static final Pattern PROGRESS = Pattern.compile("\\{\"case\":\"([A-Za-z0-9_-]{1,64})\",\"progress\":(.*)}");
  private static final Pattern HEADER = Pattern.compile(Pattern.quote(HEADER_START) + "([0-9a-f-]{36})\"}");
  private static final int HEADER_BYTES = HEADER_START.length() + 64; // more than the uuid, quote, brace and break
  private static final int MAX_READ = Integer.MAX_VALUE - 16;

  private final Path root;
  private final Path journal;
  private final Path lockFile;
  private final Duration lockTimeout;
  private final int compactMinRecords;
  private final NotificationJson json = new NotificationJson();

  // What this instance read of the journal; guarded by the journal's lock.
  private String generation;
  private long committed;
  private long records;
  private final LinkedHashMap<String, Delivery> deliveries = new LinkedHashMap<>();
  private final Map<CaseId, CaseProgress> progress = new HashMap<>();

  /**
   * A ledger in {@code root}, which is created if it does not exist, waiting at most
   * {@link FileCaseStore#DEFAULT_LOCK_TIMEOUT} for the journal's lock.
   *
   * @param root the directory
   * @throws FileStoreException if the directory cannot be created or resolved
   */
  public FileNotificationLedger(Path root) {
    this(root, FileCaseStore.DEFAULT_LOCK_TIMEOUT);
  }

  /**
   * A ledger in {@code root} that waits at most {@code lockTimeout} for the journal's lock before it gives up with
   * {@link FileStoreException.Kind#LOCKED}.
   *
   * @param root the directory, created if it does not exist
   * @param lockTimeout how long to wait for the lock, not negative
   * @throws FileStoreException if the directory cannot be created or resolved
   */
  public FileNotificationLedger(Path root, Duration lockTimeout) {
    this(root, lockTimeout, COMPACT_MIN_RECORDS);
  }

  /** With another compaction threshold, for tests. */
  FileNotificationLedger(Path root, Duration lockTimeout, int compactMinRecords) {
    checkNotNull(root, "root");
    checkArgument(!checkNotNull(lockTimeout, "lockTimeout").isNegative(), "lockTimeout must not be negative");
    this.lockTimeout = lockTimeout;
    this.compactMinRecords = compactMinRecords;
    try {
      Files.createDirectories(root);
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw io("membuka direktori " + root, "opening the directory " + root, e);
    }
    this.journal = this.root.resolve(JOURNAL);
    this.lockFile = this.root.resolve(LOCK);
  }

  /**
   * The directory the journal is in.
   *
   * @return its real path
   */
  public Path root() {
    return root;
  }

  @Override
  public boolean record(Delivery delivery) {
    checkNotNull(delivery, "delivery");
    checkArgument(delivery.status() == DeliveryStatus.PENDING, "a new delivery is pending, not %s",
        delivery.status());
    return locked(() -> {
      if (deliveries.containsKey(delivery.key())) {
        return false;
      }
      write(List.of(delivery), List.of());
      return true;
    });
  }

  @Override
  public ImmutableList<Delivery> claimDue(Instant now, int max, Duration lease) {
    checkNotNull(now, "now");
    checkArgument(max > 0, "max must be > 0");
    checkArgument(!checkNotNull(lease, "lease").isNegative() && !lease.isZero(), "lease must be positive");
    return locked(() -> {
      // Every delivery is considered: a few thousand comparisons, under a lock held for one fsync anyway.
      List<Due> due = new ArrayList<>();
      int order = 0;
      for (Delivery d : deliveries.values()) { // in recording order
        if (d.status().open() && !d.nextAttemptAt().isAfter(now)) {
          due.add(new Due(d, order));
        }
        order++;
      }
      due.sort(Comparator.comparing((Due d) -> d.delivery().nextAttemptAt()).thenComparingInt(Due::order));
      List<Delivery> claimed = new ArrayList<>();
      for (Due x : due.subList(0, Math.min(max, due.size()))) {
        Delivery d = x.delivery();
        claimed.add(d.with(DeliveryStatus.SENDING, d.attempts() + 1, now.plus(lease), d.sentAt(), d.lastError()));
      }
      if (!claimed.isEmpty()) {
        write(claimed, List.of());
      }
      return ImmutableList.copyOf(claimed);
    });
  }

  @Override
  public void markSent(String key, Instant at) {
    checkNotNull(at, "at");
    locked(() -> {
      Delivery before = known(key);
      write(List.of(before.with(DeliveryStatus.SENT, before.attempts(), at, Optional.of(at), before.lastError())),
          List.of());
      return null;
    });
  }

  @Override
  public void release(String key, Instant until) {
    checkNotNull(until, "until");
    locked(() -> {
      Delivery before = known(key);
      write(List.of(before.with(DeliveryStatus.PENDING, Math.max(0, before.attempts() - 1), until, Optional.empty(),
          before.lastError())), List.of());
      return null;
    });
  }

  @Override
  public void markFailed(String key, Instant at, String error, Optional<Instant> retryAt) {
    checkNotNull(at, "at");
    checkNotNull(error, "error");
    checkNotNull(retryAt, "retryAt");
    locked(() -> {
      Delivery before = known(key);
      Delivery after = retryAt.isPresent()
          ? before.with(DeliveryStatus.PENDING, before.attempts(), retryAt.get(), Optional.empty(),
              Optional.of(error))
          : before.with(DeliveryStatus.FAILED, before.attempts(), at, Optional.empty(), Optional.of(error));
      write(List.of(after), List.of());
      return null;
    });
  }

  @Override
  public Optional<Delivery> find(String key) {
    checkNotNull(key, "key");
    return locked(() -> Optional.ofNullable(deliveries.get(key)));
  }

  @Override
  public ImmutableList<Delivery> deliveries() {
    return locked(() -> ImmutableList.copyOf(deliveries.values()));
  }

  @Override
  public Optional<CaseProgress> progress(CaseId caseId) {
    checkNotNull(caseId, "caseId");
    return locked(() -> Optional.ofNullable(progress.get(caseId)));
  }

  @Override
  public void saveProgress(CaseId caseId, CaseProgress p) {
    checkNotNull(caseId, "caseId");
    checkNotNull(p, "progress");
    locked(() -> {
      write(List.of(), List.of(new Saved(caseId, p)));
      return null;
    });
  }

  private Delivery known(String key) {
    Delivery d = deliveries.get(checkNotNull(key, "key"));
    checkArgument(d != null, "unknown delivery %s", key);
    return d;
  }

  /** Runs {@code body} under the journal's lock, after reading what other instances appended. */
  private <T> T locked(FileLocks.IoBody<T> body) {
    try {
      return FileLocks.locked(lockFile, lockTimeout, this::lockedOut, () -> {
        catchUp();
        return body.run();
      });
    } catch (IOException e) {
      throw io("membaca atau menulis jurnal pemberitahuan " + journal,
          "reading or writing the notification journal " + journal, e);
    }
  }

  /** Brings this instance up to the journal's committed end; under the lock. */
  private void catchUp() throws IOException {
    if (Files.notExists(journal)) {
      create();
    }
    try (FileChannel channel = FileChannel.open(journal, READ)) {
      long size = channel.size();
      Header header = header(channel);
      if (!header.generation().equals(generation) || size < committed) {
        // New to this instance, or compacted by another one: read it whole.
        generation = header.generation();
        deliveries.clear();
        progress.clear();
        records = 0;
        committed = header.end();
      }
      if (size <= committed) {
        return;
      }
      if (size - committed > MAX_READ) {
        throw new IOException("journal too large to read: " + journal);
      }
      byte[] buf = new byte[(int) (size - committed)];
      int got = readFully(channel, buf, committed);
      committed += scan(buf, got);
    }
  }

  /** The journal's header: its generation and where the records start. */
  private Header header(FileChannel channel) throws IOException {
    byte[] buf = new byte[HEADER_BYTES];
    int got = readFully(channel, buf, 0);
    int end = LogScan.indexOf(buf, 0, got);
    Matcher m = end < 0 ? null : HEADER.matcher(new String(buf, 0, end, US_ASCII));
    if (m == null || !m.matches()) {
      throw new FileStoreException(FileStoreException.Kind.CORRUPT_LOG, Text.of(
          "Jurnal pemberitahuan " + journal + " tidak diawali kepala jurnal; tidak ada yang diubah.",
          "The notification journal " + journal + " does not start with its header; nothing was changed."), null);
    }
    return new Header(m.group(1), end + 1);
  }

  /** Applies the committed writes in {@code buf}; returns how many bytes they take. */
  private int scan(byte[] buf, int length) {
    int pos = 0;
    while (true) {
      int end = LogScan.indexOf(buf, pos, length);
      if (end < 0) {
        break; // nothing more, or an unfinished line: a torn tail
      }
      int batch = LogScan.batchSize(buf, pos, end);
      int lines = batch == 0 ? 1 : batch;
      int p = batch == 0 ? pos : end + 1;
      List<Object> write = new ArrayList<>(lines);
      for (int i = 0; i < lines; i++) {
        int e = LogScan.indexOf(buf, p, length);
        if (e < 0) {
          break;
        }
        Object r = parse(buf, p, e);
        if (r == null) {
          break;
        }
        write.add(r);
        p = e + 1;
      }
      if (write.size() < lines) {
        if (LogScan.classify(buf, pos, length) == LogScan.Tail.CORRUPT) {
          throw new FileStoreException(FileStoreException.Kind.CORRUPT_LOG, Text.of(
              "Jurnal pemberitahuan " + journal + " rusak pada bita ke-" + (committed + pos)
                  + " (bukan penulisan terakhir yang terputus); tidak ada yang dipotong.",
              "The notification journal " + journal + " is damaged at byte " + (committed + pos)
                  + " (not an interrupted last write); nothing was truncated."), null);
        }
        break; // a torn tail: the next change truncates it
      }
      write.forEach(this::apply);
      pos = p;
    }
    return pos;
  }

  /** A record line: a {@link Delivery} or a {@link Saved}; null if it is not a valid one. */
  private Object parse(byte[] buf, int from, int end) {
    try {
      if (end - from > DELIVERY_PREFIX.length + 1 && buf[end - 1] == '}' && startsWith(buf, from, DELIVERY_PREFIX)) {
        return json.readDelivery(new String(buf, from + DELIVERY_PREFIX.length,
            end - 1 - from - DELIVERY_PREFIX.length, UTF_8));
      }
      Matcher m = PROGRESS.matcher(new String(buf, from, end - from, UTF_8));
      if (m.matches()) {
        return new Saved(CaseId.of(m.group(1)), json.readProgress(m.group(2)));
      }
    } catch (EventJsonException | IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  private void apply(Object record) {
    records++;
    if (record instanceof Delivery d) {
      deliveries.put(d.key(), d); // an existing key keeps its place: the recording order
    } else if (record instanceof Saved e) {
      progress.put(e.caseId(), e.progress());
    }
  }

  /** Appends {@code changed} and {@code saved} as one write, synced; then applies them. Under the lock. */
  private void write(List<Delivery> changed, List<Saved> saved) throws IOException {
    List<byte[]> lines = new ArrayList<>();
    for (Delivery d : changed) {
      lines.add(deliveryLine(d));
    }
    for (Saved e : saved) {
      lines.add(progressLine(e.caseId(), e.progress()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 * lines.size());
    if (lines.size() > 1) {
      out.writeBytes(LogScan.batchMarker(lines.size()));
    }
    lines.forEach(out::writeBytes);
    byte[] bytes = out.toByteArray();
    try (FileChannel channel = FileChannel.open(journal, READ, WRITE)) {
      try {
        if (channel.size() > committed) {
          channel.truncate(committed); // a torn tail: the leftovers of an unacknowledged write
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        long at = committed;
        while (buf.hasRemaining()) {
          at += channel.write(buf, at);
        }
        // FileChannel.force(true): the content and the new length are on the device when it returns.
        channel.force(true);
      } catch (IOException | RuntimeException e) {
        undo(channel, committed);
        throw e;
      }
    }
    committed += bytes.length;
    changed.forEach(this::apply);
    saved.forEach(this::apply);
    if (records > compactMinRecords && records > 2L * (deliveries.size() + progress.size())) {
      compact();
    }
  }

  /** Rewrites the journal with the current states only. Under the lock; a failure leaves the old journal. */
  private void compact() {
    String next = UUID.randomUUID().toString();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(headerLine(next));
    deliveries.values().forEach(d -> out.writeBytes(deliveryLine(d)));
    progress.forEach((c, p) -> out.writeBytes(progressLine(c, p)));
    byte[] bytes = out.toByteArray();
    try {
      replaceJournal(bytes);
    } catch (IOException e) {
      // The old journal is intact (ATOMIC_MOVE either happened or not): the change is recorded; compaction is
      // tried again by a later change. Reading the journal anew at the next call keeps this instance exact.
      generation = null;
      return;
    }
    generation = next;
    committed = bytes.length;
    records = (long) deliveries.size() + progress.size();
  }

  /** Creates the journal with its header, atomically; under the lock. */
  private void create() throws IOException {
    replaceJournal(headerLine(UUID.randomUUID().toString()));
  }

  private void replaceJournal(byte[] bytes) throws IOException {
    Path temp = root.resolve(TEMP);
    try (FileChannel channel = FileChannel.open(temp, WRITE, CREATE, TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(true); // the content is on the device before the name points to it
    }
    // Files.move with ATOMIC_MOVE: "performed as an atomic file system operation"; on POSIX systems rename(2),
    // which replaces an existing target atomically.
    Files.move(temp, journal, StandardCopyOption.ATOMIC_MOVE);
    FileLocks.syncDirectory(root);
  }

  private static byte[] headerLine(String generation) {
    return (HEADER_START + generation + "\"}\n").getBytes(US_ASCII);
  }

  private byte[] deliveryLine(Delivery d) {
    return ("{\"delivery\":" + json.write(d) + "}\n").getBytes(UTF_8);
  }

  private byte[] progressLine(CaseId caseId, CaseProgress p) {
    return ("{\"case\":\"" + caseId.value() + "\",\"progress\":" + json.write(p) + "}\n").getBytes(UTF_8);
  }

  private static boolean startsWith(byte[] buf, int from, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (buf[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int readFully(FileChannel channel, byte[] buf, long position) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(buf);
    while (b.hasRemaining()) {
      int n = channel.read(b, position + b.position());
      if (n < 0) {
        break;
      }
    }
    return b.position();
  }

  /** Best effort after a failed write: cut the unacknowledged bytes off again. */
  private static void undo(FileChannel channel, long committed) {
    try {
      if (channel.isOpen() && channel.size() > committed) {
        channel.truncate(committed);
        channel.force(true);
      }
    } catch (IOException | RuntimeException ignored) {
      // Left as a torn tail; the next change truncates it.
    }
  }

  /** A due delivery and its place in the recording order. */
  private record Due(Delivery delivery, int order) {}

  /** A case's progress, as saved. */
  private record Saved(CaseId caseId, CaseProgress progress) {}

  /** A journal's generation, and the offset after its header line. */
  private record Header(String generation, long end) {}

  private FileStoreException lockedOut() {
    return new FileStoreException(FileStoreException.Kind.LOCKED, Text.of(
        "Jurnal pemberitahuan " + journal + " sedang dikunci proses lain lebih dari " + lockTimeout.toSeconds()
            + " detik; tidak ada yang ditulis. Coba lagi setelah proses itu selesai.",
        "The notification journal " + journal + " has been locked by another process for more than "
            + lockTimeout.toSeconds() + " seconds; nothing was written. Try again when that process is done."), null);
  }

  private static FileStoreException io(String id, String en, IOException e) {
    return new FileStoreException(FileStoreException.Kind.IO_FAILURE,
        Text.of("Gagal " + id + ": " + e, "Failed " + en + ": " + e), e);
  }
}
