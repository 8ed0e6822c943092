package id.go.kpu.jdih.event.json;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkPositionIndexes;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import id.go.kpu.jdih.event.json.EventJsonException.Problem;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes a {@link RecordedEvent} as one line of JSON and reads it back, in the format documented in the
 * {@linkplain id.go.kpu.jdih.event.json package description} (format version {@value #FORMAT_VERSION}).
 *
 * <p>A line read back is {@code equals} to the event written, and its {@link RecordedEvent#expectedHash()} equals its
 * {@link RecordedEvent#hash()}: every value, the order of every list, set and map, and every string to the last
 * UTF-16 unit survive. The same event always gives the same line.
 *
 * <p>Reading is strict: a line that is not exactly one JSON object of this format (an unknown or missing field, a
 * repeated field, a value of the wrong kind, an unknown enum name, trailing text) is refused with an
 * {@link EventJsonException} naming the field path. Reading does not check the hash: a line whose content was
 * changed still decodes, and {@link id.go.kpu.jdih.workflow.HashChain#verify} reports it.
 *
 * <p>Thread-safe: an instance is immutable after construction (Jackson's factory and mapper are thread-safe once
 * configured); create one and share it.
 */
public final class EventJson {

  /**
   * The format version this codec writes, the {@code "v"} field of every line; it reads this one and version 1
   * (the lines jdih 0.1 wrote).
   */
  public static final int FORMAT_VERSION = 2;

  private final JsonFactory factory;
  private final ObjectMapper mapper;

  /** A codec. */
  public EventJson() {
    this.factory = JsonFactory.builder()
        // A repeated field would otherwise silently keep the last value.
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.mapper = JsonMapper.builder(factory)
        // "{...} junk" is not one object.
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  /**
   * The event as one line of JSON, without a line break: every control character inside a string is escaped, so
   * the line never contains one.
   *
   * @throws EventJsonException ({@code JDIH-JSON-107}) if a required value of the event is {@code null}
   */
  public String write(RecordedEvent event) {
    checkNotNull(event, "event");
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.setCharacterEscapes(SurrogateEscapes.INSTANCE);
      EventWriter.event(g, event);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a StringWriter failed", e); // cannot happen
    }
    return out.toString();
  }

  /**
   * The line of {@link #write} in UTF-8, without a line break. The bytes are always well-formed UTF-8, whatever the
   * event's strings hold (see the package description on surrogates).
   */
  public byte[] writeBytes(RecordedEvent event) {
    return write(event).getBytes(UTF_8);
  }

  /**
   * Reads one line. Whitespace around the object, including a trailing line break, is allowed.
   *
   * @throws EventJsonException if the line is not one event of this format
   */
  public RecordedEvent read(String line) {
    checkNotNull(line, "line");
    JsonNode root;
    try {
      root = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
    return EventReader.event(root);
  }

  /**
   * Reads one line of UTF-8 bytes.
   *
   * @throws EventJsonException if the bytes are not one event of this format
   */
  public RecordedEvent read(byte[] line) {
    return read(checkNotNull(line, "line"), 0, line.length);
  }

  /**
   * Reads one line of UTF-8 bytes: {@code length} bytes of {@code bytes} from {@code offset}.
   *
   * @throws EventJsonException if the bytes are not one event of this format
   */
  public RecordedEvent read(byte[] bytes, int offset, int length) {
    checkNotNull(bytes, "bytes");
    checkPositionIndexes(offset, offset + length, bytes.length);
    requireUtf8(bytes, offset, length);
    JsonNode root;
    try {
      root = mapper.readTree(bytes, offset, length);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      // e.g. CharConversionException for bytes that are no valid text
      throw new EventJsonException(Problem.MALFORMED, "", Text.of(String.valueOf(e.getMessage()),
          String.valueOf(e.getMessage())), e);
    }
    return EventReader.event(root);
  }

  /**
   * Refuses bytes that Jackson would take for UTF-16 or UTF-32: it guesses the encoding from a byte-order mark or
   * from zero bytes among the first four. The format is UTF-8 only, and a JSON line in UTF-8 holds no zero byte.
   */
  private static void requireUtf8(byte[] bytes, int offset, int length) {
    boolean bom = length >= 2 && ((bytes[offset] == (byte) 0xFE && bytes[offset + 1] == (byte) 0xFF)
        || (bytes[offset] == (byte) 0xFF && bytes[offset + 1] == (byte) 0xFE));
    boolean zero = false;
    for (int i = offset; i < offset + Math.min(4, length); i++) {
      zero |= bytes[i] == 0;
    }
    if (bom || zero) {
      throw new EventJsonException(Problem.MALFORMED, "", Text.of(
          "bukan UTF-8: tanda urutan bita UTF-16/32 atau bita nol di awal baris",
          "not UTF-8: a UTF-16/32 byte-order mark or a zero byte at the start of the line"));
    }
  }

  private static EventJsonException malformed(JsonProcessingException e) {
    String path = "";
    if (e instanceof StreamReadException r && r.getProcessor() != null) {
      path = pathOf(r.getProcessor());
    }
    String detail = e.getOriginalMessage();
    return new EventJsonException(Problem.MALFORMED, path, Text.of(detail, detail), e);
  }

  /** Where the parser was, as a field path like {@code payload.items[0].width}. */
  private static String pathOf(JsonParser parser) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      }
    }
    String path = String.join("", parts);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  /**
   * Escapes UTF-16 surrogates as {@code \}{@code uXXXX}. A string may hold an unpaired surrogate, which has no UTF-8
   * form; written raw it would turn into {@code ?} and the event's hash would no longer match. Escaped, every
   * string survives exactly, and the line is always valid UTF-8. Characters outside the Basic Multilingual Plane
   * (emoji) are escaped as a surrogate pair for the same reason; all other characters are written as they are.
   */
  private static final class SurrogateEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    static final SurrogateEscapes INSTANCE = new SurrogateEscapes();

    private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return Character.isSurrogate((char) ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
  }
}
