package id.go.kpu.jdih.time;

import id.go.kpu.jdih.i18n.Text;

/** Where an open activity stands against its time standard. */
public enum TimeStatus {
  /** Before the due-soon threshold. */
  ON_TIME(Text.of("tepat waktu", "on time")),
  /** Within the due-soon threshold of its deadline. */
  DUE_SOON(Text.of("segera jatuh tempo", "due soon")),
  /** Past its deadline. */
  OVERDUE(Text.of("terlambat", "overdue")),
  /** The activity has no time standard. */
  NO_STANDARD(Text.of("tanpa standar waktu", "no time standard"));

  private final Text label;

  TimeStatus(Text label) {
    this.label = label;
  }

  /** The status in both languages. */
  public Text label() {
    return label;
  }
}
