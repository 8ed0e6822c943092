package id.go.kpu.jdih.server;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's OpenAPI 3.1 document as the tests read it: its operations, the operation a request is for, and
 * JSON Schema 2020-12 validators of the operations' request and response bodies. A schema is validated with the
 * whole document as its root, so that its {@code #/components/schemas/...} references resolve as in the document.
 */
final class OpenApiDoc {

  /** One operation: its method, path template, the template as a pattern, and its node in the document. */
  record Operation(String method, String template, Pattern pattern, JsonNode node) {
    /** Whether the operation documents {@code status}. */
    boolean documents(int status) {
      return node.path("responses").has(String.valueOf(status));
    }

    /** The names of its path parameters in order. */
    List<String> pathParameters() {
      List<String> names = new ArrayList<>();
      java.util.regex.Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }

    /** The media types of its request body (empty without one). */
    List<String> requestMediaTypes() {
      return node.path("requestBody").path("content").propertyNames().stream().toList();
    }

    /** Whether its operation declares no security requirement (a public operation). */
    boolean isPublic() {
      return node.has("security") && node.get("security").isEmpty();
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  private static final String BASE = "https://jdih.invalid/openapi";

  private final JsonNode document;
  private final List<Operation> operations;
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  OpenApiDoc(JsonNode document) {
    this.document = document;
    List<Operation> ops = new ArrayList<>();
    document.path("paths").properties().forEach(e -> e.getValue().properties().forEach(m -> {
      if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(m.getKey())) {
        String regex = "\\Q" + e.getKey().replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
        ops.add(new Operation(m.getKey().toUpperCase(java.util.Locale.ROOT), e.getKey(), Pattern.compile(regex),
            m.getValue()));
      }
    }));
    // Literal segments win over parameters, as in Spring MVC.
    ops.sort(Comparator.comparingInt((Operation o) -> o.pathParameters().size()).thenComparing(Operation::template));
    this.operations = List.copyOf(ops);
  }

  /** The document served by the server on {@code port}. */
  static OpenApiDoc of(int port) {
    return new OpenApiDoc(new Client(port).get("/api/v1/openapi.json").expect(200).json());
  }

  JsonNode document() {
    return document;
  }

  List<Operation> operations() {
    return operations;
  }

  /** The operation for {@code method} on {@code path} (a query is ignored). */
  Optional<Operation> find(String method, String path) {
    String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return operations.stream().filter(o -> o.method().equals(method) && o.pattern().matcher(p).matches())
        .findFirst();
  }

  /** The errors of {@code body} against the response schema of {@code op} for {@code status} and {@code mediaType}. */
  List<String> validateResponse(Operation op, int status, String mediaType, JsonNode body) {
    JsonNode content = op.node().path("responses").path(String.valueOf(status)).path("content");
    JsonNode media = content.path(mediaType);
    if (media.isMissingNode()) {
      return List.of("response media type " + mediaType + " is not documented for " + status + " (documented: "
          + content.propertyNames() + ")");
    }
    return validate(media.path("schema"), body);
  }

  /** The errors of {@code body} against the JSON request body schema of {@code op}. */
  List<String> validateRequest(Operation op, String mediaType, JsonNode body) {
    JsonNode content = op.node().path("requestBody").path("content");
    JsonNode media = content.path(mediaType);
    if (media.isMissingNode()) {
      return List.of("request media type " + mediaType + " is not documented (documented: "
          + content.propertyNames() + ")");
    }
    return validate(media.path("schema"), body);
  }

  private List<String> validate(JsonNode schemaNode, JsonNode body) {
    if (schemaNode.isMissingNode()) {
      return List.of("no schema");
    }
    Schema schema = schemas.computeIfAbsent(schemaNode.toString(), k -> {
      // The whole document is the root: the operation's schema keywords on top of it, so that every
      // #/components/schemas/... reference resolves inside the document (OpenAPI's own keys are no keywords).
      ObjectNode root = (ObjectNode) document.deepCopy();
      root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
      if (schemaNode.isObject()) {
        schemaNode.properties().forEach(e -> root.set(e.getKey(), e.getValue()));
      }
      return registry.getSchema(SchemaLocation.of(BASE + "/" + schemas.size() + ".json"), root);
    });
    List<Error> errors = schema.validate(body);
    return errors.stream().map(Error::toString).toList();
  }
}
