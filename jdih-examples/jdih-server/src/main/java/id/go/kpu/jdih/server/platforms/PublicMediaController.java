package id.go.kpu.jdih.server.platforms;

import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.media.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The design images the Graph APIs fetch: {@code GET /public-media/<sha256:hex>?exp=..&sig=..}, with no login but a
 * valid, unexpired signature (see {@link SignedMediaUrls}); images only, with their stored content type. Anything
 * else is 404, whether the file exists or not.
 */
@RestController
public class PublicMediaController {

  private final SignedMediaUrls urls;
  private final MediaStore media;

  PublicMediaController(SignedMediaUrls urls, MediaStore media) {
    this.urls = urls;
    this.media = media;
  }

  /** The image, if the signature is valid. */
  @GetMapping(path = SignedMediaUrls.PATH + "{ref}", produces = MediaType.ALL_VALUE)
  public ResponseEntity<byte[]> image(@PathVariable String ref, @RequestParam(required = false) String exp,
      @RequestParam(required = false) String sig) throws IOException {
    if (!urls.valid(ref, exp, sig)) {
      return ResponseEntity.notFound().build();
    }
    Optional<StoredFile> file = media.find(ref).filter(f -> f.mediaType().startsWith("image/"));
    if (file.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    try (InputStream in = media.open(ref)) {
      return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.get().mediaType()))
          .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
          .header("X-Content-Type-Options", "nosniff")
          .body(in.readAllBytes());
    }
  }
}
