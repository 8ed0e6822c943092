package id.go.kpu.jdih.store;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/** Events handed to a store do not continue the case's history; nothing was stored. */
public final class InvalidAppendException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** An invalid append, with what is wrong. */
  public InvalidAppendException(Text detail) {
    super("JDIH-STORE-002", Text.of("Peristiwa ditolak: " + detail.id(), "Events refused: " + detail.en()));
  }
}
