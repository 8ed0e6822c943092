package id.go.kpu.jdih.workflow;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * Who performs a command: the person with the roles they hold now and, when they signed in, the principal they
 * authenticated as (recorded on the event). An actor without a principal is one the caller vouches for (the
 * low-level path of tests, imports and the library's own outbox when no publishing account is configured).
 *
 * @param principal the authenticated principal, if any
 * @param person the person, with the roles they act under
 */
public record Actor(Optional<Principal> principal, Person person) {

  /** Both parts are required. */
  public Actor {
    checkNotNull(principal, "principal");
    checkNotNull(person, "person");
  }

  /** {@code person}, authenticated as {@code principal}. */
  public static Actor of(Principal principal, Person person) {
    return new Actor(Optional.of(checkNotNull(principal, "principal")), person);
  }

  /** {@code person} as the caller gives them, without a principal. */
  public static Actor trusted(Person person) {
    return new Actor(Optional.empty(), person);
  }
}
