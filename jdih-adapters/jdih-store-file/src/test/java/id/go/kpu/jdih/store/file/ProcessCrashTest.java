package id.go.kpu.jdih.store.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other processes: a writer killed with SIGKILL mid-stream loses no acknowledged event, and two processes racing on
 * one case never interleave their writes.
 */
class ProcessCrashTest {

  private static final int RUNS = 10;

  @TempDir
  Path tmp;

  /** Starts {@link StoreChild} in a new JVM on this test's class path. */
  private Process fork(Path stderr, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        // Under Surefire this may be a manifest-only jar whose Class-Path names the real entries; java honours it.
        "-cp", System.getProperty("java.class.path"),
        StoreChild.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
  }

  /** Reads until the first line break, so that the child is known to be appending. */
  private static void awaitFirstLine(InputStream in, ByteArrayOutputStream seen) throws IOException {
    int b;
    while ((b = in.read()) >= 0) {
      seen.write(b);
      if (b == '\n') {
        return;
      }
    }
  }

  /** The last complete line as a number: the highest version the child acknowledged. */
  private static long lastAcknowledged(byte[] output) {
    String text = new String(output, UTF_8);
    int end = text.lastIndexOf('\n');
    if (end < 0) {
      return 0;
    }
    String complete = text.substring(0, end);
    return Long.parseLong(complete.substring(complete.lastIndexOf('\n') + 1).trim());
  }

  /**
   * The crash test. A forked JVM appends to a case as fast as it can (single events, and every fourth append a
   * batch of three), printing each new version only after {@code append} returned. After a seeded random delay it
   * is killed with {@link ProcessHandle#destroyForcibly()} (SIGKILL on Linux). A new store on the directory must then
   * hold every acknowledged event, nothing but the exact events written, at most the one append that was in
   * flight (whole or not at all), and a valid hash chain; and the next append must work and leave a clean file.
   */
  @Test
  void aKilledWriterLosesNoAcknowledgedEvent() throws Exception {
    long seed = Long.getLong("jdih.crash.seed", System.nanoTime());
    System.out.println("ProcessCrashTest seed=" + seed + " (repeat with -Djdih.crash.seed=" + seed + ")");
    Random random = new Random(seed);
    long acknowledged = 0;
    long recovered = 0;
    int inFlightRecovered = 0;
    int tornTails = 0;
    long started = System.nanoTime();
    for (int run = 0; run < RUNS; run++) {
      Path root = tmp.resolve("run-" + run);
      CaseId id = CaseId.of("crash-" + run);
      Path stderr = tmp.resolve("stderr-" + run + ".txt");
      Process child = fork(stderr, "crash", root.toString(), id.value());
      ByteArrayOutputStream seen = new ByteArrayOutputStream();
      long delayMillis;
      try (InputStream in = child.getInputStream()) {
        awaitFirstLine(in, seen);
        delayMillis = 20 + random.nextInt(600);
        Thread.sleep(delayMillis);
        // SIGKILL on Linux. Through the ProcessHandle: Process.destroyForcibly() also closes our end of the
        // child's stdout (see ProcessImpl.destroy), which would lose acknowledgements still in the pipe.
        assertThat(child.toHandle().destroyForcibly()).isTrue();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        seen.writeBytes(in.readAllBytes()); // what was in the pipe when it died
      } finally {
        child.destroyForcibly();
      }
      long acked = lastAcknowledged(seen.toByteArray());
      assertThat(acked).as("the child acknowledged appends; stderr: %s",
          Files.exists(stderr) ? Files.readString(stderr) : "").isPositive();
      assertThat(child.exitValue()).as("killed, not exited by itself").isNotZero();

      FileCaseStore store = new FileCaseStore(root);
      FileCaseStore.Inspection log = store.inspect(id);
      ImmutableList<RecordedEvent> events = store.load(id);
      long n = events.size();
      assertThat(n).as("every acknowledged event survives (run %d)", run).isGreaterThanOrEqualTo(acked);
      assertThat(n).as("at most the append in flight beyond the acknowledged ones (run %d)", run)
          .isIn(acked, StoreChild.nextVersion(acked));
      assertThat(events).as("exactly the events written").isEqualTo(Events.chain(id, n, "crash"));
      assertThat(HashChain.verify(events)).isEmpty();
      boolean torn = log.fileBytes() > log.committedBytes();

      // recovery: the next append truncates any torn tail and the file is clean
      List<RecordedEvent> next = Events.continuing(id, n, HashChain.head(events), 1, "crash");
      assertThat(store.append(id, n, next)).isEqualTo(n + 1);
      FileCaseStore.Inspection after = new FileCaseStore(root).inspect(id);
      assertThat(after.fileBytes()).isEqualTo(after.committedBytes());
      assertThat(new FileCaseStore(root).load(id)).isEqualTo(Events.chain(id, n + 1, "crash"));

      System.out.printf("  run %d: killed after %d ms, acknowledged %d, recovered %d%s%n", run, delayMillis, acked, n,
          torn ? ", torn tail of " + (log.fileBytes() - log.committedBytes()) + " bytes truncated" : "");
      acknowledged += acked;
      recovered += n;
      inFlightRecovered += n > acked ? 1 : 0;
      tornTails += torn ? 1 : 0;
    }
    System.out.printf("ProcessCrashTest: %d runs in %.1f s, %d events acknowledged, %d recovered, "
            + "%d runs with the in-flight append recovered, %d torn tails seen%n",
        RUNS, (System.nanoTime() - started) / 1e9, acknowledged, recovered, inFlightRecovered, tornTails);
  }

  /** Two JVMs race on one case, each retrying on conflicts until it has won its share. */
  @Test
  void twoProcessesRacingOnOneCaseNeverInterleave() throws Exception {
    Path root = tmp.resolve("race");
    CaseId id = CaseId.of("dua-proses");
    int wins = 150;
    Process a = fork(tmp.resolve("a.txt"), "race", root.toString(), id.value(), String.valueOf(wins), "pa");
    Process b = fork(tmp.resolve("b.txt"), "race", root.toString(), id.value(), String.valueOf(wins), "pb");
    String outA;
    String outB;
    try {
      ByteArrayOutputStream readyA = new ByteArrayOutputStream();
      ByteArrayOutputStream readyB = new ByteArrayOutputStream();
      awaitFirstLine(a.getInputStream(), readyA);
      awaitFirstLine(b.getInputStream(), readyB);
      assertThat(readyA.toString(UTF_8)).isEqualTo("ready\n");
      assertThat(readyB.toString(UTF_8)).isEqualTo("ready\n");
      a.getOutputStream().write('\n');
      b.getOutputStream().write('\n');
      a.getOutputStream().flush();
      b.getOutputStream().flush();
      outA = new String(a.getInputStream().readAllBytes(), UTF_8).trim();
      outB = new String(b.getInputStream().readAllBytes(), UTF_8).trim();
      assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      a.destroyForcibly();
      b.destroyForcibly();
    }
    assertThat(a.exitValue()).as("stderr: %s", Files.readString(tmp.resolve("a.txt"))).isZero();
    assertThat(b.exitValue()).as("stderr: %s", Files.readString(tmp.resolve("b.txt"))).isZero();
    assertThat(outA).startsWith(wins + " ");
    assertThat(outB).startsWith(wins + " ");
    ImmutableList<RecordedEvent> events = new FileCaseStore(root).load(id);
    assertThat(events).hasSize(2 * wins);
    assertThat(HashChain.verify(events)).isEmpty();
    assertThat(events.stream().filter(e -> e.commandId().value().startsWith("pa-"))).hasSize(wins);
    assertThat(events.stream().filter(e -> e.commandId().value().startsWith("pb-"))).hasSize(wins);
    System.out.printf("two processes: %d appends each, conflicts refused: %s and %s%n", wins,
        outA.substring(outA.indexOf(' ') + 1), outB.substring(outB.indexOf(' ') + 1));
  }
}
