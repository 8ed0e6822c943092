package id.go.kpu.jdih.definition.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.InvalidDefinitionException;
import id.go.kpu.jdih.validation.Violation;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Translates Jackson's exceptions into {@link InvalidDefinitionException}s with a JSON path and a rule. */
final class JacksonProblems {

  private JacksonProblems() {}

  /** A problem found while parsing the text: malformed JSON, a duplicate key, trailing content. */
  static InvalidDefinitionException syntax(JsonProcessingException e) {
    String path = "";
    // JsonProcessingException#getProcessor(): the parser that failed, whose context still says where it was.
    if (e.getProcessor() instanceof JsonParser p) {
      path = contextPath(p.getParsingContext());
    }
    JsonLocation at = e.getLocation();
    String detail = e.getOriginalMessage();
    Text message = at == null || at.getLineNr() < 1
        ? Text.of("JSON tidak sah: %s", "malformed JSON: %s").format(detail)
        : Text.of("JSON tidak sah pada baris %s, kolom %s: %s", "malformed JSON at line %s, column %s: %s")
            .format(at.getLineNr(), at.getColumnNr(), detail);
    return single(path, "JsonSyntax", message, e);
  }

  /** A problem found while binding the parsed tree to the format's records. */
  static InvalidDefinitionException binding(JsonMappingException e) {
    String path = referencePath(e.getPath());
    if (e instanceof UnrecognizedPropertyException u) {
      // The exception's path ends with the unknown property itself.
      String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
          .map(String::valueOf).sorted().collect(Collectors.joining(", "));
      return single(path, "UnknownField", Text.of("kolom '%s' tidak dikenal; kolom yang dikenal: %s",
          "unknown field '%s'; known fields: %s").format(u.getPropertyName(), known), e);
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()
        && f.getValue() instanceof String value) {
      return single(path, "UnknownValue", Text.of("nilai '%s' tidak dikenal; pilihan: %s",
          "unknown value '%s'; allowed: %s").format(value, enumValues(f.getTargetType())), e);
    }
    if (e.getCause() instanceof InputCoercionException) {
      return single(path, "Type", Text.of("bilangan di luar jangkauan (%s sampai %s)",
          "number out of range (%s to %s)").format(Integer.MIN_VALUE, Integer.MAX_VALUE), e);
    }
    Class<?> expected = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (expected == null) {
      return single(path, "Type", Text.of("jenis nilai salah: %s", "wrong type of value: %s")
          .format(e.getOriginalMessage()), e);
    }
    Text what = describe(expected);
    return single(path, "Type",
        Text.of("jenis nilai salah: seharusnya " + what.id(), "wrong type of value: expected " + what.en()), e);
  }

  static InvalidDefinitionException single(String path, String rule, Text message, Throwable cause) {
    return new InvalidDefinitionException(ImmutableList.of(new Violation(path, rule, message)), cause);
  }

  private static Text describe(Class<?> type) {
    if (type == String.class) {
      return Text.of("teks (string JSON)", "text (a JSON string)");
    }
    if (type == Integer.class || type == int.class) {
      return Text.of("bilangan bulat", "a whole number");
    }
    if (type == Boolean.class || type == boolean.class) {
      return Text.of("true atau false", "true or false");
    }
    if (type.isEnum()) {
      return Text.of("salah satu dari: %s", "one of: %s").format(enumValues(type));
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return Text.of("daftar (array JSON)", "a list (a JSON array)");
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return Text.of("objek JSON", "a JSON object");
    }
    return Text.of(type.getSimpleName(), type.getSimpleName());
  }

  private static String enumValues(Class<?> type) {
    return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
  }

  // ---- paths ----

  // Renders JsonMappingException#getPath(): "the full structural path ... down to the problematic property", one
  // reference per level, each with a field name or, for an array element, an index.
  private static String referencePath(List<JsonMappingException.Reference> references) {
    PathBuilder path = new PathBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getIndex() >= 0) {
        path.index(r.getIndex());
      } else if (r.getFieldName() != null) {
        path.field(r.getFieldName());
      }
    }
    return path.toString();
  }

  // Renders the parser's context chain: each object level knows the field it is in, each array level its index.
  private static String contextPath(JsonStreamContext context) {
    Deque<JsonStreamContext> levels = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      levels.push(c);
    }
    PathBuilder path = new PathBuilder();
    for (JsonStreamContext c : levels) {
      if (c.inArray()) {
        path.index(Math.max(c.getCurrentIndex(), 0));
      } else if (c.getCurrentName() != null) {
        path.field(c.getCurrentName());
      }
    }
    return path.toString();
  }

  /** Builds {@code a.b[2].c}; the keys of {@code flow.transitions} are written {@code [2]}, as the core does. */
  private static final class PathBuilder {
    private final StringBuilder sb = new StringBuilder();

    void field(String name) {
      if (sb.toString().equals("flow.transitions")) {
        sb.append('[').append(name).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(name);
      }
    }

    void index(int index) {
      sb.append('[').append(index).append(']');
    }

    @Override
    public String toString() {
      return sb.toString();
    }
  }
}
