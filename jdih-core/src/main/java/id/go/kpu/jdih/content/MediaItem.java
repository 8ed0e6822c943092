package id.go.kpu.jdih.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * One media file of a content design (an image of a post or of a carousel), as stored in a media store.
 *
 * @param fileRef the media store's reference to the stored file
 * @param mediaType the MIME type, e.g. {@code image/jpeg}
 * @param width the width in pixels
 * @param height the height in pixels
 * @param bytes the size in bytes
 * @param sha256 the SHA-256 of the file's bytes, 64 lower-case hex digits
 */
public record MediaItem(
    @NotBlank String fileRef,
    @NotBlank @Pattern(regexp = "[a-z]+/[a-z0-9.+-]+", message = "MIME type") String mediaType,
    @Positive int width,
    @Positive int height,
    @Positive long bytes,
    @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "SHA-256 hex") String sha256) {

  /** Width divided by height. */
  public double aspectRatio() {
    return (double) width / height;
  }
}
