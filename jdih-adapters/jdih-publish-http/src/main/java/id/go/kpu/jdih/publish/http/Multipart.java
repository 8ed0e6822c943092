package id.go.kpu.jdih.publish.http;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body (RFC 7578), for media uploads. Not thread-safe while built. */
public final class Multipart {

  private final String boundary = "jdih-" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** An empty body. */
  public Multipart() {}

  /** Adds a text field. */
  public Multipart field(String name, String value) {
    checkNotNull(value, "value");
    head(name, null, "text/plain; charset=UTF-8");
    out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(CRLF);
    return this;
  }

  /** Adds a file. */
  public Multipart file(String name, String fileName, String contentType, byte[] content) {
    checkNotNull(content, "content");
    head(name, checkNotNull(fileName, "fileName"), checkNotNull(contentType, "contentType"));
    out.writeBytes(content);
    out.writeBytes(CRLF);
    return this;
  }

  /** The {@code Content-Type} header value, with the boundary. */
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The body, closed with the final boundary. */
  public byte[] bytes() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(out.toByteArray());
    all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return all.toByteArray();
  }

  private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

  private void head(String name, String fileName, String contentType) {
    checkNotNull(name, "name");
    StringBuilder h = new StringBuilder("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(quote(name)).append('"');
    if (fileName != null) {
      h.append("; filename=\"").append(quote(fileName)).append('"');
    }
    h.append("\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
    out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String quote(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
  }
}
