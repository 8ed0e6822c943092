package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.i18n.Text;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One command at a time on a home's embedded H2 database. H2 locks its file for the process that opened it, and a
 * second process gets "Database may be already in use ... use the server mode". So a command takes this lock, an
 * exclusive lock of {@code <home>/.lock}, before it opens the database and holds it until the database is closed.
 * A second command waits for it, up to {@link #WAIT}, saying once on standard error that it waits, and then fails
 * with one clear line. Within one JVM (file locks are per JVM) a semaphore per lock file does the same.
 */
final class HomeLock implements AutoCloseable {

  /** How long a command waits for another one on the same home. */
  static final Duration WAIT = Duration.ofSeconds(10);

  private static final ConcurrentMap<Path, Semaphore> IN_JVM = new ConcurrentHashMap<>();
  private static final long POLL_MILLIS = 100;

  private final Semaphore semaphore;
  private final FileChannel channel;
  private final FileLock lock;

  private HomeLock(Semaphore semaphore, FileChannel channel, FileLock lock) {
    this.semaphore = semaphore;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code home}, waiting up to {@code wait}; {@code waiting} is told once if it has to wait.
   *
   * @throws CliException if another command holds it longer
   */
  static HomeLock acquire(Path home, Duration wait, Consumer<Text> waiting) throws IOException {
    Path file = home.resolve(".lock");
    if (!Files.exists(file)) {
      try {
        Files.createFile(file);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // made by another command just now
      }
    }
    Semaphore semaphore = IN_JVM.computeIfAbsent(file.toRealPath(), p -> new Semaphore(1));
    long deadline = System.nanoTime() + wait.toNanos();
    boolean told = false;
    try {
      if (!semaphore.tryAcquire()) {
        waiting.accept(waitingText(home, wait));
        told = true;
        if (!semaphore.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          throw busy(home, wait);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy(home, wait);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.WRITE);
      while (true) {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          return new HomeLock(semaphore, channel, lock);
        }
        if (System.nanoTime() >= deadline) {
          throw busy(home, wait);
        }
        if (!told) {
          waiting.accept(waitingText(home, wait));
          told = true;
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close(channel);
      semaphore.release();
      throw busy(home, wait);
    } catch (IOException | RuntimeException e) {
      close(channel);
      semaphore.release();
      throw e;
    }
  }

  private static Text waitingText(Path home, Duration wait) {
    return Text.of("Menunggu perintah jdih lain di folder kerja " + home + " selesai (paling lama " + wait.toSeconds()
        + " detik) ...", "Waiting for another jdih command on the home folder " + home + " to finish (at most "
        + wait.toSeconds() + " s) ...");
  }

  private static CliException busy(Path home, Duration wait) {
    return new CliException("Folder kerja " + home + " dipakai perintah jdih lain lebih dari " + wait.toSeconds()
        + " detik; tidak ada yang diubah. Coba lagi setelah perintah itu selesai.", "The home folder " + home
        + " has been in use by another jdih command for more than " + wait.toSeconds() + " s; nothing was changed."
        + " Try again when that command is done.");
  }

  private static void close(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
    }
  }

  /** Releases the lock. */
  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it too
    } finally {
      close(channel);
      semaphore.release();
    }
  }
}
