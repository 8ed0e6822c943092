package id.go.kpu.jdih.publish.http;

import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.PlatformCallException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads a design's bytes from the {@link MediaStore} for the adapters that upload them (X, Telegram). */
public final class MediaFiles {

  private MediaFiles() {}

  /**
   * The bytes of {@code item}, verified against its hash by the store.
   *
   * @param store the media store
   * @param item the item
   * @return its bytes
   * @throws PlatformCallException {@link FailureKind#REJECTED} if the store does not have it,
   *     {@link FailureKind#NOT_SENT} if it cannot be read now
   */
  public static byte[] read(MediaStore store, MediaItem item) {
    if (store.find(item.fileRef()).isEmpty()) {
      throw new PlatformCallException(FailureKind.REJECTED, "MEDIA-MISSING", Text.of(
          "Berkas desain %s tidak ada di penyimpanan media", "The design file %s is not in the media store")
          .format(item.fileRef()));
    }
    try (InputStream in = store.open(item.fileRef())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new PlatformCallException(FailureKind.NOT_SENT, "MEDIA-READ", Text.of(
          "Berkas desain %s tidak dapat dibaca: %s", "The design file %s cannot be read: %s")
          .format(item.fileRef(), e.getMessage()), Optional.empty(), e);
    }
  }

  /** A file name for an upload: the item's hash prefix with the extension of its type. */
  public static String fileName(MediaItem item) {
    String ext = switch (item.mediaType()) {
      case "image/png" -> ".png";
      case "image/gif" -> ".gif";
      case "image/webp" -> ".webp";
      default -> ".jpg";
    };
    return item.sha256().substring(0, 16) + ext;
  }
}
