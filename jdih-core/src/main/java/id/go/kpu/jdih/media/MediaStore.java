package id.go.kpu.jdih.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The port for storing designs and minutes. Implementations are content-addressed (the same bytes are stored
 * once), enforce a size limit, never turn names from outside into paths, verify a file against its hash when it
 * is read, and are thread-safe.
 */
public interface MediaStore {

  /**
   * Stores {@code content}, read to its end.
   *
   * @throws IOException if it cannot be read or stored, or is over the store's size limit
   */
  StoredFile put(InputStream content, String mediaType) throws IOException;

  /**
   * The reference this store gives to content whose SHA-256 is {@code sha256}: stores are content-addressed, so
   * the same bytes always get the same reference, and a caller can check a command before storing anything. The
   * default is {@code sha256:<hash>}.
   *
   * @param sha256 64 lower-case hex digits
   */
  default String refOf(String sha256) {
    return "sha256:" + sha256;
  }

  /** The stored file with {@code ref}, if there is one. */
  Optional<StoredFile> find(String ref);

  /**
   * Opens the stored file's bytes; the stream fails when it reaches the end if the bytes do not match the hash.
   *
   * @throws IOException if there is no such file or it cannot be read
   */
  InputStream open(String ref) throws IOException;
}
