package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints to the user in the chosen language. Every line the command line writes goes through here, escaped (see
 * {@link #escaping}): a name, title, caption, reason or SOP text holding a control character shows as {@code \u001b}
 * and the like, so output never carries a raw escape sequence to the terminal.
 */
final class Out {
  final Language lang;
  final PrintWriter out;
  final PrintWriter err;
  /** Standard error unescaped, for the progress bar's carriage return only. */
  final PrintWriter progress;

  Out(Language lang, PrintWriter out, PrintWriter err) {
    this(lang, out, err, err);
  }

  Out(Language lang, PrintWriter out, PrintWriter err, PrintWriter progress) {
    this.lang = lang;
    this.out = out;
    this.err = err;
    this.progress = progress;
  }

  /**
   * A writer over {@code target} that writes control characters escaped as {@code \}{@code uXXXX}: C0 and C1
   * controls (all but the line break ending a line), the line and paragraph separators and the bidirectional
   * controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), which could make a line read otherwise
   * than it is.
   */
  static PrintWriter escaping(PrintWriter target) {
    return new PrintWriter(new java.io.FilterWriter(target) {
      @Override
      public void write(int c) throws java.io.IOException {
        write(new char[] {(char) c}, 0, 1);
      }

      @Override
      public void write(String str, int off, int len) throws java.io.IOException {
        write(str.toCharArray(), off, len);
      }

      @Override
      public void write(char[] buf, int off, int len) throws java.io.IOException {
        StringBuilder sb = new StringBuilder(len + 16);
        for (int i = off; i < off + len; i++) {
          char c = buf[i];
          boolean lineEnd = c == '\n' || (c == '\r' && i + 1 < off + len && buf[i + 1] == '\n');
          if (!lineEnd && isControl(c)) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
        out.write(sb.toString());
      }
    }, true);
  }

  /** Whether {@code c} is a control character that output shows escaped, and names and titles must not hold. */
  static boolean isControl(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u061C' || c == '\u200E'
        || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }

  /**
   * Refuses a value of {@code option} (a person's name, a case's title) holding a control character, naming the
   * option and the character.
   */
  static String requirePrintable(String option, String value) {
    for (int i = 0; i < value.length(); i++) {
      if (isControl(value.charAt(i))) {
        String code = String.format(Locale.ROOT, "U+%04X", (int) value.charAt(i));
        throw new CliException(option + " tidak boleh memuat karakter kendali (" + code + " di posisi " + (i + 1)
            + "), termasuk baris baru", option + " must not hold a control character (" + code + " at position "
            + (i + 1) + "), a line break included");
      }
    }
    return value;
  }

  /** Prints a line in the chosen language. */
  void line(String id, String en, Object... args) {
    out.println(String.format(Locale.ROOT, lang == Language.EN ? en : id, args));
  }

  /** Prints a text in the chosen language. */
  void line(Text text) {
    out.println(text.in(lang));
  }

  /** Prints a line as it is. */
  void raw(String s) {
    out.println(s);
  }

  /** The longest part of a value from the user that messages repeat. */
  static final int ECHO_LIMIT = 200;

  /** {@code value} to repeat in a message: cut to {@link #ECHO_LIMIT} characters with an ellipsis. */
  static String cut(String value) {
    return value.length() <= ECHO_LIMIT ? value : value.substring(0, ECHO_LIMIT) + "…";
  }

  /** Picks the text of the chosen language. */
  String t(String id, String en) {
    return lang == Language.EN ? en : id;
  }

  void flush() {
    out.flush();
    err.flush();
  }
}
