package id.go.kpu.jdih.store.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.notify.DeliveryStatus;
import id.go.kpu.jdih.notify.Notification;
import id.go.kpu.jdih.notify.NotificationKind;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.HashChain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other processes: a {@link FileStorage} writer killed with SIGKILL at random points leaves every case with its
 * events and all their intents or with neither; two processes claiming from one {@link FileNotificationLedger}
 * claim each delivery exactly once.
 */
class FileStorageProcessTest {

  private static final int RUNS = 8;

  @TempDir
  Path tmp;

  /** Starts {@link StorageChild} in a new JVM on this test's class path. */
  private Process fork(Path stderr, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"),
        StorageChild.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
  }

  /** Reads until the first line break. */
  private static String firstLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.write(b);
    }
    return line.toString(UTF_8);
  }

  /** The number on the last complete line: the last case whose append the child acknowledged; -1 if none. */
  private static int lastAcknowledged(String output) {
    int end = output.lastIndexOf('\n');
    if (end < 0) {
      return -1;
    }
    String complete = output.substring(0, end);
    return Integer.parseInt(complete.substring(complete.lastIndexOf('\n') + 1).trim());
  }

  private static int count(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return (int) files.count();
    }
  }

  /**
   * The crash test. A forked JVM appends events with intents through {@link FileStorage}, case after case, printing
   * each case's number after its append returned; after a seeded random delay it is killed with SIGKILL. Before
   * anything reopens the root, the test notes whether the log of the case in flight already held its intents while
   * the outbox did not (the window the markers cover). Then {@link FileStorage#open} must leave every case with its
   * events and exactly its two intents, or (for the one append in flight) with neither: never events without
   * intents, never intents without events; no marker left; acknowledged cases complete.
   */
  @Test
  void aKilledAppendLeavesEventsWithAllTheirIntentsOrNeither() throws Exception {
    long seed = Long.getLong("jdih.crash.seed", System.nanoTime());
    System.out.println("FileStorageProcessTest seed=" + seed + " (repeat with -Djdih.crash.seed=" + seed + ")");
    Random random = new Random(seed);
    int materialisedOnOpen = 0;
    int inFlightWhole = 0;
    int inFlightNone = 0;
    int casesChecked = 0;
    for (int run = 0; run < RUNS; run++) {
      Path root = tmp.resolve("run-" + run);
      Path stderr = tmp.resolve("stderr-" + run + ".txt");
      Process child = fork(stderr, "append", root.toString());
      ByteArrayOutputStream seen = new ByteArrayOutputStream();
      long delayMillis;
      try (InputStream in = child.getInputStream()) {
        seen.writeBytes((firstLine(in) + "\n").getBytes(UTF_8)); // appending now
        delayMillis = 20 + random.nextInt(500);
        Thread.sleep(delayMillis); // a random kill point, not a wait for a condition
        assertThat(child.toHandle().destroyForcibly()).isTrue(); // SIGKILL on Linux
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        seen.writeBytes(in.readAllBytes());
      } finally {
        child.destroyForcibly();
      }
      int acked = lastAcknowledged(seen.toString(UTF_8));
      assertThat(acked).as("the child acknowledged appends; stderr: %s",
          Files.exists(stderr) ? Files.readString(stderr) : "").isGreaterThanOrEqualTo(0);
      assertThat(child.exitValue()).as("killed, not exited by itself").isNotZero();

      // Before any FileStorage opens the root: did the crash fall between the log write and the outbox files?
      FileCaseStore rawCases = new FileCaseStore(root.resolve("cases"));
      FileOutboxStore rawOutbox = new FileOutboxStore(root.resolve("outbox"));
      int markers = count(root.resolve("pending"));
      CaseId inFlight = StorageChild.caseId(acked + 1);
      boolean missingBeforeOpen = rawCases.intentsInLog(inFlight).size() > rawOutbox.forCase(inFlight).size();

      FileStorage storage = FileStorage.open(root);
      assertThat(count(root.resolve("pending"))).as("markers cleared by the open").isZero();
      List<CaseId> ids;
      try (Stream<CaseId> listed = storage.cases().caseIds()) {
        ids = listed.toList();
      }
      assertThat(ids.size()).as("no case beyond the one in flight").isBetween(acked + 1, acked + 2);
      for (int i = 0; i <= acked + 1; i++) {
        CaseId id = StorageChild.caseId(i);
        long version = storage.cases().version(id);
        List<IntentState> intents = storage.outbox().forCase(id);
        if (version == 2) {
          assertThat(storage.cases().load(id)).isEqualTo(StorageChild.events(i));
          assertThat(intents).as("case %d (run %d): its events, so all its intents", i, run)
              .isEqualTo(Intents.twoFor(id));
          assertThat(HashChain.verify(storage.cases().load(id))).isEmpty();
        } else {
          assertThat(i).as("only the append in flight may be missing (run %d)", run).isEqualTo(acked + 1);
          assertThat(version).as("an even case's one append, or an odd case's second, did not happen")
              .isIn(0L, i % 2 == 0 ? 0L : 1L);
          assertThat(intents).as("case %d (run %d): not its events, so none of its intents", i, run).isEmpty();
        }
        casesChecked++;
      }
      boolean whole = storage.cases().version(inFlight) == 2;
      inFlightWhole += whole ? 1 : 0;
      inFlightNone += whole ? 0 : 1;
      materialisedOnOpen += missingBeforeOpen ? 1 : 0;
      System.out.printf("  run %d: killed after %d ms, %d cases acknowledged, in flight: %s, %d marker(s)%s%n", run,
          delayMillis, acked + 1, whole ? "whole" : "none", markers,
          missingBeforeOpen ? ", intents materialised by the open" : "");
    }
    System.out.printf("FileStorageProcessTest: %d runs, %d cases checked, in-flight append whole %d / none %d, "
        + "%d runs with intents only in the log until the open%n", RUNS, casesChecked, inFlightWhole, inFlightNone,
        materialisedOnOpen);
  }

  /**
   * Two JVMs claim deliveries of one ledger concurrently, a few at a time, "sending" each outside the lock and
   * marking it sent: every delivery is claimed exactly once, and every one ends sent after one attempt.
   */
  @Test
  void twoProcessesClaimEachDeliveryOfOneLedgerExactlyOnce() throws Exception {
    Path dir = tmp.resolve("ledger");
    FileNotificationLedger ledger = new FileNotificationLedger(dir);
    int n = 400;
    Contact budi = Contact.of(Events.STAF).withEmail("budi.santoso@kpu-mentawai.go.id");
    for (int i = 0; i < n; i++) {
      Notification notice = new Notification("kasus/available/3/" + i + "/to/199003032015031003",
          NotificationKind.AVAILABLE, CaseId.of("kasus"), OptionalInt.of(3), budi, Text.of("subjek " + i,
          "subject " + i), Text.of("isi", "body"));
      assertThat(ledger.record(Delivery.pending(notice, "email", StorageChild.NOW.minusSeconds(n - i)))).isTrue();
    }
    Process a = fork(tmp.resolve("a.txt"), "claim", dir.toString(), "3", tmp.resolve("sent-a.txt").toString(),
        tmp.resolve("sent-b.txt").toString());
    Process b = fork(tmp.resolve("b.txt"), "claim", dir.toString(), "4", tmp.resolve("sent-b.txt").toString(),
        tmp.resolve("sent-a.txt").toString());
    List<String> outA;
    List<String> outB;
    try {
      assertThat(firstLine(a.getInputStream())).isEqualTo("ready");
      assertThat(firstLine(b.getInputStream())).isEqualTo("ready");
      a.getOutputStream().write('\n');
      b.getOutputStream().write('\n');
      a.getOutputStream().flush();
      b.getOutputStream().flush();
      outA = new String(a.getInputStream().readAllBytes(), UTF_8).lines().toList();
      outB = new String(b.getInputStream().readAllBytes(), UTF_8).lines().toList();
      assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      a.destroyForcibly();
      b.destroyForcibly();
    }
    assertThat(a.exitValue()).as("stderr: %s", Files.readString(tmp.resolve("a.txt"))).isZero();
    assertThat(b.exitValue()).as("stderr: %s", Files.readString(tmp.resolve("b.txt"))).isZero();
    assertThat(outA).last().isEqualTo("done");
    assertThat(outB).last().isEqualTo("done");
    Map<String, Integer> claims = new HashMap<>();
    for (List<String> out : List.of(outA, outB)) {
      out.subList(0, out.size() - 1).forEach(key -> claims.merge(key, 1, Integer::sum));
    }
    assertThat(Files.readAllLines(tmp.resolve("sent-a.txt"), UTF_8)).isEqualTo(outA.subList(0, outA.size() - 1));
    assertThat(Files.readAllLines(tmp.resolve("sent-b.txt"), UTF_8)).isEqualTo(outB.subList(0, outB.size() - 1));
    assertThat(claims).as("every delivery claimed").hasSize(n);
    assertThat(claims).as("exactly once").allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
    // The premise: they did run side by side (each waits after its first batch until the other has sent too).
    assertThat(List.of(outA.size() - 1, outB.size() - 1)).as("both processes claimed").allMatch(c -> c > 0);
    assertThat(new FileNotificationLedger(dir).deliveries()).hasSize(n)
        .allMatch(d -> d.status() == DeliveryStatus.SENT && d.attempts() == 1);
    System.out.printf("two processes on one ledger: %d deliveries, claimed %d and %d%n", n, outA.size() - 1,
        outB.size() - 1);
  }
}
