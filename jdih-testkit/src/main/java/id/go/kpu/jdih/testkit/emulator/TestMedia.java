package id.go.kpu.jdih.testkit.emulator;

import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.media.StoredFile;
import id.go.kpu.jdih.publish.PublicMediaUrls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Media for adapter tests: a store that has every {@code sha256:} file, and public addresses for them. */
public final class TestMedia {

  private TestMedia() {}

  /** Public addresses under {@code https://media.kpu-mentawai.invalid/}. */
  public static final PublicMediaUrls URLS = item -> URI.create("https://media.kpu-mentawai.invalid/"
      + item.sha256() + ".jpg");

  /** A read-only store holding a small JPEG-looking file for every {@code sha256:} reference. */
  public static final MediaStore STORE = new MediaStore() {
    @Override
    public StoredFile put(InputStream content, String mediaType) throws IOException {
      throw new IOException("read-only test store");
    }

    @Override
    public Optional<StoredFile> find(String ref) {
      return ref.startsWith("sha256:") ? Optional.of(new StoredFile(ref, "image/jpeg", bytes(ref).length,
          ref.substring(7))) : Optional.empty();
    }

    @Override
    public InputStream open(String ref) throws IOException {
      if (!ref.startsWith("sha256:")) {
        throw new IOException("no such file");
      }
      return new ByteArrayInputStream(bytes(ref));
    }
  };

  /** The bytes the store holds for {@code ref}: a JPEG start marker and the reference. */
  public static byte[] bytes(String ref) {
    byte[] text = ref.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[text.length + 2];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xD8;
    System.arraycopy(text, 0, out, 2, text.length);
    return out;
  }

  /** The bytes of {@code item}. */
  public static byte[] bytes(MediaItem item) {
    return bytes(item.fileRef());
  }
}
