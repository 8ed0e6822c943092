package id.go.kpu.jdih.workflow;

import id.go.kpu.jdih.i18n.Text;

/** Where a case stands. */
public enum CaseStatus {
  /** No event yet: the case does not exist. */
  NEW(Text.of("baru", "new")),
  /** Moving through the SOP. */
  OPEN(Text.of("berjalan", "open")),
  /** The flow reached its end (Selesai) after the content was published. Accepts nothing more. */
  PUBLISHED(Text.of("terbit", "published")),
  /** Withdrawn before publication. Accepts nothing more. */
  WITHDRAWN(Text.of("dibatalkan", "withdrawn"));

  private final Text label;

  CaseStatus(Text label) {
    this.label = label;
  }

  /** The status in both languages. */
  public Text label() {
    return label;
  }

  /** True for a case that accepts no more commands. */
  public boolean isClosed() {
    return this == PUBLISHED || this == WITHDRAWN;
  }
}
