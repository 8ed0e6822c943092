package id.go.kpu.jdih.notify;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.RoleId;
import java.util.Collection;
import java.util.Optional;

/**
 * The port for the office's people directory: who holds which role of the SOP, and how to reach them. The
 * notification policy asks it whom to tell; an office backs it by its personnel system, a file or
 * {@link InMemoryPersonDirectory}. Implementations are thread-safe.
 */
public interface PersonDirectory {

  /** Everyone who holds {@code role}, in a stable order; empty if nobody does. */
  ImmutableList<Contact> holding(RoleId role);

  /**
   * Everyone who holds {@code role} in office {@code officeId}, in a stable order. A directory of several offices
   * answers for that office only; the default, for a directory of one office, is {@link #holding(RoleId)}.
   */
  default ImmutableList<Contact> holding(String officeId, RoleId role) {
    return holding(role);
  }

  /** The contact of the person with {@code nip}, if the directory knows them. */
  Optional<Contact> find(Nip nip);

  /** A thread-safe in-memory directory holding {@code contacts} in the given order. */
  static InMemoryPersonDirectory of(Collection<Contact> contacts) {
    InMemoryPersonDirectory d = new InMemoryPersonDirectory();
    contacts.forEach(d::put);
    return d;
  }
}
