package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.RoleId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link PersonDirectory} in memory, in the order people were first put. Thread-safe: every method holds the
 * directory's lock for the time of one map operation.
 */
public final class InMemoryPersonDirectory implements PersonDirectory {

  private final Map<Nip, Contact> contacts = new LinkedHashMap<>();

  /** An empty directory. */
  public InMemoryPersonDirectory() {}

  /** Adds {@code contact}, or replaces the contact with the same NIP (keeping its place). */
  public synchronized void put(Contact contact) {
    checkNotNull(contact, "contact");
    contacts.put(contact.nip(), contact);
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
