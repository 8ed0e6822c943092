package id.go.kpu.jdih.store.file;

import static com.google.common.base.Preconditions.checkNotNull;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.anchor.DigestSink;
import id.go.kpu.jdih.anchor.HeadDigest;
import id.go.kpu.jdih.i18n.Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * A {@link DigestSink} that writes each {@link HeadDigest} to its own file, {@code head-digest-<at>.txt} (the
 * moment with {@code :} as {@code -}) in the digest's {@link HeadDigest#text() text form}, in a folder the
 * database's administrator cannot write: another machine's share, a write-once (WORM) mount, the Sekretaris's
 * archive. A file is never replaced: it is written under a temporary name, synced, then linked to its name (a
 * link fails if the name exists, unlike a rename), made read-only, and the folder synced. Exporting the same
 * digest again changes nothing; another digest for the same moment is refused.
 *
 * <p>What makes it an anchor is where the folder is, not this class: on the database's own machine, a root user
 * can rewrite it.
 */
public final class FileDigestSink implements DigestSink {

  private final Path dir;

  /** Digests in {@code dir}, created if missing. */
  public FileDigestSink(Path dir) {
    this.dir = checkNotNull(dir, "dir");
  }

  /** The file of the digest taken at {@code digest.at()}. */
  public Path fileOf(HeadDigest digest) {
    return dir.resolve("head-digest-" + digest.at().toString().replace(':', '-') + ".txt");
  }

  @Override
  public void export(HeadDigest digest) {
    checkNotNull(digest, "digest");
    Path target = fileOf(digest);
    byte[] bytes = digest.text().getBytes(StandardCharsets.US_ASCII);
    try {
      Files.createDirectories(dir);
      if (Files.exists(target)) {
        checkSame(target, bytes);
        return;
      }
      Path tmp = Files.createTempFile(dir, ".head-digest-", ".tmp");
      try {
        try (FileChannel ch = FileChannel.open(tmp, WRITE)) {
          ByteBuffer buf = ByteBuffer.wrap(bytes);
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
          ch.force(true);
        }
        try {
          Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException e) {
          checkSame(target, bytes); // exported by someone else meanwhile
          return;
        } catch (UnsupportedOperationException e) {
          Files.write(target, bytes, CREATE_NEW, WRITE); // no hard links here: still never replaces
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      try {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
      } catch (UnsupportedOperationException e) {
        target.toFile().setReadOnly();
      }
      FileLocks.syncDirectory(dir);
    } catch (IOException e) {
      throw new FileStoreException(FileStoreException.Kind.IO_FAILURE, Text.of(
          "Digest ujung kasus tidak dapat ditulis ke %s: %s", "The head digest cannot be written to %s: %s")
          .format(target, e.toString()), e);
    }
  }

  /** The digests in the folder, oldest first. */
  public ImmutableList<HeadDigest> digests() {
    if (!Files.isDirectory(dir)) {
      return ImmutableList.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      ImmutableList.Builder<HeadDigest> out = ImmutableList.builder();
      for (Path p : files.filter(p -> p.getFileName().toString().startsWith("head-digest-")
          && p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
        out.add(read(p));
      }
      return out.build();
    } catch (IOException e) {
      throw new FileStoreException(FileStoreException.Kind.IO_FAILURE, Text.of(
          "Folder digest %s tidak dapat dibaca: %s", "The digest folder %s cannot be read: %s")
          .format(dir, e.toString()), e);
    }
  }

  /**
   * Reads a digest file (its signature is checked by {@link HeadDigest#verifiedBy}).
   *
   * @throws IllegalArgumentException if it is not a digest
   */
  public static HeadDigest read(Path file) throws IOException {
    return HeadDigest.parse(Files.readString(file, StandardCharsets.US_ASCII));
  }

  private static void checkSame(Path target, byte[] bytes) throws IOException {
    if (!Arrays.equals(Files.readAllBytes(target), bytes)) {
      throw new FileStoreException(FileStoreException.Kind.IO_FAILURE, Text.of(
          "%s sudah ada dengan isi lain; digest tidak pernah ditimpa", "%s exists with other content; a digest is "
              + "never replaced").format(target), null);
    }
  }
}
