package id.go.kpu.jdih.benchmarks.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The load generator's JSON: one shared, thread-safe mapper. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parsed body, or empty if it is not JSON. */
  static Optional<JsonNode> read(String body) {
    try {
      return Optional.of(MAPPER.readTree(body));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** The text of field {@code name}, or empty if the body is not a JSON object with that text field. */
  static Optional<String> text(String body, String name) {
    return read(body).map(n -> n.get(name)).filter(JsonNode::isTextual).map(JsonNode::asText);
  }
}
