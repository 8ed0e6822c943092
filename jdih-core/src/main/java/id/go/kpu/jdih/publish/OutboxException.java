package id.go.kpu.jdih.publish;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/**
 * The outbox refused a request of the embedder or of a person; nothing was changed. Codes:
 * {@code JDIH-OUTBOX-001} the case is not at its upload activity, {@code -002} the person does not hold the upload
 * activity's role, {@code -003} no client is configured for a target platform, {@code -004} no such intent,
 * {@code -005} the intent is not in a state that allows the request.
 */
public final class OutboxException extends JdihException {
  private static final long serialVersionUID = 1L;

  private final Reason reason;

  /**
   * A refusal.
   *
   * @param reason why
   * @param detail the details, in both languages
   */
  public OutboxException(Reason reason, Text detail) {
    super(reason.code(), detail);
    this.reason = reason;
  }

  /** Why the request was refused. */
  public Reason reason() {
    return reason;
  }

  /** Why a request was refused, each with a stable code. */
  public enum Reason {
    /** The case is not open at its upload (publication) activity, or has no caption. */
    NOT_AT_UPLOAD("JDIH-OUTBOX-001"),
    /** The person does not hold the role that performs the upload activity. */
    NOT_EXECUTOR("JDIH-OUTBOX-002"),
    /** No {@link PlatformClient} is configured for a target platform. */
    NO_CLIENT("JDIH-OUTBOX-003"),
    /** No intent has the given id. */
    UNKNOWN_INTENT("JDIH-OUTBOX-004"),
    /** The intent's status does not allow the request (e.g. confirming an intent that is already published). */
    WRONG_STATUS("JDIH-OUTBOX-005");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** The stable code. */
    public String code() {
      return code;
    }
  }
}
