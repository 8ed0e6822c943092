package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints to the user in the chosen language. */
final class Out {
  final Language lang;
  final PrintWriter out;
  final PrintWriter err;

  Out(Language lang, PrintWriter out, PrintWriter err) {
    this.lang = lang;
    this.out = out;
    this.err = err;
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
