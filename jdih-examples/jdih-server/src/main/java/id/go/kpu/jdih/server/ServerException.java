package id.go.kpu.jdih.server;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.validation.Violation;
import java.util.List;

/**
 * A refusal by the server itself (not by the library), with its HTTP status, a stable {@code JDIH-HTTP-*} code and
 * a bilingual message; the API answers it as RFC 9457 problem details.
 */
public final class ServerException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The server's refusals. */
  public enum Kind {
    /** 404: nothing of that name, or nothing the caller may know of. */
    NOT_FOUND("JDIH-HTTP-001", 404),
    /** 403: the caller is known but may not do this. */
    FORBIDDEN("JDIH-HTTP-002", 403),
    /** 422: an idempotency key used before for a different request. */
    KEY_REUSED("JDIH-HTTP-003", 422),
    /** 412: If-Match names another version of the case. */
    VERSION_MISMATCH("JDIH-HTTP-004", 412),
    /** 400: the request is malformed: unreadable JSON, a missing or invalid field. */
    BAD_REQUEST("JDIH-HTTP-005", 400),
    /** 413: the request body is larger than allowed. */
    TOO_LARGE("JDIH-HTTP-006", 413),
    /** 401: no valid credentials. */
    UNAUTHORIZED("JDIH-HTTP-007", 401),
    /** 409: the thing to create exists already. */
    CONFLICT("JDIH-HTTP-008", 409),
    /** 428: a command without an Idempotency-Key. */
    KEY_REQUIRED("JDIH-HTTP-009", 428);

    private final String code;
    private final int status;

    Kind(String code, int status) {
      this.code = code;
      this.status = status;
    }

    /** The stable code. */
    public String code() {
      return code;
    }

    /** The HTTP status. */
    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final transient List<Violation> violations;

  /** A refusal of {@code kind} saying {@code text}. */
  public ServerException(Kind kind, Text text) {
    this(kind, text, List.of());
  }

  /** A refusal of {@code kind} saying {@code text}, naming the fields at fault. */
  public ServerException(Kind kind, Text text, List<Violation> violations) {
    super(kind.code(), text);
    this.kind = kind;
    this.violations = List.copyOf(violations);
  }

  /** One field at fault: {@code path} broke {@code rule}. */
  public static ServerException badField(String path, String rule, Text text) {
    return new ServerException(Kind.BAD_REQUEST, Text.of("Permintaan tidak sah: %s", "Invalid request: %s")
        .format(path), List.of(new Violation(path, rule, text)));
  }

  /** The kind. */
  public Kind kind() {
    return kind;
  }

  /** The fields at fault; empty if the refusal is not about fields. */
  public List<Violation> violations() {
    return violations;
  }
}
