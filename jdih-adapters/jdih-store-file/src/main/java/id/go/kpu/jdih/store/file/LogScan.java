package id.go.kpu.jdih.store.file;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.event.json.EventJson;
import id.go.kpu.jdih.event.json.EventJsonException;
import id.go.kpu.jdih.event.json.OutboxJson;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a case log's bytes into its committed events and what follows them.
 *
 * <p>A log is a sequence of writes, one per append. An append of one event writes its line; an append of
 * {@code n >= 2} lines writes the marker line {@code {"batch":n}} and then the {@code n} lines, so that a batch cut
 * short by a crash is recognised and dropped whole (the store's appends are all or nothing). A line ends with
 * {@code \n}. An event line is valid if it decodes and has the case's id and the next sequence number.
 *
 * <p>A batch may also carry publication intents ({@code FileStorage}): after its event lines (at least one), one
 * line {@code {"outbox":<intent>}} per intent, {@code <intent>} being the {@link OutboxJson} form of a first state
 * (version 1) of an intent of the case. The batch marker counts every line, events and intents. Intent lines are
 * not events: they change neither the events found nor their sequence numbers; a valid one is reported in
 * {@link Result#intents()}. An intent line outside a batch, before the batch's events, or one that does not decode
 * is invalid like a bad event line. Logs written before intent lines existed hold none, and scan as before.
 *
 * <p>The committed prefix is every complete write from the start whose lines are all valid. What follows is the
 * <em>tail</em>, classified:
 * <ul>
 *   <li>{@link Tail#CLEAN}: nothing;
 *   <li>{@link Tail#TORN}: what one interrupted, hence unacknowledged, append can leave, and nothing after it: an
 *       unfinished last line (no line break), a batch marker followed by fewer complete lines than it counts, or a
 *       last write holding a NUL byte (a block the system never wrote before a power cut; no line this store
 *       writes holds one). It is ignored and truncated before the next append;
 *   <li>{@link Tail#CORRUPT}: anything else: a complete write (every line ended by its line break) with an invalid
 *       line, even as the log's last write, or an invalid line followed by further writes. An append returns only
 *       after its whole write, line breaks included, is on the disk, so a complete write is an acknowledged one:
 *       its damage is reported, and the store changes nothing.
 * </ul>
 */
final class LogScan {

  private static final byte NEWLINE = '\n';

  /** No problem: the scan's {@link Result#problem()} for a clean tail. */
  static final Text NONE = Text.of("", "");
  private static final byte[] BATCH_PREFIX = "{\"batch\":".getBytes(US_ASCII);
  private static final byte[] OUTBOX_PREFIX = "{\"outbox\":".getBytes(US_ASCII);

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
   * @param intents the publication intents of the committed writes, in order
   * @param committedBytes how many bytes of the scanned range they take
   * @param tail what follows them
   * @param problem why the first line of the tail was not accepted, in both languages; {@link #NONE} for a clean
   *     tail
   * @param tailLine the 1-based line number, within the scanned range, where the tail starts
   * @param hashMismatch whether the scan stopped at a line that decodes but whose hash or link is wrong (only when
   *     hashes are checked)
   */
  record Result(ImmutableList<RecordedEvent> events, ImmutableList<IntentState> intents, int committedBytes, Tail tail, Text problem, int tailLine,
      boolean hashMismatch) {}

  private LogScan() {}

  /** The marker line that precedes a batch of {@code n >= 2} events, with its line break. */
  static byte[] batchMarker(int n) {
    return ("{\"batch\":" + n + "}\n").getBytes(US_ASCII);
  }

  /** The line of a publication intent in a batch, with its line break. */
  static byte[] intentLine(OutboxJson outbox, IntentState state) {
    byte[] json = outbox.write(state).getBytes(UTF_8);
    byte[] line = new byte[OUTBOX_PREFIX.length + json.length + 2];
    System.arraycopy(OUTBOX_PREFIX, 0, line, 0, OUTBOX_PREFIX.length);
    System.arraycopy(json, 0, line, OUTBOX_PREFIX.length, json.length);
    line[line.length - 2] = '}';
    line[line.length - 1] = NEWLINE;
    return line;
  }

  /**
   * Scans {@code length} bytes of {@code buf}: the log of {@code id} after its first {@code version} events, the
   * last of which has the hash {@code head}. With {@code checkHashes}, an event is only accepted if its hash matches
   * its content and links to its predecessor's.
   */
  static Result scan(EventJson json, OutboxJson outbox, CaseId id, long version, String head, boolean checkHashes,
      byte[] buf, int length) {
    List<RecordedEvent> events = new ArrayList<>();
    List<IntentState> intents = new ArrayList<>();
    int pos = 0;
    int line = 1;
    Text problem = NONE;
    boolean hashMismatch = false;
    String previous = head;
    while (true) {
      int end = indexOf(buf, pos, length);
      if (end < 0) {
        if (pos < length) {
          problem = Text.of("baris terakhir tidak lengkap", "the last line is incomplete");
        }
        break;
      }
      int batch = batchSize(buf, pos, end);
      int lines = batch == 0 ? 1 : batch;
      int start = batch == 0 ? pos : end + 1;
      List<RecordedEvent> write = new ArrayList<>(lines);
      List<IntentState> written = new ArrayList<>();
      int p = start;
      for (int i = 0; i < lines && problem.equals(NONE); i++) {
        int e = indexOf(buf, p, length);
        if (e < 0) {
          problem = Text.of("penulisan terakhir tidak lengkap", "the last write is incomplete");
          break;
        }
        long expected = version + events.size() + write.size() + 1;
        try {
          if (startsWith(buf, p, e, OUTBOX_PREFIX)) {
            problem = intent(outbox, id, batch, write.size(), buf, p, e, written);
          } else if (!written.isEmpty()) {
            problem = Text.of("peristiwa setelah niat terbit", "an event after the publication intents");
          } else {
            RecordedEvent event = json.read(buf, p, e - p);
            if (!event.caseId().equals(id)) {
              problem = Text.of("peristiwa milik kasus " + event.caseId(), "an event of case " + event.caseId());
            } else if (event.sequence() != expected) {
              problem = Text.of("nomor urut " + event.sequence() + ", seharusnya " + expected, "sequence "
                  + event.sequence() + ", expected " + expected);
            } else if (checkHashes && (!event.previousHash().equals(previous)
                || !event.expectedHash().equals(event.hash()))) {
              problem = Text.of("hash peristiwa " + expected + " tidak cocok", "the hash of event " + expected
                  + " does not match");
              hashMismatch = true;
            } else {
              write.add(event);
              previous = event.hash();
            }
          }
        } catch (EventJsonException x) {
          problem = Text.of(x.code() + ": " + x.message(Language.ID), x.code() + ": " + x.message(Language.EN));
        }
        p = e + 1;
      }
      if (!problem.equals(NONE)) {
        break;
      }
      events.addAll(write);
      intents.addAll(written);
      line += batch == 0 ? 1 : batch + 1;
      pos = p;
    }
    Tail tail = classifyCaseLog(buf, pos, length);
    return new Result(ImmutableList.copyOf(events), ImmutableList.copyOf(intents), pos, tail, problem, line,
        hashMismatch);
  }

  /**
   * Reads the intent line {@code buf[from, end)} of a write that is a batch of {@code batch} lines (0: not a batch)
   * and has {@code eventsBefore} event lines before it; adds the intent to {@code out} and returns {@link #NONE}, or
   * returns why the line is invalid.
   */
  private static Text intent(OutboxJson outbox, CaseId id, int batch, int eventsBefore, byte[] buf, int from,
      int end, List<IntentState> out) {
    if (batch == 0) {
      return Text.of("niat terbit di luar batch", "a publication intent outside a batch");
    }
    if (eventsBefore == 0) {
      return Text.of("niat terbit sebelum peristiwa batch", "a publication intent before the batch's events");
    }
    if (buf[end - 1] != '}') {
      return Text.of("baris niat terbit tidak utuh", "an incomplete publication intent line");
    }
    IntentState state = outbox.read(new String(buf, from + OUTBOX_PREFIX.length,
        end - 1 - from - OUTBOX_PREFIX.length, UTF_8));
    if (!state.intent().caseId().equals(id)) {
      return Text.of("niat terbit milik kasus " + state.intent().caseId(), "a publication intent of case "
          + state.intent().caseId());
    }
    if (state.version() != 1) {
      return Text.of("niat terbit versi " + state.version() + ", seharusnya 1", "a publication intent of version "
          + state.version() + ", expected 1");
    }
    out.add(state);
    return NONE;
  }

  private static boolean startsWith(byte[] buf, int from, int end, byte[] prefix) {
    if (end - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buf[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the bytes from {@code pos} of a case log, which start with an invalid or incomplete write, can be the
   * leftovers of one interrupted append (see the class description): only an incomplete last write, or a last write
   * holding a NUL byte, is {@link Tail#TORN}; a complete write that does not read is damage to an acknowledged one.
   */
  static Tail classifyCaseLog(byte[] buf, int pos, int length) {
    if (pos == length) {
      return Tail.CLEAN;
    }
    int first = indexOf(buf, pos, length);
    if (first < 0) {
      return Tail.TORN; // an unfinished line, and nothing after it
    }
    int batch = batchSize(buf, pos, first);
    int lines = batch == 0 ? 1 : batch + 1;
    int p = pos;
    for (int i = 0; i < lines; i++) {
      int e = indexOf(buf, p, length);
      if (e < 0) {
        return Tail.TORN; // the write is incomplete, and nothing follows it
      }
      p = e + 1;
    }
    if (p < length) {
      return Tail.CORRUPT; // an invalid write followed by more
    }
    for (int i = pos; i < length; i++) {
      if (buf[i] == 0) {
        return Tail.TORN; // a block never written: the write did not reach the disk whole, so was not acknowledged
      }
    }
    return Tail.CORRUPT; // a complete write that does not read: an acknowledged event damaged
  }

  /**
   * Whether the bytes from {@code pos} can be the leftovers of one interrupted write: at most the lines of one write
   * (the notification journal's rule; a case log uses {@link #classifyCaseLog}).
   */
  static Tail classify(byte[] buf, int pos, int length) {
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
  static int batchSize(byte[] buf, int from, int end) {
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

  static int indexOf(byte[] buf, int from, int length) {
    for (int i = from; i < length; i++) {
      if (buf[i] == NEWLINE) {
        return i;
      }
    }
    return -1;
  }
}
