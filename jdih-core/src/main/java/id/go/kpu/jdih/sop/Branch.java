package id.go.kpu.jdih.sop;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * One exit of a decision.
 *
 * @param outcome the outcome that takes this exit
 * @param target where the flow continues
 * @param additionToSeed true if the branch is not drawn in the source SOP document and was added by the software
 *     (the reference SOP's reject branch is such an addition: the Mentawai document draws no "Tidak" arrow). The
 *     exports draw such a branch dashed with a footnote. It is relative to the definition's own source: an office
 *     whose official document is made from its definition has no additions
 *     ({@link SopDefinition.Builder#withoutAdditionsToSource()})
 */
public record Branch(@NotNull Outcome outcome, @NotNull @Valid Target target, boolean additionToSeed) {

  /** A branch drawn in the source SOP. */
  public static Branch of(Outcome outcome, Target target) {
    return new Branch(outcome, target, false);
  }

  /** A branch the software adds to the source SOP. */
  public static Branch addition(Outcome outcome, Target target) {
    return new Branch(outcome, target, true);
  }
}
