package id.go.kpu.jdih.store.file;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * What the storage and ledger process tests fork: {@code java -cp <test class path>
 * id.go.kpu.jdih.store.file.StorageChild <mode> <dir> [...]}.
 *
 * <ul>
 *   <li>{@code append <root>}: appends events with their publication intents through {@link FileStorage}, case
 *       after case ({@link #caseId}), and prints the case's number on its own line after each such append returned,
 *       until killed (or after a minute, so that an orphan stops by itself). Even cases get two events and two
 *       intents in one append; odd cases first get one event without intents, then one event and two intents;
 *   <li>{@code claim <ledger dir> <max> <sent file> <the other's sent file>}: prints {@code ready}, waits for a
 *       line on its input, then claims due deliveries ({@code max} at a time, at {@link #NOW}, leased for an hour),
 *       "sends" each (appends its key to {@code <sent file>} and syncs it, like a dry-run notifier writing to a
 *       folder: work done outside the ledger's lock, as real sending is) and marks it sent, printing each claimed key
 *       on its own line, until nothing is due; then prints {@code done}. After its first batch it waits until the
 *       other claimer has sent something too, so that the two certainly claim side by side however busy the
 *       machine is.
 * </ul>
 */
public final class StorageChild {

  /** The instant the claimers claim at. */
  static final Instant NOW = Instant.parse("2024-03-04T03:00:00Z");

  private StorageChild() {}

  /** The case of append number {@code i}. */
  static CaseId caseId(int i) {
    return CaseId.of("kasus-" + i);
  }

  /** The events a case has once its append with intents returned. */
  static List<RecordedEvent> events(int i) {
    return Events.chain(caseId(i), 2, "proses");
  }

  /** Runs a mode. */
  public static void main(String[] args) throws Exception {
    // Autoflush on println, through a buffer: each line reaches the pipe in one write.
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 256),
        true, UTF_8);
    long deadline = System.nanoTime() + 60_000_000_000L;
    if (args[0].equals("append")) {
      FileStorage storage = FileStorage.open(Path.of(args[1]));
      for (int i = 0; System.nanoTime() < deadline; i++) {
        CaseId id = caseId(i);
        List<RecordedEvent> events = events(i);
        if (i % 2 == 0) {
          storage.append(id, 0, events, Intents.twoFor(id));
        } else {
          storage.append(id, 0, events.subList(0, 1), List.of());
          storage.append(id, 1, events.subList(1, 2), Intents.twoFor(id));
        }
        out.println(i); // printed only after append returned: an acknowledgement
      }
    } else if (args[0].equals("claim")) {
      FileNotificationLedger ledger = new FileNotificationLedger(Path.of(args[1]));
      int max = Integer.parseInt(args[2]);
      FileChannel sent = FileChannel.open(Path.of(args[3]), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      ledger.find("muat-kelas"); // load the classes before the start
      out.println("ready");
      if (System.in.read() < 0) { // the start signal, so that the claimers start together
        return;
      }
      Path other = Path.of(args[4]);
      boolean first = true;
      while (System.nanoTime() < deadline) {
        List<Delivery> claimed = ledger.claimDue(NOW, max, Duration.ofHours(1));
        if (claimed.isEmpty()) {
          break;
        }
        for (Delivery d : claimed) {
          out.println(d.key());
          sent.write(ByteBuffer.wrap((d.key() + "\n").getBytes(UTF_8)));
          sent.force(false);
          ledger.markSent(d.key(), NOW);
        }
        while (first && (!Files.exists(other) || Files.size(other) == 0) && System.nanoTime() < deadline) {
          LockSupport.parkNanos(1_000_000); // the other claimer has not sent anything yet
        }
        first = false;
      }
      sent.close();
      out.println("done");
    } else {
      throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }
}
