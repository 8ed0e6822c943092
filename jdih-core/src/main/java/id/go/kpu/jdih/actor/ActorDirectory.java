package id.go.kpu.jdih.actor;

import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.Principal;
import java.util.Optional;

/**
 * The port to the authority that says who a principal is and which roles of the SOP they hold <em>now</em>: the
 * office's personnel directory, an LDAP or Keycloak group mapping, a file. The runtime asks it at every command,
 * so a caller never states its own roles and a role taken away stops working at once.
 *
 * <p>Implementations are thread-safe and answer from their own data only.
 */
public interface ActorDirectory {

  /**
   * The person {@code principal} is, with the roles they hold now.
   *
   * @param principal an authenticated principal
   * @return the person, or empty if the directory does not know the principal
   */
  Optional<Person> resolve(Principal principal);

  /**
   * Whether {@code principal} may see and act on the cases of office {@code officeId}: on a server of several
   * offices, only the people of that office. The runtime asks it before every command and every principal-scoped
   * view, and refuses with {@link ForbiddenOfficeException} ({@code JDIH-ACTOR-002}). The default, for a directory of
   * one office: yes.
   */
  default boolean mayActFor(Principal principal, String officeId) {
    return true;
  }
}
