package id.go.kpu.jdih.archive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.archive.ArchiveException.Problem;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The bundle's {@code manifest.json} (format {@value #FORMAT}): the definitions, the cases with their hash-chain
 * heads, the media with their references, and every other entry with its SHA-256 and size. The writer produces it in
 * exactly one way (fields in a fixed order, two-space indents, {@code \n} line ends), and the reader rebuilds it from
 * what it verified and requires the same bytes, so no byte of the manifest can change unnoticed.
 */
record Manifest(ImmutableList<Definition> definitions, ImmutableList<Case> cases, ImmutableList<Media> media,
    ImmutableList<File> files) {

  static final String FORMAT = "jdih-archive/1";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // a repeated field is an error, not "last one wins"
      .build();
  private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** A definition file. */
  record Definition(SopKey key, String entry) {}

  /** A case's events file with what the reader checks it against. */
  record Case(CaseId id, SopKey sop, CaseStatus status, long events, String head, String entry) {}

  /** A media file and the reference the cases' events hold for it. */
  record Media(String ref, String mediaType, long bytes, String sha256, String entry) {}

  /** An entry other than the manifest, with its size and SHA-256. */
  record File(String name, long bytes, String sha256) {}

  // ---- writing ----

  /** The manifest as UTF-8 JSON, ending with a line end; the same manifest always gives the same bytes. */
  byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator(""))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(printer);
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeArrayFieldStart("definitions");
      for (Definition d : definitions) {
        g.writeStartObject();
        writeKey(g, "key", d.key());
        g.writeStringField("entry", d.entry());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("cases");
      for (Case c : cases) {
        g.writeStartObject();
        g.writeStringField("id", c.id().value());
        writeKey(g, "sop", c.sop());
        g.writeStringField("status", c.status().name());
        g.writeNumberField("events", c.events());
        g.writeStringField("head", c.head());
        g.writeStringField("entry", c.entry());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("media");
      for (Media m : media) {
        g.writeStartObject();
        g.writeStringField("ref", m.ref());
        g.writeStringField("mediaType", m.mediaType());
        g.writeNumberField("bytes", m.bytes());
        g.writeStringField("sha256", m.sha256());
        g.writeStringField("entry", m.entry());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("files");
      for (File f : files) {
        g.writeStartObject();
        g.writeStringField("name", f.name());
        g.writeNumberField("bytes", f.bytes());
        g.writeStringField("sha256", f.sha256());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e); // cannot happen
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static void writeKey(JsonGenerator g, String field, SopKey key) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("officeId", key.officeId());
    g.writeStringField("number", key.number());
    g.writeNumberField("revision", key.revision());
    g.writeEndObject();
  }

  // ---- reading ----

  /**
   * Reads a manifest. Checks its shape and the form of each value; whether it matches the bundle is the reader's
   * business.
   *
   * @throws ArchiveException {@code INVALID_MANIFEST}
   */
  static Manifest parse(byte[] bytes) {
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw invalid("JSON tidak sah: " + e.getOriginalMessage(), "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid("JSON tidak dapat dibaca: " + e.getMessage(), "unreadable JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw invalid("bukan objek JSON", "not a JSON object");
    }
    fields(root, "", "format", "definitions", "cases", "media", "files");
    if (!FORMAT.equals(text(root, "", "format"))) {
      throw invalid("format harus '" + FORMAT + "'", "format must be '" + FORMAT + "'");
    }
    ImmutableList.Builder<Definition> definitions = ImmutableList.builder();
    int i = 0;
    for (JsonNode n : array(root, "definitions")) {
      String at = "definitions[" + i++ + "]";
      fields(n, at, "key", "entry");
      definitions.add(new Definition(key(n.get("key"), at + ".key"), text(n, at, "entry")));
    }
    ImmutableList.Builder<Case> cases = ImmutableList.builder();
    i = 0;
    for (JsonNode n : array(root, "cases")) {
      String at = "cases[" + i++ + "]";
      fields(n, at, "id", "sop", "status", "events", "head", "entry");
      CaseId id;
      CaseStatus status;
      try {
        id = CaseId.of(text(n, at, "id"));
        status = CaseStatus.valueOf(text(n, at, "status"));
      } catch (IllegalArgumentException e) {
        throw invalid(at + ": " + e.getMessage(), at + ": " + e.getMessage());
      }
      cases.add(new Case(id, key(n.get("sop"), at + ".sop"), status, number(n, at, "events", 1),
          sha256(n, at, "head"), text(n, at, "entry")));
    }
    ImmutableList.Builder<Media> media = ImmutableList.builder();
    i = 0;
    for (JsonNode n : array(root, "media")) {
      String at = "media[" + i++ + "]";
      fields(n, at, "ref", "mediaType", "bytes", "sha256", "entry");
      media.add(new Media(text(n, at, "ref"), text(n, at, "mediaType"), number(n, at, "bytes", 0),
          sha256(n, at, "sha256"), text(n, at, "entry")));
    }
    ImmutableList.Builder<File> files = ImmutableList.builder();
    i = 0;
    for (JsonNode n : array(root, "files")) {
      String at = "files[" + i++ + "]";
      fields(n, at, "name", "bytes", "sha256");
      files.add(new File(text(n, at, "name"), number(n, at, "bytes", 0), sha256(n, at, "sha256")));
    }
    return new Manifest(definitions.build(), cases.build(), media.build(), files.build());
  }

  private static void fields(JsonNode node, String at, String... expected) {
    if (node == null || !node.isObject()) {
      throw invalid(at + ": bukan objek", at + ": not an object");
    }
    Set<String> actual = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      actual.add(it.next());
    }
    Set<String> wanted = new TreeSet<>(ImmutableSet.copyOf(expected));
    if (!actual.equals(wanted)) {
      throw invalid(where(at) + "kolom " + actual + ", seharusnya " + wanted,
          where(at) + "fields " + actual + ", expected " + wanted);
    }
  }

  private static String where(String at) {
    return at.isEmpty() ? "" : at + ": ";
  }

  private static Iterable<JsonNode> array(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (!n.isArray()) {
      throw invalid(field + ": bukan larik", field + ": not an array");
    }
    return n;
  }

  private static String text(JsonNode node, String at, String field) {
    JsonNode n = node.get(field);
    if (n == null || !n.isTextual()) {
      throw invalid(where(at) + field + ": bukan teks", where(at) + field + ": not a string");
    }
    return n.textValue();
  }

  private static long number(JsonNode node, String at, String field, long min) {
    JsonNode n = node.get(field);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < min) {
      throw invalid(where(at) + field + ": bukan bilangan bulat >= " + min,
          where(at) + field + ": not a whole number >= " + min);
    }
    return n.longValue();
  }

  private static String sha256(JsonNode node, String at, String field) {
    String s = text(node, at, field);
    if (!SHA256.matcher(s).matches()) {
      throw invalid(where(at) + field + ": bukan 64 digit heksadesimal kecil",
          where(at) + field + ": not 64 lower-case hex digits");
    }
    return s;
  }

  private static SopKey key(JsonNode n, String at) {
    fields(n, at, "officeId", "number", "revision");
    long revision = number(n, at, "revision", 0);
    try {
      return new SopKey(text(n, at, "officeId"), text(n, at, "number"), Math.toIntExact(revision));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw invalid(at + ": " + e.getMessage(), at + ": " + e.getMessage());
    }
  }

  private static ArchiveException invalid(String id, String en) {
    return new ArchiveException(Problem.INVALID_MANIFEST, EntryNames.MANIFEST, Text.of(id, en));
  }
}
