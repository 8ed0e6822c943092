package id.go.kpu.jdih.archive;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.sop.Approver;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.workflow.Person;
import java.util.Optional;

/**
 * One signature block of the hardcopy: the position (jabatan) printed above the space for the signature, and the
 * name and NIP printed below it. An empty name or NIP prints a dotted line to be filled in by hand.
 *
 * @param position the position, e.g. {@code Kasubag Hukum}; may be empty
 * @param name the signatory's name, if known when printing
 * @param nip the signatory's NIP, if known when printing
 */
public record Signatory(String position, Optional<String> name, Optional<Nip> nip) {

  /** All fields are required (the optional ones as {@link Optional#empty()}). */
  public Signatory {
    checkNotNull(position, "position");
    checkNotNull(name, "name");
    checkNotNull(nip, "nip");
  }

  /** A block for {@code position} with name and NIP left to be written by hand. */
  public static Signatory blank(String position) {
    return new Signatory(position, Optional.empty(), Optional.empty());
  }

  /** A block for {@code person} signing as {@code position}. */
  public static Signatory of(String position, Person person) {
    return new Signatory(position, Optional.of(person.name()), Optional.of(person.nip()));
  }

  /** A block for the official who approved the SOP ("Disahkan Oleh" of its identity). */
  public static Signatory of(Approver approver) {
    return new Signatory(approver.position(), Optional.of(approver.name()), Optional.of(approver.nip()));
  }
}
