package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.content.DocumentRef;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.media.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Whether a file a case refers to (a design's media item, the meeting's minutes) is in the media store exactly as
 * referred to: present, of the recorded size and SHA-256, and its bytes still matching that hash when read.
 */
public final class MediaCheck {

  /** The stable code of a missing or altered media file. */
  public static final String CODE = "JDIH-MEDIA-001";

  private MediaCheck() {}

  /** What is wrong with {@code item} in {@code store}, e.g. "is missing from the media store"; empty if nothing. */
  public static Optional<Text> problem(MediaStore store, MediaItem item) {
    checkNotNull(item, "item");
    return problem(store, item.fileRef(), item.bytes(), item.sha256());
  }

  /** What is wrong with {@code document} in {@code store}; empty if nothing. */
  public static Optional<Text> problem(MediaStore store, DocumentRef document) {
    checkNotNull(document, "document");
    return problem(store, document.fileRef(), document.bytes(), document.sha256());
  }

  private static Optional<Text> problem(MediaStore store, String ref, long bytes, String sha256) {
    checkNotNull(store, "store");
    Optional<StoredFile> found = store.find(ref);
    if (found.isEmpty()) {
      return Optional.of(Text.of("(" + ref + ") tidak ada di penyimpanan media",
          "(" + ref + ") is missing from the media store"));
    }
    if (found.get().bytes() != bytes || !found.get().sha256().equals(sha256)) {
      return Optional.of(Text.of("(" + ref + ") di penyimpanan media berbeda dari yang tercatat pada kasus",
          "(" + ref + ") in the media store differs from what the case records"));
    }
    // The store verifies the bytes against the hash as they are read: read them all.
    try (InputStream in = store.open(ref)) {
      byte[] buf = new byte[64 * 1024];
      while (in.read(buf) != -1) {
        // reading is the check
      }
    } catch (IOException e) {
      return Optional.of(Text.of("(" + ref + ") rusak atau tidak dapat dibaca: " + e.getMessage(),
          "(" + ref + ") is damaged or unreadable: " + e.getMessage()));
    }
    return Optional.empty();
  }
}
