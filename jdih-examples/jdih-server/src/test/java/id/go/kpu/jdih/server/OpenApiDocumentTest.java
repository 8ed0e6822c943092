package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document the server serves is the one committed as {@code jdih-examples/jdih-server/openapi.json}.
 *
 * <p>To regenerate the committed file after changing the API (or after a merge that added controllers), run from
 * the repository root:
 *
 * <pre>
 * mvn -B -o -q verify -pl jdih-examples/jdih-server -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -Djdih.openapi.write=true
 * </pre>
 *
 * <p>then review the diff of {@code openapi.json} and commit it. The file is pretty-printed with every object's
 * keys sorted, so that its diffs show only what changed.
 */
class OpenApiDocumentTest extends ServerTestSupport {

  /** The committed document, relative to the module (Surefire runs in the module's folder). */
  static final Path COMMITTED = Path.of("openapi.json");

  static final String REGENERATE = "mvn -B -o -q verify -pl jdih-examples/jdih-server -Dtest=OpenApiDocumentTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Djdih.openapi.write=true";

  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Test
  void theServedDocumentIsTheCommittedOne() throws IOException {
    Client.Response r = new Client(port).get("/api/v1/openapi.json").expect(200);
    assertThat(r.header("Content-Type").orElse("")).startsWith("application/json");
    String served = canonical(r.json());
    if (Boolean.getBoolean("jdih.openapi.write")) {
      Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(COMMITTED)) {
      fail("No committed OpenAPI document at %s; create it with:%n  %s", COMMITTED.toAbsolutePath(), REGENERATE);
    }
    String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
    if (!committed.equals(served)) {
      fail("The served OpenAPI document differs from the committed %s (first difference at line %s)."
          + " If the API changed on purpose, regenerate the file and commit it:%n  %s",
          COMMITTED, firstDifference(committed, served), REGENERATE);
    }
  }

  /** {@code node} pretty-printed with every object's keys sorted, ending with a newline. */
  static String canonical(JsonNode node) {
    return PRETTY.writeValueAsString(sorted(node)).replace("\r\n", "\n") + "\n";
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = PRETTY.createObjectNode();
      List<String> names = new ArrayList<>(node.propertyNames());
      Collections.sort(names);
      for (String name : names) {
        out.set(name, sorted(node.get(name)));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = PRETTY.createArrayNode();
      node.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return node;
  }

  private static int firstDifference(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (!x[i].equals(y[i])) {
        return i + 1;
      }
    }
    return Math.min(x.length, y.length) + 1;
  }
}
