package id.go.kpu.jdih.compliance;

import id.go.kpu.jdih.i18n.Text;
import java.util.OptionalInt;

/**
 * One way a case's history departed from its SOP.
 *
 * @param rule the rule broken
 * @param activity the activity concerned, if any
 * @param sequence the event concerned (its sequence number), 0 if none
 * @param message what happened, in Indonesian and English
 */
public record Finding(Rule rule, OptionalInt activity, long sequence, Text message) {

  /** The rules compliance checks. */
  public enum Rule {
    /** The activity was done by someone not holding its executor role. */
    WRONG_ROLE("JDIH-COMP-001", Text.of("dikerjakan bukan oleh pelaksananya", "done by someone other than its executor")),
    /** The activity was done out of the SOP's order (skipped ahead or repeated). */
    OUT_OF_ORDER("JDIH-COMP-002", Text.of("tidak sesuai urutan", "out of order")),
    /** The activity's output is missing. */
    MISSING_OUTPUT("JDIH-COMP-003", Text.of("output tidak ada", "output missing")),
    /** An input of the activity's Kelengkapan did not exist when it was done. */
    MISSING_INPUT("JDIH-COMP-004", Text.of("kelengkapan tidak ada", "required input missing")),
    /** The activity took longer than its time standard. */
    LATE("JDIH-COMP-005", Text.of("melewati standar waktu", "exceeded its time standard")),
    /** The history's hash chain does not verify. */
    BROKEN_CHAIN("JDIH-COMP-006", Text.of("rantai hash rusak", "hash chain broken")),
    /** The open activity is past its deadline at the time of the report. */
    OPEN_OVERDUE("JDIH-COMP-007", Text.of("kegiatan berjalan sudah terlambat", "open activity overdue"));

    private final String code;
    private final Text title;

    Rule(String code, Text title) {
      this.code = code;
      this.title = title;
    }

    /** The stable code. */
    public String code() {
      return code;
    }

    /** A short title. */
    public Text title() {
      return title;
    }
  }
}
