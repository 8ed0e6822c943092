package id.go.kpu.jdih.store.file;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The locking every store of this module uses: an in-JVM lock, then an exclusive {@link FileLock} on a lock file,
 * both waited for up to a time-out and held while the body runs.
 *
 * <p>The file lock keeps other processes out. It is not enough on its own. The {@link FileLock} class description
 * says "File locks are held on behalf of the entire Java virtual machine. They are not suitable for controlling
 * access to a file by multiple threads within the same virtual machine": a second {@code lock()} on the file from
 * the same JVM throws {@link java.nio.channels.OverlappingFileLockException} instead of waiting. It also says "On
 * some systems, closing a channel releases all locks held by the Java virtual machine on the underlying file". So
 * the in-JVM lock is shared by every store of the JVM (striped by the lock file's path, which callers pass as a real
 * path), and the lock file is opened only under it, and only to lock it. File locks are advisory on most systems:
 * every process writing the files must go through these classes.
 *
 * <p>The stripes are shared, so two lock files may share an in-JVM lock. Callers therefore never hold two of these
 * locks at once (a thread holding stripe {@code a} and waiting for {@code b} while another holds {@code b} and waits
 * for {@code a} would deadlock until the time-out).
 *
 * <p>Thread-safe.
 */
final class FileLocks {

  /** In-JVM locks, striped by the lock file's path and shared by every store of the JVM. */
  private static final ReentrantLock[] JVM_LOCKS = new ReentrantLock[256];

  static {
    for (int i = 0; i < JVM_LOCKS.length; i++) {
      JVM_LOCKS[i] = new ReentrantLock();
    }
  }

  private FileLocks() {}

  /** Code run under a lock. */
  @FunctionalInterface
  interface IoBody<T> {
    /** Runs. */
    T run() throws IOException;
  }

  /**
   * Runs {@code body} holding the in-JVM lock of {@code lockFile} and then its file lock, each waited for up to
   * {@code timeout}; throws what {@code lockedOut} gives if either cannot be had in time (or the thread is
   * interrupted while it waits).
   */
  static <T> T locked(Path lockFile, Duration timeout, Supplier<FileStoreException> lockedOut, IoBody<T> body)
      throws IOException {
    ReentrantLock jvmLock = JVM_LOCKS[Math.floorMod(lockFile.hashCode(), JVM_LOCKS.length)];
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!jvmLock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw lockedOut.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw lockedOut.get();
    }
    try (FileChannel channel = FileChannel.open(lockFile, WRITE, CREATE)) {
      // FileChannel.tryLock(): an exclusive lock on the whole file, or null at once "if the lock could not be
      // acquired because another program holds an overlapping lock". It throws OverlappingFileLockException "If a
      // lock that overlaps the requested region is already held by this Java virtual machine": hence the in-JVM
      // lock above, always taken first. (On Linux the JDK uses fcntl record locks, which belong to the process.)
      FileLock fileLock = channel.tryLock();
      long pause = 1;
      while (fileLock == null) {
        if (System.nanoTime() - deadline > 0) {
          throw lockedOut.get();
        }
        sleep(pause);
        pause = Math.min(pause * 2, 50);
        fileLock = channel.tryLock();
      }
      try {
        return body.run();
      } finally {
        if (fileLock.isValid()) {
          fileLock.release(); // closing the channel would release it too
        }
      }
    } finally {
      jvmLock.unlock();
    }
  }

  /**
   * Syncs a directory, so that the names created, renamed or removed in it are durable. On POSIX systems a new
   * file's directory entry is only durable once the directory is synced. Windows cannot open a directory as a
   * channel (and NTFS journals the entry itself): nothing to do there.
   */
  static void syncDirectory(Path dir) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(dir, READ);
    } catch (IOException | UnsupportedOperationException e) {
      return;
    }
    try (channel) {
      channel.force(true);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
