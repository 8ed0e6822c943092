package id.go.kpu.jdih.time;

import id.go.kpu.jdih.i18n.Text;

/** Why a weekday is not a working day for civil servants. */
public enum DayOffKind {
  /** A national holiday (hari libur nasional) set by the joint decree (SKB) of three ministers. */
  NATIONAL_HOLIDAY(Text.of("hari libur nasional", "national holiday")),
  /** Collective leave (cuti bersama) that civil servants take, confirmed by a Keppres. */
  CUTI_BERSAMA(Text.of("cuti bersama", "collective leave")),
  /** An election's voting day, declared a national holiday. */
  VOTING_DAY(Text.of("hari pemungutan suara", "voting day"));

  private final Text label;

  DayOffKind(Text label) {
    this.label = label;
  }

  /** The kind in both languages. */
  public Text label() {
    return label;
  }
}
