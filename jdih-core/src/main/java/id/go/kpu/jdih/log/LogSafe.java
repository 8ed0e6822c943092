package id.go.kpu.jdih.log;

/**
 * A value for a log line, or a text from outside for a message, with its control characters escaped, so that a
 * person's name, a caption or a platform's error text cannot start a forged log line or hide part of one.
 *
 * <p>Escaped: C0 and C1 control characters ({@code \n}, {@code \r} and {@code \t} as such, the others as
 * {@code \}{@code uXXXX}), the line and paragraph separators U+2028 and U+2029 and the bidirectional embedding,
 * override and isolate controls (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), which can make a line read
 * differently from what it holds. Everything else, other scripts and emoji included, is kept.
 *
 * <pre>{@code
 * LOG.info("intent {} recorded by {}", LogSafe.of(id), LogSafe.of(person.name()));
 * }</pre>
 *
 * <p>{@link #of(Object)} escapes lazily, in {@link #toString()}, so a line the logger drops costs nothing more.
 */
public final class LogSafe {

  private final Object value;

  private LogSafe(Object value) {
    this.value = value;
  }

  /**
   * {@code value} for a log argument: its {@code toString()}, escaped, when the logger formats the line.
   *
   * @param value any value, may be null
   * @return a wrapper whose {@code toString()} is the escaped text ({@code "null"} for null)
   */
  public static LogSafe of(Object value) {
    return new LogSafe(value);
  }

  /**
   * {@code text} with its control characters escaped.
   *
   * @param text a text, may be null
   * @return the escaped text; {@code "null"} for null; {@code text} itself if nothing needs escaping
   */
  public static String escape(String text) {
    if (text == null) {
      return "null";
    }
    int first = 0;
    while (first < text.length() && !needsEscape(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else {
        sb.append(String.format("\\u%04X", (int) c));
      }
    }
    return sb.toString();
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\u200E' || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }

  /** The value's text, escaped. */
  @Override
  public String toString() {
    return escape(String.valueOf(value));
  }
}
