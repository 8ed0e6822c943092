package id.go.kpu.jdih.sop.lint;

import id.go.kpu.jdih.i18n.Text;

/** The consistency rules SOP lint checks, each with a stable code and a severity. */
public enum LintRule {
  /** An activity's Kelengkapan names equipment that the Peralatan/Perlengkapan list does not contain. */
  EQUIPMENT_NOT_LISTED("JDIH-LINT-001", Severity.WARNING,
      Text.of("Kelengkapan menyebut peralatan di luar daftar Peralatan/Perlengkapan",
          "Kelengkapan names equipment missing from the Peralatan/Perlengkapan list")),
  /** An activity (other than an approval, whose output is the decision) names no output. */
  ACTIVITY_WITHOUT_OUTPUT("JDIH-LINT-002", Severity.WARNING,
      Text.of("Kegiatan tanpa output", "Activity without an output")),
  /** A role (lane) performs no activity. */
  LANE_WITHOUT_ACTIVITIES("JDIH-LINT-003", Severity.WARNING,
      Text.of("Pelaksana tanpa kegiatan", "Lane without activities")),
  /** An activity has no time standard (Waktu). */
  MISSING_TIME_STANDARD("JDIH-LINT-004", Severity.WARNING,
      Text.of("Kegiatan tanpa standar waktu", "Activity without a time standard")),
  /** No path from the start reaches the activity. */
  UNREACHABLE_ACTIVITY("JDIH-LINT-005", Severity.ERROR,
      Text.of("Kegiatan tidak dapat dicapai dari Mulai", "Activity not reachable from the start")),
  /** A decision lacks its approved or its rejected branch. */
  DECISION_MISSING_BRANCH("JDIH-LINT-006", Severity.ERROR,
      Text.of("Keputusan tanpa kedua cabangnya (Ya dan Tidak)", "Decision without both branches (yes and no)")),
  /** From the activity, no path reaches the end (Selesai). */
  NO_PATH_TO_END("JDIH-LINT-007", Severity.ERROR,
      Text.of("Dari kegiatan ini tidak ada alur yang sampai ke Selesai", "No path from this activity reaches the end")),
  /** A document input is not produced by any activity that can run before it. */
  INPUT_NOT_PRODUCED("JDIH-LINT-008", Severity.ERROR,
      Text.of("Dokumen masukan tidak dihasilkan kegiatan sebelumnya",
          "Input document not produced by an earlier activity")),
  /** The flow never reaches a publication activity, so no case can be published. */
  NO_PUBLICATION("JDIH-LINT-009", Severity.WARNING,
      Text.of("Alur tidak memuat kegiatan pengunggahan", "The flow has no publication activity"));

  private final String code;
  private final Severity severity;
  private final Text title;

  LintRule(String code, Severity severity, Text title) {
    this.code = code;
    this.severity = severity;
    this.title = title;
  }

  /** The stable code, e.g. {@code JDIH-LINT-001}. */
  public String code() {
    return code;
  }

  /** The severity of every finding of this rule. */
  public Severity severity() {
    return severity;
  }

  /** A short title of the rule. */
  public Text title() {
    return title;
  }
}
