package id.go.kpu.jdih.event.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.event.json.EventJsonException.Problem;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.workflow.Person;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** What the codecs of stored records (outbox intents, notifications) share: a strict mapper and small parts. */
final class StoredJson {

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  static final Set<String> PERSON = ImmutableSet.of("nip", "name", "roles");
  static final Set<String> TEXT = ImmutableSet.of("id", "en");
  static final Set<String> MEDIA = ImmutableSet.of("fileRef", "mediaType", "width", "height", "bytes", "sha256");

  private StoredJson() {}

  /** Parses {@code json} into one object and reads it with {@code reader}; every problem is about {@code subject}. */
  static <T> T read(String json, Text subject, int version, Function<JsonObject, T> reader) {
    try {
      JsonNode root;
      try {
        root = MAPPER.readTree(json);
      } catch (JsonProcessingException e) {
        String detail = e.getOriginalMessage();
        throw new EventJsonException(Problem.MALFORMED, "", Text.of(detail, detail), e);
      }
      if (root == null || !root.isObject()) {
        throw new EventJsonException(Problem.MALFORMED, "", Text.of("harus satu objek JSON", "must be one JSON object"));
      }
      JsonNode v = root.get("v");
      if (v == null || v.isNull()) {
        throw new EventJsonException(Problem.MISSING_FIELD, "v", Text.of("versi format", "the format version"));
      }
      if (!v.isIntegralNumber() || v.intValue() != version) {
        throw new EventJsonException(Problem.UNSUPPORTED_VERSION, "v", Text.of(
            "versi " + v + ", pembaca ini mengenal versi " + version,
            "version " + v + ", this reader knows version " + version));
      }
      return reader.apply(JsonObject.wrap(root));
    } catch (EventJsonException e) {
      throw e.about(subject);
    }
  }

  static String write(ObjectNode o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing a JSON tree failed", e); // cannot happen for a tree
    }
  }

  static void person(ObjectNode o, Person p) {
    o.put("nip", p.nip().value()).put("name", p.name());
    ArrayNode roles = o.putArray("roles");
    p.roles().stream().map(RoleId::value).sorted().forEach(roles::add);
  }

  static Person person(JsonObject o) {
    Nip nip = construct(o.at("nip"), () -> Nip.of(o.string("nip")));
    String name = o.string("name");
    ImmutableSet<RoleId> roles = o.set("roles", (n, p) -> construct(p, () -> RoleId.of(JsonObject.text(n, p))));
    return construct(o.path(), () -> new Person(nip, name, roles));
  }

  static void text(ObjectNode o, Text t) {
    o.put("id", t.id()).put("en", t.en());
  }

  static Text text(JsonObject o) {
    return Text.of(o.string("id"), o.string("en"));
  }

  static void media(ObjectNode o, MediaItem m) {
    o.put("fileRef", m.fileRef()).put("mediaType", m.mediaType()).put("width", m.width()).put("height", m.height())
        .put("bytes", m.bytes()).put("sha256", m.sha256());
  }

  static MediaItem media(JsonObject o) {
    return new MediaItem(o.string("fileRef"), o.string("mediaType"), o.int32("width"), o.int32("height"),
        o.int64("bytes"), o.string("sha256"));
  }

  /** Runs a domain constructor, reporting what it refuses as an invalid value at {@code path}. */
  static <T> T construct(String path, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw JsonObject.invalid(path, String.valueOf(e.getMessage()), String.valueOf(e.getMessage()), e);
    } catch (EventJsonException e) {
      throw e;
    } catch (JdihException e) {
      // e.g. an invalid contact address: the domain's message, which masks the address
      throw JsonObject.invalid(path, e.message(Language.ID), e.message(Language.EN), e);
    }
  }
}
