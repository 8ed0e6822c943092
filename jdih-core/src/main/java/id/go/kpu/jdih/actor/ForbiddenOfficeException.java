package id.go.kpu.jdih.actor;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.workflow.Principal;

/**
 * {@code JDIH-ACTOR-002}: the principal is not of the office whose case it asked for; nothing was read or done.
 * The message names neither the case's content nor whether it exists.
 */
public final class ForbiddenOfficeException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The stable code. */
  public static final String CODE = "JDIH-ACTOR-002";

  private final Principal principal;

  /** {@code principal} may not act for the office of what it asked for. */
  public ForbiddenOfficeException(Principal principal) {
    super(CODE, Text.of("%s tidak berwenang atas kasus kantor lain; tidak ada yang dibaca atau dijalankan",
        "%s has no rights over another office's cases; nothing was read or done").format(principal));
    this.principal = principal;
  }

  /** Who asked. */
  public Principal principal() {
    return principal;
  }
}
