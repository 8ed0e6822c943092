package id.go.kpu.jdih.publish.http;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/**
 * An {@link Endpoint} is not usable ({@code JDIH-HTTP-001}): above all, a plain {@code http://} address of another
 * machine, over which every call's token would travel readable by anyone on the way.
 */
public final class InvalidEndpointException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The stable code. */
  public static final String CODE = "JDIH-ENDPOINT-001";

  /** Invalid endpoint settings, with what is wrong. */
  public InvalidEndpointException(Text detail) {
    super(CODE, Text.of("Alamat API tidak sah: " + detail.id(), "Invalid API address: " + detail.en()));
  }
}
