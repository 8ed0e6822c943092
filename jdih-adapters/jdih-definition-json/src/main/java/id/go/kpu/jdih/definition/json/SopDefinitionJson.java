package id.go.kpu.jdih.definition.json;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.InvalidDefinitionException;
import id.go.kpu.jdih.sop.SopDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Reads and writes {@link SopDefinition}s in the JSON format {@value #FORMAT}, described in the
 * {@linkplain id.go.kpu.jdih.definition.json package documentation}.
 *
 * <p>Reading either returns a complete, valid definition or throws one {@link InvalidDefinitionException} (code
 * {@code JDIH-DEF-001}) whose violations name the JSON path and the rule of each problem, in Indonesian and English;
 * a file or stream that cannot be read at all throws a {@link DefinitionIoException} (code {@code JDIH-JSON-001}).
 * Problems with the shape of the JSON (malformed text, a wrong or missing {@code format} marker, an unknown field, a
 * value of the wrong type or an unknown enum value) stop the read at the first one; every other problem (missing or
 * blank fields, null list elements, bad dates, and all of the core's rules) is listed at once.
 *
 * <p>Writing is pretty-printed UTF-8 with two-space indents, {@code \n} line ends and a final line end, fields in
 * the documented order and transitions in activity order, so the same definition always gives the same bytes.
 *
 * <p>Thread-safe: create one and share it.
 */
public final class SopDefinitionJson {

  /** The value of the {@code format} field this class reads and writes. */
  public static final String FORMAT = "jdih-sop-definition/1";

  private final ObjectMapper mapper;
  private final ObjectReader dtoReader;
  private final ObjectWriter writer;

  /** A reader and writer of the format. Building one is relatively costly; reuse it. */
  public SopDefinitionJson() {
    JsonFactory factory = JsonFactory.builder()
        // The caller owns the Reader/Writer it passes in: do not close it (both features default to true).
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        // A key written twice is an error rather than "last one wins".
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.mapper = JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // Content after the document's object is an error; readTree() honours this feature too.
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // No silent conversions: "3" is not a number, 3.5 is not a whole number, 3 is not an enum constant, 12
        // and true are not texts. ALLOW_COERCION_OF_SCALARS covers the number and boolean targets; text targets
        // have their own coercion configuration.
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .withCoercionConfig(LogicalType.Textual, c -> c
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .build();
    this.dtoReader = mapper.readerFor(Dto.Definition.class);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    // DefaultPrettyPrinter is Instantiatable: the ObjectWriter takes a fresh copy for each document, so sharing
    // this one across threads is safe.
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator(""))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    this.writer = mapper.writer(printer);
  }

  // ---- reading ----

  /**
   * Reads a definition from JSON text.
   *
   * @throws InvalidDefinitionException if the text is not a valid definition in this format
   */
  public SopDefinition read(String json) {
    requireNonNull(json, "json");
    return read(new StringReader(json));
  }

  /**
   * Reads a definition from {@code reader}, to its end. Does not close it.
   *
   * @throws InvalidDefinitionException if the content is not a valid definition in this format
   * @throws DefinitionIoException if the reader fails
   */
  public SopDefinition read(Reader reader) {
    requireNonNull(reader, "reader");
    return fromTree(tree(() -> mapper.readTree(reader), null));
  }

  /**
   * Reads a definition from {@code in}, to its end, for example a class-path resource. The bytes should be UTF-8
   * (Jackson also detects UTF-16 and UTF-32 and skips a byte-order mark). Does not close the stream.
   *
   * @throws InvalidDefinitionException if the content is not a valid definition in this format
   * @throws DefinitionIoException if the stream fails
   */
  public SopDefinition read(InputStream in) {
    requireNonNull(in, "in");
    return fromTree(tree(() -> mapper.readTree(in), null));
  }

  /**
   * Reads a definition from a UTF-8 file.
   *
   * @throws InvalidDefinitionException if the content is not a valid definition in this format
   * @throws DefinitionIoException if the file cannot be read (missing, a folder, no permission, ...)
   */
  public SopDefinition read(Path file) {
    requireNonNull(file, "file");
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = tree(() -> mapper.readTree(in), file);
    } catch (IOException e) {
      throw DefinitionIoException.reading(file, e);
    }
    return fromTree(root);
  }

  private interface TreeSource {
    JsonNode read() throws IOException;
  }

  private static JsonNode tree(TreeSource source, Path file) {
    try {
      return source.read();
    } catch (JsonProcessingException e) {
      // Before the plain IOException: Jackson's parse errors are IOExceptions too.
      throw JacksonProblems.syntax(e);
    } catch (IOException e) {
      throw DefinitionIoException.reading(file, e);
    }
  }

  private SopDefinition fromTree(JsonNode root) {
    // ObjectMapper#readTree gives a MissingNode (null before Jackson 2.10) when the input holds no content at all.
    if (root == null || root.isMissingNode()) {
      throw JacksonProblems.single("", "JsonSyntax", Text.of("dokumen kosong", "the document is empty"), null);
    }
    if (!root.isObject()) {
      throw JacksonProblems.single("", "Type",
          Text.of("dokumen harus berupa objek JSON", "the document must be a JSON object"), null);
    }
    // The marker is checked before anything else: a document in another format would otherwise be reported as a
    // pile of unknown fields.
    JsonNode format = root.get("format");
    if (format == null || format.isNull()) {
      throw JacksonProblems.single("format", "Format", Text.of(
          "penanda format wajib diisi: \"format\": \"%s\"", "the format marker is required: \"format\": \"%s\"")
          .format(FORMAT), null);
    }
    if (!format.isTextual() || !format.textValue().equals(FORMAT)) {
      throw JacksonProblems.single("format", "Format", Text.of(
          "format %s tidak didukung; yang didukung: \"%s\"", "unsupported format %s; supported: \"%s\"")
          .format(format.toString(), FORMAT), null);
    }
    Dto.Definition dto;
    try {
      dto = dtoReader.readValue(root);
    } catch (com.fasterxml.jackson.databind.exc.InvalidDefinitionException e) {
      // Jackson could not handle the format's own records: a bug here, not a problem of the input.
      throw new IllegalStateException("the JSON format's records are not bindable", e);
    } catch (JsonMappingException e) {
      throw JacksonProblems.binding(e);
    } catch (IOException e) {
      // Binding an in-memory tree does no I/O; any other parse-level failure is still a problem of the input.
      throw JacksonProblems.single("", "JsonSyntax", Text.of("JSON tidak sah: %s", "malformed JSON: %s")
          .format(e.getMessage()), e);
    }
    return FromDto.definition(dto);
  }

  // ---- writing ----

  /** The definition as JSON text, ending with a line end. */
  public String write(SopDefinition definition) {
    requireNonNull(definition, "definition");
    try {
      return writer.writeValueAsString(ToDto.definition(definition)) + "\n";
    } catch (JsonProcessingException e) {
      // Writing plain records of strings, numbers and enums into memory cannot fail.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the definition to {@code out} and flushes it. Does not close it. The JSON is produced in full before the
   * first character is written.
   *
   * @throws DefinitionIoException if the writer fails
   */
  public void write(SopDefinition definition, Writer out) {
    requireNonNull(out, "out");
    String json = write(definition);
    try {
      out.write(json);
      out.flush();
    } catch (IOException e) {
      throw DefinitionIoException.writing(null, e);
    }
  }

  /**
   * Writes the definition to {@code file} atomically: the JSON goes to a new hidden temporary file in the same
   * folder, is forced to the disk, and then replaces {@code file} with an atomic move. Readers of {@code file} see the
   * old content or the new, never a mix; on failure {@code file} is unchanged and the temporary file is removed. If
   * {@code file} is a symbolic link, the link itself is replaced.
   *
   * @throws DefinitionIoException if the file cannot be written, for example because the folder does not exist or
   *     is read-only, {@code file} is a non-empty folder, or the file system cannot move atomically
   */
  public void write(SopDefinition definition, Path file) {
    requireNonNull(file, "file");
    byte[] bytes = write(definition).getBytes(StandardCharsets.UTF_8);
    Path target = file.toAbsolutePath();
    checkArgument(target.getParent() != null && target.getFileName() != null, "not a file path: %s", file);
    // A name of our own with CREATE_NEW rather than Files.createTempFile, which would give the final file
    // owner-only permissions; this way it gets the same permissions as any new file in the folder.
    Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      // Files.move: with ATOMIC_MOVE "all other options are ignored" and whether an existing target is replaced
      // is "implementation specific"; on POSIX systems it is a rename(2), which replaces the target.
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw DefinitionIoException.writing(file, e);
    }
  }
}
