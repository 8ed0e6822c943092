package id.go.kpu.jdih.notify;

import id.go.kpu.jdih.actor.ActorDirectory;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.Principal;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.RoleId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link PersonDirectory} and {@link ActorDirectory} in memory, in the order people were first put. A principal
 * resolves to the person whose NIP it is (18 digits, spaces ignored) or to whom it was made a {@link #alias login
 * alias}; the roles are the ones held when asked. Thread-safe: every method holds the directory's lock for the time
 * of one map operation.
 */
public final class InMemoryPersonDirectory implements PersonDirectory, ActorDirectory {

  private final Map<Nip, Contact> contacts = new LinkedHashMap<>();
  private final Map<Principal, Nip> aliases = new LinkedHashMap<>();

  /** An empty directory. */
  public InMemoryPersonDirectory() {}

  /** Adds {@code contact}, or replaces the contact with the same NIP (keeping its place). */
  public synchronized void put(Contact contact) {
    checkNotNull(contact, "contact");
    contacts.put(contact.nip(), contact);
  }

  /** Lets the person with {@code nip} sign in as {@code login} too (a login name, an OIDC subject). */
  public synchronized void alias(Principal login, Nip nip) {
    aliases.put(checkNotNull(login, "login"), checkNotNull(nip, "nip"));
  }

  @Override
  public synchronized Optional<Person> resolve(Principal principal) {
    checkNotNull(principal, "principal");
    Nip nip = aliases.get(principal);
    if (nip == null) {
      Nip written = Nip.of(principal.name());
      nip = written.isWellFormed() ? written : null;
    }
    Contact c = nip == null ? null : contacts.get(nip);
    return c == null ? Optional.empty() : Optional.of(c.person());
  }

  /** Removes the person with {@code nip}; true if they were there. */
  public synchronized boolean remove(Nip nip) {
    return contacts.remove(nip) != null;
  }

  /** Everyone, in order. */
  public synchronized ImmutableList<Contact> all() {
    return ImmutableList.copyOf(contacts.values());
  }

  @Override
  public synchronized ImmutableList<Contact> holding(RoleId role) {
    checkNotNull(role, "role");
    return contacts.values().stream().filter(c -> c.person().holds(role)).collect(ImmutableList.toImmutableList());
  }

  @Override
  public synchronized Optional<Contact> find(Nip nip) {
    return Optional.ofNullable(contacts.get(checkNotNull(nip, "nip")));
  }

  @Override
  public synchronized String toString() {
    return "InMemoryPersonDirectory" + contacts.values();
  }
}
