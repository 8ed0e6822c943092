package id.go.kpu.jdih.media.file;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.media.StoredFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link MediaStore} on the file system, content-addressed by SHA-256: a file is stored once under
 * {@code <root>/<first two hex digits>/<hash>} with its media type beside it, and its reference is
 * {@code sha256:<hash>}.
 *
 * <p>Safety: names from outside never become paths (a reference is accepted only as {@code sha256:} and 64
 * lower-case hex digits); a file over the size limit is refused before anything is kept; a file is written to a
 * temporary file, forced to disk and moved into place, so a half-written file is never visible; reading verifies
 * the bytes against the hash and fails at the end of the stream if they differ.
 *
 * <p>Thread-safe, and safe across processes: two writers of the same bytes produce the same file.
 */
public final class FileMediaStore implements MediaStore {

  /** The default size limit: 50 MiB. */
  public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

  private static final Pattern REF = Pattern.compile("sha256:([0-9a-f]{64})");
  private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-z0-9.+-]+");

  private final Path root;
  private final long maxBytes;

  /** A store in {@code root} (created if missing) refusing files over {@code maxBytes}. */
  public FileMediaStore(Path root, long maxBytes) throws IOException {
    checkArgument(maxBytes > 0, "maxBytes must be positive");
    this.root = Files.createDirectories(checkNotNull(root, "root")).toRealPath();
    this.maxBytes = maxBytes;
  }

  /** A store in {@code root} with the default size limit. */
  public FileMediaStore(Path root) throws IOException {
    this(root, DEFAULT_MAX_BYTES);
  }

  @Override
  public StoredFile put(InputStream content, String mediaType) throws IOException {
    checkNotNull(content, "content");
    if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
      throw new IOException("jenis media tidak sah / invalid media type: " + mediaType);
    }
    Path tmp = Files.createTempFile(root, ".incoming-", ".tmp");
    try {
      Hasher hasher = Hashing.sha256().newHasher();
      long total = 0;
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = content.read(buf)) != -1; ) {
          total += n;
          if (total > maxBytes) {
            throw new IOException(String.format("berkas melebihi batas %d bita / file is over the %d-byte limit",
                maxBytes, maxBytes));
          }
          hasher.putBytes(buf, 0, n);
          out.write(buf, 0, n);
        }
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true); // durable before it becomes visible under its hash
      }
      String hash = hasher.hash().toString();
      Path target = pathOf(hash);
      Files.createDirectories(target.getParent());
      Files.writeString(typePath(hash), mediaType, StandardCharsets.UTF_8);
      if (Files.exists(target)) {
        return new StoredFile("sha256:" + hash, mediaType, total, hash); // same bytes already stored
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        if (!Files.exists(target)) {
          throw e;
        }
      }
      return new StoredFile("sha256:" + hash, mediaType, total, hash);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public Optional<StoredFile> find(String ref) {
    Optional<String> hash = hashOf(ref);
    if (hash.isEmpty() || !Files.isRegularFile(pathOf(hash.get()))) {
      return Optional.empty();
    }
    try {
      String type = Files.exists(typePath(hash.get()))
          ? Files.readString(typePath(hash.get()), StandardCharsets.UTF_8).trim() : "application/octet-stream";
      return Optional.of(new StoredFile(ref, type, Files.size(pathOf(hash.get())), hash.get()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public InputStream open(String ref) throws IOException {
    String hash = hashOf(ref).orElseThrow(() -> new IOException(
        "referensi berkas tidak sah / invalid file reference: " + ref));
    Path p = pathOf(hash);
    if (!Files.isRegularFile(p)) {
      throw new IOException("berkas tidak ditemukan / no such file: " + ref);
    }
    return new VerifyingStream(Files.newInputStream(p), hash, ref);
  }

  private static Optional<String> hashOf(String ref) {
    if (ref == null) {
      return Optional.empty();
    }
    var m = REF.matcher(ref);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private Path pathOf(String hash) {
    return root.resolve(hash.substring(0, 2)).resolve(hash);
  }

  private Path typePath(String hash) {
    return root.resolve(hash.substring(0, 2)).resolve(hash + ".type");
  }

  // Hashes what is read; at the end of the stream, fails if the bytes are not the ones stored.
  private static final class VerifyingStream extends FilterInputStream {
    private final Hasher hasher = Hashing.sha256().newHasher();
    private final String expected;
    private final String ref;
    private boolean checked;

    VerifyingStream(InputStream in, String expected, String ref) {
      super(in);
      this.expected = expected;
      this.ref = ref;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b == -1) {
        verify();
      } else {
        hasher.putByte((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n == -1) {
        verify();
      } else {
        hasher.putBytes(b, off, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      throw new IOException("skip is not supported: every byte is verified");
    }

    private void verify() throws IOException {
      if (!checked) {
        checked = true;
        String actual = hasher.hash().toString();
        if (!actual.equals(expected)) {
          throw new IOException("isi berkas " + ref + " tidak cocok dengan hash-nya / the content of " + ref
              + " does not match its hash");
        }
      }
    }
  }
}
