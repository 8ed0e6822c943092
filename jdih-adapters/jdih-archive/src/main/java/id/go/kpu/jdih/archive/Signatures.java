package id.go.kpu.jdih.archive;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.SopDefinition;

/**
 * The three signature blocks at the end of the hardcopy: "Dibuat oleh" (prepared by), "Diperiksa oleh" (checked by)
 * and "Disahkan oleh" (approved by).
 *
 * @param preparedBy Dibuat oleh
 * @param checkedBy Diperiksa oleh
 * @param approvedBy Disahkan oleh
 */
public record Signatures(Signatory preparedBy, Signatory checkedBy, Signatory approvedBy) {

  /** All three are required. */
  public Signatures {
    checkNotNull(preparedBy, "preparedBy");
    checkNotNull(checkedBy, "checkedBy");
    checkNotNull(approvedBy, "approvedBy");
  }

  /**
   * The blocks the SOP itself suggests: prepared by the role of its last activity (the upload, Staf in the reference
   * SOP), checked by the role of its first approval (Kasubag Hukum), both with name and NIP left blank, and approved
   * by the official who approved the SOP, with name and NIP printed.
   */
  public static Signatures forSop(SopDefinition definition) {
    checkNotNull(definition, "definition");
    Activity last = definition.activities().get(definition.activities().size() - 1);
    Activity approval = definition.activities().stream().filter(a -> a.kind() == ActivityKind.APPROVAL)
        .findFirst().orElse(last);
    return new Signatures(Signatory.blank(roleName(definition, last)),
        Signatory.blank(roleName(definition, approval)), Signatory.of(definition.identity().approvedBy()));
  }

  private static String roleName(SopDefinition definition, Activity a) {
    return definition.role(a.executor()).map(Role::name).orElse(a.executor().toString());
  }
}
