package id.go.kpu.jdih.store.file;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.go.kpu.jdih.store.VersionConflictException;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The writer the multi-process tests fork: {@code java -cp <test class path> id.go.kpu.jdih.store.file.StoreChild
 * <mode> <root> <case id> [...]}.
 *
 * <ul>
 *   <li>{@code crash}: appends to the case as fast as it can, following {@link #batchSize}, and prints the new
 *       version on its own line after each append returns, until killed (or after a minute, so that an orphan
 *       stops by itself);
 *   <li>{@code race <wins> <tag>}: races other processes on the case: reads the version, appends the next event,
 *       retries on a conflict until it has won {@code wins} appends, then prints {@code <wins> <conflicts>}.
 * </ul>
 */
public final class StoreChild {

  private StoreChild() {}

  /** The size of the crash writer's append number {@code a} (from 0): every fourth append is a batch of three. */
  static int batchSize(long a) {
    return a % 4 == 3 ? 3 : 1;
  }

  /** The crash writer's version after the append that follows version {@code v}, which must be one it reaches. */
  static long nextVersion(long v) {
    long version = 0;
    for (long a = 0; ; a++) {
      if (version > v) {
        return version;
      }
      version += batchSize(a);
    }
  }

  /** Whether the crash writer's versions include {@code v}. */
  static boolean reaches(long v) {
    long version = 0;
    for (long a = 0; version < v; a++) {
      version += batchSize(a);
    }
    return version == v;
  }

  /** Runs a mode. */
  public static void main(String[] args) throws Exception {
    // Autoflush on println, through a buffer: each acknowledgement reaches the pipe in one write.
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 256),
        true, UTF_8);
    FileCaseStore store = new FileCaseStore(Path.of(args[1]));
    CaseId id = CaseId.of(args[2]);
    long deadline = System.nanoTime() + 60_000_000_000L;
    if (args[0].equals("crash")) {
      long version = store.version(id);
      String head = HashChain.head(store.load(id));
      for (long a = 0; System.nanoTime() < deadline; a++) {
        List<RecordedEvent> batch = Events.continuing(id, version, head, batchSize(a), "crash");
        version = store.append(id, version, batch);
        out.println(version); // printed only after append returned: an acknowledgement
        head = batch.get(batch.size() - 1).hash();
      }
    } else if (args[0].equals("race")) {
      int target = Integer.parseInt(args[3]);
      String tag = args[4];
      store.version(id); // load the classes before the start
      out.println("ready");
      if (System.in.read() < 0) { // the start signal, so that the racers start together
        return;
      }
      int wins = 0;
      int conflicts = 0;
      while (wins < target && System.nanoTime() < deadline) {
        long version = store.version(id);
        String head = HashChain.head(store.load(id));
        try {
          store.append(id, version, Events.continuing(id, version, head, 1, tag));
          wins++;
        } catch (VersionConflictException e) {
          conflicts++;
        }
      }
      out.println(wins + " " + conflicts);
    } else {
      throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }
}
