package id.go.kpu.jdih.runtime;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * A document as the uploader sends it, e.g. the meeting's minutes: its name, type and bytes. The runtime stores it
 * only once the command that refers to it is accepted.
 */
public final class DocumentUpload {

  /** The largest document accepted: 25 MiB. */
  public static final int MAX_BYTES = 25 * 1024 * 1024;

  private final String name;
  private final String mediaType;
  private final byte[] content;

  private DocumentUpload(String name, String mediaType, byte[] content) {
    this.name = checkNotNull(name, "name");
    checkArgument(!name.isBlank() && name.length() <= 255, "a document name must have 1 to 255 characters");
    this.mediaType = checkNotNull(mediaType, "mediaType");
    checkNotNull(content, "content");
    checkArgument(content.length > 0 && content.length <= MAX_BYTES, "a document must have 1 to %s bytes: %s",
        MAX_BYTES, content.length);
    this.content = content.clone();
  }

  /**
   * A document.
   *
   * @param name the name shown to people, e.g. {@code notulen-rapat-2024-03-01.pdf}
   * @param mediaType e.g. {@code application/pdf}
   * @param content the file's bytes (copied)
   */
  public static DocumentUpload of(String name, String mediaType, byte[] content) {
    return new DocumentUpload(name, mediaType, content);
  }

  /** The name shown to people. */
  public String name() {
    return name;
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

  @Override
  public String toString() {
    return "DocumentUpload[" + name + ", " + mediaType + ", " + content.length + " bytes]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DocumentUpload u && name.equals(u.name) && mediaType.equals(u.mediaType)
        && Arrays.equals(content, u.content);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(content) + name.hashCode() + mediaType.hashCode();
  }
}
