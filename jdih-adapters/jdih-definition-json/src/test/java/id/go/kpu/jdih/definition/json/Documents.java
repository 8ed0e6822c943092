package id.go.kpu.jdih.definition.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.kpu.jdih.sop.InvalidDefinitionException;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.validation.Violation;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Test documents: the reference definition's JSON, edited as a tree. */
final class Documents {

  static final SopDefinitionJson JSON = new SopDefinitionJson();
  private static final ObjectMapper TREES = new ObjectMapper();

  private Documents() {}

  /** The reference definition as written by {@link SopDefinitionJson}. */
  static String reference() {
    return JSON.write(ReferenceSop.definition());
  }

  /** The reference document after {@code edit}. */
  static String edited(Consumer<ObjectNode> edit) {
    try {
      ObjectNode root = (ObjectNode) TREES.readTree(reference());
      edit.accept(root);
      return TREES.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The object at a JSON pointer such as {@code /activities/2/quality}. */
  static ObjectNode at(ObjectNode root, String pointer) {
    JsonNode node = root.at(pointer);
    assertThat(node.isObject()).as("object at %s", pointer).isTrue();
    return (ObjectNode) node;
  }

  /** The violations reading {@code json} fails with; fails the test if it is read. */
  static List<Violation> violations(String json) {
    InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class, () -> JSON.read(json));
    assertThat(e).as("expected the document to be refused").isNotNull();
    assertThat(e.code()).isEqualTo("JDIH-DEF-001");
    return e.violations();
  }

  /** {@code path rule; path rule; ...} of the violations reading {@code json} fails with. */
  static String pathsAndRules(String json) {
    return violations(json).stream().map(v -> v.path() + " " + v.rule()).collect(Collectors.joining("; "));
  }
}
