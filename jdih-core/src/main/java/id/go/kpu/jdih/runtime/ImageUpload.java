package id.go.kpu.jdih.runtime;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * One image of a design as the uploader sends it: its bytes, type and pixel size (the caller reads the size, as
 * core reads no image formats). The runtime stores it only once the design command is accepted.
 */
public final class ImageUpload {

  /** The largest image accepted: 16 MiB (every platform's own limit is lower). */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  private final String mediaType;
  private final byte[] content;
  private final int width;
  private final int height;

  private ImageUpload(String mediaType, byte[] content, int width, int height) {
    this.mediaType = checkNotNull(mediaType, "mediaType");
    checkNotNull(content, "content");
    checkArgument(content.length > 0 && content.length <= MAX_BYTES, "an image must have 1 to %s bytes: %s",
        MAX_BYTES, content.length);
    checkArgument(width > 0 && height > 0, "width and height must be positive: %sx%s", width, height);
    this.content = content.clone();
    this.width = width;
    this.height = height;
  }

  /**
   * An image.
   *
   * @param mediaType e.g. {@code image/jpeg}
   * @param content the file's bytes (copied)
   * @param width the width in pixels
   * @param height the height in pixels
   */
  public static ImageUpload of(String mediaType, byte[] content, int width, int height) {
    return new ImageUpload(mediaType, content, width, height);
  }

  /** The MIME type. */
  public String mediaType() {
    return mediaType;
  }

  /** A copy of the bytes. */
  public byte[] content() {
    return content.clone();
  }

  byte[] bytes() {
    return content;
  }

  /** The width in pixels. */
  public int width() {
    return width;
  }

  /** The height in pixels. */
  public int height() {
    return height;
  }

  @Override
  public String toString() {
    return "ImageUpload[" + mediaType + ", " + width + "x" + height + ", " + content.length + " bytes]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageUpload u && mediaType.equals(u.mediaType) && width == u.width && height == u.height
        && Arrays.equals(content, u.content);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(content) + mediaType.hashCode() + 7 * width + height;
  }
}
