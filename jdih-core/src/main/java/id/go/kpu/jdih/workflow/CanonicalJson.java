package id.go.kpu.jdih.workflow;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a JSON tree in the canonical form of RFC 8785, the JSON Canonicalization Scheme (JCS): no whitespace,
 * object members sorted by their names compared as UTF-16 code units (RFC 8785 section 3.2.3, which is
 * {@link String#compareTo}), strings escaped as ECMAScript's {@code JSON.stringify} does (section 3.2.2.2: only
 * {@code "}, {@code \} and the controls below U+0020 are escaped; the controls as {@code \b \t \n \f \r} or
 * {@code \}{@code u00xx} with lower-case hex digits; every other character as itself).
 *
 * <p>The tree holds {@link Map} with {@link String} keys, {@link List}, {@link String}, {@link Long},
 * {@link Integer} and {@link Boolean}. Numbers are integers only, within ±2<sup>53</sup>−1, where the ECMAScript
 * number form RFC 8785 prescribes is the plain decimal one. One extension of the RFC, for the events this library
 * already holds: a string may contain an unpaired UTF-16 surrogate (I-JSON forbids it), which is written as a
 * {@code \}{@code udxxx} escape with lower-case hex digits, as the well-formed {@code JSON.stringify} of ECMAScript
 * 2019 does, so that the output stays valid UTF-8.
 */
final class CanonicalJson {

  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  /**
   * The canonical JSON text of {@code tree}.
   *
   * @throws IllegalArgumentException if the tree holds anything else than the types above, a {@code null}, or an
   *     integer outside ±2<sup>53</sup>−1
   */
  static String write(Object tree) {
    StringBuilder out = new StringBuilder(512);
    value(tree, out);
    return out.toString();
  }

  private static void value(@Nullable Object v, StringBuilder out) {
    if (v instanceof String s) {
      string(s, out);
    } else if (v instanceof Map<?, ?> m) {
      List<String> names = new ArrayList<>(m.size());
      for (Object k : m.keySet()) {
        checkArgument(k instanceof String, "object member names must be strings: %s", k);
        names.add((String) k);
      }
      names.sort(null);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        string(names.get(i), out);
        out.append(':');
        try {
          value(m.get(names.get(i)), out);
        } catch (NullValue e) {
          throw e.at(names.get(i));
        }
      }
      out.append('}');
    } else if (v instanceof List<?> l) {
      out.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        try {
          value(l.get(i), out);
        } catch (NullValue e) {
          throw e.at("[" + i + "]");
        }
      }
      out.append(']');
    } else if (v instanceof Long || v instanceof Integer) {
      long n = ((Number) v).longValue();
      checkArgument(n >= -MAX_SAFE_INTEGER && n <= MAX_SAFE_INTEGER, "integer outside +-(2^53-1): %s", n);
      out.append(n);
    } else if (v instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (v == null) {
      throw new NullValue("");
    } else {
      throw new IllegalArgumentException("not a canonical JSON value: " + v.getClass());
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    // Most strings need no escape and hold no surrogate: copy the run before the first such character at once
    // (appending char by char was a tenth of the in-memory lifecycle benchmark's time).
    int plain = 0;
    while (plain < s.length() && ordinary(s.charAt(plain))) {
      plain++;
    }
    if (plain == s.length()) {
      out.append(s).append('"');
      return;
    }
    out.append(s, 0, plain);
    for (int i = plain; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            escape(c, out);
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            escape(c, out); // unpaired
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean ordinary(char c) {
    return c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c);
  }

  /** A {@code null} in the tree, with the path to it (built while the recursion unwinds). */
  private static final class NullValue extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String path;

    NullValue(String path) {
      super("a required value is null" + (path.isEmpty() ? "" : " at " + path));
      this.path = path;
    }

    NullValue at(String parent) {
      return new NullValue(path.isEmpty() ? parent : path.startsWith("[") ? parent + path : parent + "." + path);
    }
  }

  private static void escape(char c, StringBuilder out) {
    out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }
}
