package id.go.kpu.jdih.store.file;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Run in its own JVM: holds the exclusive lock on a file until its standard input closes. */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        FileLock lock = ch.lock()) {
      System.out.println("locked " + lock.isValid());
      System.out.flush();
      while (System.in.read() != -1) {
        // hold the lock until the parent closes our input
      }
    }
  }
}
