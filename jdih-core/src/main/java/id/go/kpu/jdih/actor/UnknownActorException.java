package id.go.kpu.jdih.actor;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.workflow.Principal;

/** {@code JDIH-ACTOR-001}: the directory does not know the principal; nothing was done. */
public final class UnknownActorException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The stable code. */
  public static final String CODE = "JDIH-ACTOR-001";

  private final Principal principal;

  /** The directory does not know {@code principal}. */
  public UnknownActorException(Principal principal) {
    super(CODE, Text.of("%s tidak terdaftar di direktori pegawai; tidak ada yang dijalankan",
        "%s is not in the personnel directory; nothing was done").format(principal));
    this.principal = principal;
  }

  /** Who was not found. */
  public Principal principal() {
    return principal;
  }
}
