package id.go.kpu.jdih.workflow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.sop.Nip;

/**
 * An authenticated identity as the embedder's login gives it: a NIP, a login name, or the subject of an OIDC
 * token. It says who someone is, never what they may do: the roles a principal acts under come from the
 * {@code ActorDirectory} (package {@code id.go.kpu.jdih.actor}), looked up when the command is handled.
 *
 * <p>1 to {@value #MAX_LENGTH} characters, no control characters and no space at either end, so that it is safe
 * in logs, database columns and stored events.
 *
 * @param name the identity, e.g. {@code 198001012006041001} or {@code rina.marlina}
 */
public record Principal(String name) {

  /** The longest principal name. */
  public static final int MAX_LENGTH = 128;

  /** Checks the name. */
  public Principal {
    checkNotNull(name, "name");
    checkArgument(!name.isEmpty() && name.length() <= MAX_LENGTH,
        "principal must have 1 to %s characters but has %s", MAX_LENGTH, name.length());
    checkArgument(name.strip().equals(name), "principal must not start or end with a space");
    checkArgument(name.chars().noneMatch(Character::isISOControl), "principal must not hold control characters");
  }

  /** A principal. */
  public static Principal of(String name) {
    return new Principal(name);
  }

  /** The principal of a civil servant who signs in with their NIP: the 18 digits, without spaces. */
  public static Principal of(Nip nip) {
    return new Principal(checkNotNull(nip, "nip").value());
  }

  @Override
  public String toString() {
    return name;
  }
}
