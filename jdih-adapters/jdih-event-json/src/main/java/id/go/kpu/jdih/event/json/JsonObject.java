package id.go.kpu.jdih.event.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.event.json.EventJsonException.Problem;
import id.go.kpu.jdih.i18n.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A JSON object being read strictly: it may hold only the fields it is opened with, and every getter names the
 * field's full path in its error. Absent and {@code null} are the same: empty for an optional field, missing for a
 * required one.
 */
final class JsonObject {

  private final JsonNode node;
  private final String path;

  private JsonObject(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** The root object, its fields checked later with {@link #allowOnly}. */
  static JsonObject wrap(JsonNode node) {
    return new JsonObject(node, "");
  }

  /** Opens {@code node} as an object whose fields are all in {@code fields}. */
  static JsonObject open(JsonNode node, String path, Set<String> fields) {
    if (node == null || !node.isObject()) {
      throw error(Problem.WRONG_TYPE, path, "objek JSON", "a JSON object", node);
    }
    JsonObject o = new JsonObject(node, path);
    o.allowOnly(fields);
    return o;
  }

  /** Fails on the first field not in {@code fields}. */
  void allowOnly(Set<String> fields) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name)) {
        throw new EventJsonException(Problem.UNKNOWN_FIELD, at(name), Text.of(
            "kolom yang dikenal di sini: " + fields, "the fields known here: " + fields));
      }
    }
  }

  String path() {
    return path;
  }

  String at(String name) {
    return EventWriter.join(path, name);
  }

  private JsonNode get(String name) {
    JsonNode n = node.get(name);
    return n == null || n.isNull() ? null : n;
  }

  private JsonNode require(String name) {
    JsonNode n = get(name);
    if (n == null) {
      throw new EventJsonException(Problem.MISSING_FIELD, at(name), null);
    }
    return n;
  }

  String string(String name) {
    return text(require(name), at(name));
  }

  Optional<String> optionalString(String name) {
    JsonNode n = get(name);
    return n == null ? Optional.empty() : Optional.of(text(n, at(name)));
  }

  long int64(String name) {
    JsonNode n = require(name);
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw error(Problem.WRONG_TYPE, at(name), "bilangan bulat 64 bit", "a 64-bit integer", n);
    }
    return n.longValue();
  }

  int int32(String name) {
    return int32(require(name), at(name));
  }

  OptionalInt optionalInt32(String name) {
    JsonNode n = get(name);
    return n == null ? OptionalInt.empty() : OptionalInt.of(int32(n, at(name)));
  }

  boolean bool(String name) {
    JsonNode n = require(name);
    if (!n.isBoolean()) {
      throw error(Problem.WRONG_TYPE, at(name), "true atau false", "true or false", n);
    }
    return n.booleanValue();
  }

  Optional<Instant> optionalInstant(String name) {
    return get(name) == null ? Optional.empty() : Optional.of(instant(name));
  }

  JsonObject object(String name, Set<String> fields) {
    return open(require(name), at(name), fields);
  }

  Optional<JsonObject> optionalObject(String name, Set<String> fields) {
    JsonNode n = get(name);
    return n == null ? Optional.empty() : Optional.of(open(n, at(name), fields));
  }

  <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    return parseEnum(require(name), at(name), type);
  }

  Instant instant(String name) {
    String s = string(name);
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw invalid(at(name), "bukan waktu ISO-8601 (UTC) seperti 2024-03-04T01:00:00Z: '" + s + "'",
          "not an ISO-8601 UTC instant like 2024-03-04T01:00:00Z: '" + s + "'", e);
    }
  }

  LocalDate date(String name) {
    return parseDate(string(name), at(name));
  }

  Optional<LocalDate> optionalDate(String name) {
    return optionalString(name).map(s -> parseDate(s, at(name)));
  }

  URI uri(String name) {
    String s = string(name);
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      throw invalid(at(name), "bukan URI: '" + s + "'", "not a URI: '" + s + "'", e);
    }
  }

  /** The elements of a required array, each read by {@code reader} with its path. */
  <T> ImmutableList<T> list(String name, BiFunction<JsonNode, String, T> reader) {
    JsonNode n = require(name);
    String p = at(name);
    if (!n.isArray()) {
      throw error(Problem.WRONG_TYPE, p, "larik JSON", "a JSON array", n);
    }
    ImmutableList.Builder<T> b = ImmutableList.builderWithExpectedSize(n.size());
    for (int i = 0; i < n.size(); i++) {
      b.add(reader.apply(n.get(i), p + "[" + i + "]"));
    }
    return b.build();
  }

  /** A required array read as a set in its order; a repeated element is refused, not silently dropped. */
  <T> ImmutableSet<T> set(String name, BiFunction<JsonNode, String, T> reader) {
    ImmutableList<T> list = list(name, reader);
    ImmutableSet<T> set = ImmutableSet.copyOf(list);
    if (set.size() != list.size()) {
      for (int i = 0; i < list.size(); i++) {
        if (list.indexOf(list.get(i)) != i) {
          throw invalid(at(name) + "[" + i + "]", "unsur himpunan berulang: " + list.get(i),
              "repeated set element: " + list.get(i), null);
        }
      }
    }
    return set;
  }

  /** The fields of a required object, in their order. */
  Iterator<Map.Entry<String, JsonNode>> entries(String name) {
    JsonNode n = require(name);
    if (!n.isObject()) {
      throw error(Problem.WRONG_TYPE, at(name), "objek JSON", "a JSON object", n);
    }
    return n.properties().iterator();
  }

  static String text(JsonNode n, String path) {
    if (n == null || n.isNull()) {
      throw new EventJsonException(Problem.MISSING_FIELD, path, null);
    }
    if (!n.isTextual()) {
      throw error(Problem.WRONG_TYPE, path, "teks", "a string", n);
    }
    return n.textValue();
  }

  static int int32(JsonNode n, String path) {
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw error(Problem.WRONG_TYPE, path, "bilangan bulat 32 bit", "a 32-bit integer", n);
    }
    return n.intValue();
  }

  static <E extends Enum<E>> E parseEnum(JsonNode n, String path, Class<E> type) {
    return parseEnum(text(n, path), path, type);
  }

  static <E extends Enum<E>> E parseEnum(String s, String path, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    StringBuilder names = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      names.append(names.length() == 0 ? "" : ", ").append(e.name());
    }
    throw invalid(path, "nama tidak dikenal '" + s + "' (yang sah: " + names + ")",
        "unknown name '" + s + "' (valid: " + names + ")", null);
  }

  private static LocalDate parseDate(String s, String path) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw invalid(path, "bukan tanggal ISO-8601 seperti 2024-03-04: '" + s + "'",
          "not an ISO-8601 date like 2024-03-04: '" + s + "'", e);
    }
  }

  static EventJsonException invalid(String path, String id, String en, Throwable cause) {
    return new EventJsonException(Problem.INVALID_VALUE, path, Text.of(id, en), cause);
  }

  private static EventJsonException error(Problem problem, String path, String wantedId, String wantedEn,
      JsonNode actual) {
    String kind = actual == null ? "null" : actual.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    return new EventJsonException(problem, path,
        Text.of("seharusnya " + wantedId + ", bukan " + kind, "expected " + wantedEn + ", not " + kind));
  }
}
