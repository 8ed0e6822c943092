package id.go.kpu.jdih.publish.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * A platform's answer, with every credential scrubbed from the body.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body as text, scrubbed
 * @param json the body as JSON, or a {@link MissingNode} if it is not JSON
 */
public record ApiResponse(int status, HttpHeaders headers, String body, JsonNode json) {

  /** True for 2xx. */
  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The first value of header {@code name} (case-insensitive). */
  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /** The text at {@code path} (a JSON pointer such as {@code /data/id}), if it is present and not null. */
  public Optional<String> text(String pointer) {
    JsonNode n = json.at(pointer);
    return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n.asText());
  }
}
