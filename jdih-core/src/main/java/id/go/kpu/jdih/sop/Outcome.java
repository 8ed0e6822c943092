package id.go.kpu.jdih.sop;

import id.go.kpu.jdih.i18n.Text;

/** The outcome of a decision (the two exits of a decision diamond). */
public enum Outcome {
  /** The draft is approved: "Ya". */
  APPROVED(Text.of("Ya", "Yes")),
  /** The draft is not approved and goes back for revision: "Tidak". */
  REJECTED(Text.of("Tidak", "No"));

  private final Text label;

  Outcome(Text label) {
    this.label = label;
  }

  /** The label drawn on the decision's exit arrow. */
  public Text label() {
    return label;
  }
}
