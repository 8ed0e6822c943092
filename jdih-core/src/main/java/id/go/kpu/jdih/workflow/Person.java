package id.go.kpu.jdih.workflow;

import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.RoleId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Set;

/**
 * A person acting in a case: a civil servant with a NIP who holds one or more roles of the definition (a small
 * office may put the Kasubag Hukum in the technical team too).
 *
 * @param nip the person's NIP
 * @param name the person's name
 * @param roles the roles the person holds
 */
public record Person(@NotNull @Valid Nip nip, @NotBlank String name,
    @NotNull ImmutableSet<@NotNull @Valid RoleId> roles) {

  /** A person; the roles are copied. */
  public static Person of(Nip nip, String name, Set<RoleId> roles) {
    return new Person(nip, name, ImmutableSet.copyOf(roles));
  }

  /** A person holding the given roles. */
  public static Person of(String nip, String name, RoleId... roles) {
    return new Person(Nip.of(nip), name, ImmutableSet.copyOf(roles));
  }

  /** True if the person holds {@code role}. */
  public boolean holds(RoleId role) {
    return roles.contains(role);
  }

  @Override
  public String toString() {
    return name + " (NIP " + nip + ")";
  }
}
