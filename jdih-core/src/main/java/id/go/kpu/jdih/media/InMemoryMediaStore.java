package id.go.kpu.jdih.media;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.hash.Hashing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A content-addressed {@link MediaStore} in memory, for tests, demos and the runtime's default. Files are kept
 * until the JVM ends. Thread-safe.
 */
public final class InMemoryMediaStore implements MediaStore {

  /** The default size limit per file: 50 MiB, as the file store's. */
  public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

  // Never compared, and its array is only read through a stream, so the array component's identity equals is moot.
  @SuppressWarnings("ArrayRecordComponent")
  private record Entry(StoredFile file, byte[] bytes) {}

  private final ConcurrentMap<String, Entry> files = new ConcurrentHashMap<>();
  private final long maxBytes;

  /** An empty store with the default size limit. */
  public InMemoryMediaStore() {
    this(DEFAULT_MAX_BYTES);
  }

  /** An empty store refusing files over {@code maxBytes}. */
  public InMemoryMediaStore(long maxBytes) {
    checkArgument(maxBytes > 0, "maxBytes must be positive");
    this.maxBytes = maxBytes;
  }

  @Override
  public StoredFile put(InputStream content, String mediaType) throws IOException {
    checkNotNull(content, "content");
    checkNotNull(mediaType, "mediaType");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    for (int n; (n = content.read(buf)) != -1; ) {
      if (out.size() + (long) n > maxBytes) {
        throw new IOException(String.format("berkas melebihi batas %d bita / file is over the %d-byte limit",
            maxBytes, maxBytes));
      }
      out.write(buf, 0, n);
    }
    byte[] bytes = out.toByteArray();
    String hash = Hashing.sha256().hashBytes(bytes).toString();
    StoredFile file = new StoredFile(refOf(hash), mediaType, bytes.length, hash);
    return files.computeIfAbsent(file.ref(), r -> new Entry(file, bytes)).file();
  }

  @Override
  public Optional<StoredFile> find(String ref) {
    Entry e = ref == null ? null : files.get(ref);
    return e == null ? Optional.empty() : Optional.of(e.file());
  }

  @Override
  public InputStream open(String ref) throws IOException {
    Entry e = ref == null ? null : files.get(ref);
    if (e == null) {
      throw new IOException("berkas tidak ditemukan / no such file: " + ref);
    }
    return new ByteArrayInputStream(e.bytes());
  }

  /** Removes the file with {@code ref} (a test's way to lose a file); true if it was there. */
  public boolean remove(String ref) {
    return files.remove(ref) != null;
  }

  /** How many files are stored. */
  public int size() {
    return files.size();
  }
}
