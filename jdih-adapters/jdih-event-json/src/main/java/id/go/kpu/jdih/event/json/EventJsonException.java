package id.go.kpu.jdih.event.json;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/**
 * A line is not a valid event in the {@linkplain EventJson JSON form} (or a stored outbox intent or notification
 * not valid in {@link OutboxJson} or {@link NotificationJson}), or an event cannot be written in it. The
 * {@link #code() code} says what kind of problem it is, {@link #path()} where: a field path such as
 * {@code payload.proposal.legalProduct.relations[0].kind}, or the empty string for the line as a whole.
 */
public final class EventJsonException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The kinds of problem, each with its stable code. */
  public enum Problem {
    /** The line is not exactly one well-formed JSON object (syntax, encoding, duplicate field, trailing text). */
    MALFORMED("JDIH-JSON-101", Text.of("bukan satu objek JSON yang utuh", "not one well-formed JSON object")),
    /** The object has a field the format does not define. */
    UNKNOWN_FIELD("JDIH-JSON-102", Text.of("kolom tidak dikenal", "unknown field")),
    /** A required field is absent or {@code null}. */
    MISSING_FIELD("JDIH-JSON-103", Text.of("kolom wajib tidak ada", "required field missing")),
    /** A field holds the wrong kind of JSON value (a number for a string, say). */
    WRONG_TYPE("JDIH-JSON-104", Text.of("jenis nilai salah", "wrong kind of value")),
    /** A field's value is not acceptable: an unknown name, a bad date, a repeated set element, ... */
    INVALID_VALUE("JDIH-JSON-105", Text.of("nilai tidak sah", "invalid value")),
    /** The line is in a format version this reader does not know. */
    UNSUPPORTED_VERSION("JDIH-JSON-106", Text.of("versi format tidak didukung", "unsupported format version")),
    /** An event cannot be written: a required value is {@code null}. */
    NOT_ENCODABLE("JDIH-JSON-107", Text.of("peristiwa tidak dapat ditulis sebagai JSON",
        "the event cannot be written as JSON"));

    private final String code;
    private final Text text;

    Problem(String code, Text text) {
      this.code = code;
      this.text = text;
    }

    /** The stable code, e.g. {@code JDIH-JSON-102}. */
    public String code() {
      return code;
    }

    /** What the problem means. */
    public Text text() {
      return text;
    }
  }

  private static final Text EVENT = Text.of("JSON peristiwa", "event JSON");

  private final Problem problem;
  private final String path;
  private final Text detail;

  EventJsonException(Problem problem, String path, Text detail) {
    this(problem, path, detail, null);
  }

  EventJsonException(Problem problem, String path, Text detail, Throwable cause) {
    this(EVENT, problem, path, detail, cause);
  }

  private EventJsonException(Text subject, Problem problem, String path, Text detail, Throwable cause) {
    super(checkNotNull(problem, "problem").code(), message(subject, problem, checkNotNull(path, "path"), detail),
        cause);
    this.problem = problem;
    this.path = path;
    this.detail = detail;
  }

  /** The same problem about another kind of stored JSON (an outbox intent, a notification), for its message. */
  EventJsonException about(Text subject) {
    EventJsonException e = new EventJsonException(subject, problem, path, detail, getCause());
    e.setStackTrace(getStackTrace());
    return e;
  }

  private static Text message(Text subject, Problem problem, String path, Text detail) {
    String where = path.isEmpty() ? "" : " di '" + path + "'";
    String whereEn = path.isEmpty() ? "" : " at '" + path + "'";
    String id = subject.id() + ": " + problem.text().id() + where;
    String en = subject.en() + ": " + problem.text().en() + whereEn;
    if (detail != null) {
      id += ": " + detail.id();
      en += ": " + detail.en();
    }
    return Text.of(id, en);
  }

  /** What kind of problem it is. */
  public Problem problem() {
    return problem;
  }

  /** The field path, e.g. {@code payload.caption.perPlatform[X]}; empty for the line as a whole. */
  public String path() {
    return path;
  }
}
