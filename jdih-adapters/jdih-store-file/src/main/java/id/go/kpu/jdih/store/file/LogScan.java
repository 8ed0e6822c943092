package id.go.kpu.jdih.store.file;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.event.json.EventJson;
import id.go.kpu.jdih.event.json.EventJsonException;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a case log's bytes into its committed events and what follows them.
 *
 * <p>A log is a sequence of writes, one per append. An append of one event writes its line; an append of
 * {@code n >= 2} events writes the marker line {@code {"batch":n}} and then the {@code n} lines, so that a batch cut
 * short by a crash is recognised and dropped whole (the store's appends are all or nothing). A line ends with
 * {@code \n}. An event line is valid if it decodes and has the case's id and the next sequence number.
 *
 * <p>The committed prefix is every complete write from the start whose lines are all valid. What follows is the
 * <em>tail</em>, classified:
 * <ul>
 *   <li>{@link Tail#CLEAN}: nothing;
 *   <li>{@link Tail#TORN}: what one interrupted write can leave: an unfinished last line, or the lines of one write
 *       of which one is invalid (a single line; or a batch marker and at most its {@code n} lines). It is ignored
 *       and truncated before the next append;
 *   <li>{@link Tail#CORRUPT}: more than that, e.g. an invalid line followed by further events. That is not a crash
 *       mid-write; the store reports it and changes nothing.
 * </ul>
 */
final class LogScan {

  private static final byte NEWLINE = '\n';
  private static final byte[] BATCH_PREFIX = "{\"batch\":".getBytes(US_ASCII);

  /** What follows the committed events. */
  enum Tail {
    /** Nothing. */
    CLEAN,
    /** The leftovers of one interrupted write. */
    TORN,
    /** Damage that one interrupted write cannot explain. */
    CORRUPT
  }

  /**
   * The result of a scan.
   *
   * @param events the committed events found, in order
   * @param committedBytes how many bytes of the scanned range they take
   * @param tail what follows them
   * @param problem why the first line of the tail was not accepted; empty for a clean tail
   * @param tailLine the 1-based line number, within the scanned range, where the tail starts
   * @param hashMismatch whether the scan stopped at a line that decodes but whose hash or link is wrong (only when
   *     hashes are checked)
   */
  record Result(ImmutableList<RecordedEvent> events, int committedBytes, Tail tail, String problem, int tailLine,
      boolean hashMismatch) {}

  private LogScan() {}

  /** The marker line that precedes a batch of {@code n >= 2} events, with its line break. */
  static byte[] batchMarker(int n) {
    return ("{\"batch\":" + n + "}\n").getBytes(US_ASCII);
  }

  /**
   * Scans {@code length} bytes of {@code buf}: the log of {@code id} after its first {@code version} events, the
   * last of which has the hash {@code head}. With {@code checkHashes}, an event is only accepted if its hash matches
   * its content and links to its predecessor's.
   */
  static Result scan(EventJson json, CaseId id, long version, String head, boolean checkHashes, byte[] buf,
      int length) {
    List<RecordedEvent> events = new ArrayList<>();
    int pos = 0;
    int line = 1;
    String problem = "";
    boolean hashMismatch = false;
    String previous = head;
    while (true) {
      int end = indexOf(buf, pos, length);
      if (end < 0) {
        if (pos < length) {
          problem = "baris terakhir tidak lengkap / the last line is incomplete";
        }
        break;
      }
      int batch = batchSize(buf, pos, end);
      int lines = batch == 0 ? 1 : batch;
      int start = batch == 0 ? pos : end + 1;
      List<RecordedEvent> write = new ArrayList<>(lines);
      int p = start;
      for (int i = 0; i < lines && problem.isEmpty(); i++) {
        int e = indexOf(buf, p, length);
        if (e < 0) {
          problem = "penulisan terakhir tidak lengkap / the last write is incomplete";
          break;
        }
        long expected = version + events.size() + i + 1;
        try {
          RecordedEvent event = json.read(buf, p, e - p);
          if (!event.caseId().equals(id)) {
            problem = "peristiwa milik kasus " + event.caseId() + " / an event of case " + event.caseId();
          } else if (event.sequence() != expected) {
            problem = "nomor urut " + event.sequence() + ", seharusnya " + expected + " / sequence "
                + event.sequence() + ", expected " + expected;
          } else if (checkHashes && (!event.previousHash().equals(previous)
              || !event.expectedHash().equals(event.hash()))) {
            problem = "hash peristiwa " + expected + " tidak cocok / the hash of event " + expected + " does not match";
            hashMismatch = true;
          } else {
            write.add(event);
            previous = event.hash();
          }
        } catch (EventJsonException x) {
          problem = x.getMessage();
        }
        p = e + 1;
      }
      if (!problem.isEmpty()) {
        break;
      }
      events.addAll(write);
      line += batch == 0 ? 1 : batch + 1;
      pos = p;
    }
    Tail tail = classify(buf, pos, length);
    return new Result(ImmutableList.copyOf(events), pos, tail, problem, line, hashMismatch);
  }

  /** Whether the bytes from {@code pos} can be the leftovers of one interrupted write. */
  private static Tail classify(byte[] buf, int pos, int length) {
    if (pos == length) {
      return Tail.CLEAN;
    }
    int newlines = 0;
    for (int i = pos; i < length; i++) {
      if (buf[i] == NEWLINE) {
        newlines++;
      }
    }
    int first = indexOf(buf, pos, length);
    int batch = first < 0 ? 0 : batchSize(buf, pos, first);
    int allowed = batch == 0 ? 1 : batch + 1;
    return newlines <= allowed ? Tail.TORN : Tail.CORRUPT;
  }

  /** The {@code n} of a batch marker line {@code {"batch":n}} with {@code n >= 2}; 0 if the line is not one. */
  private static int batchSize(byte[] buf, int from, int end) {
    int digits = from + BATCH_PREFIX.length;
    if (end - from < BATCH_PREFIX.length + 2 || buf[end - 1] != '}') {
      return 0;
    }
    for (int i = 0; i < BATCH_PREFIX.length; i++) {
      if (buf[from + i] != BATCH_PREFIX[i]) {
        return 0;
      }
    }
    if (end - 1 - digits > 9 || buf[digits] == '0') {
      return 0;
    }
    int n = 0;
    for (int i = digits; i < end - 1; i++) {
      if (buf[i] < '0' || buf[i] > '9') {
        return 0;
      }
      n = n * 10 + (buf[i] - '0');
    }
    return n >= 2 ? n : 0;
  }

  private static int indexOf(byte[] buf, int from, int length) {
    for (int i = from; i < length; i++) {
      if (buf[i] == NEWLINE) {
        return i;
      }
    }
    return -1;
  }
}
