package id.go.kpu.jdih.workflow;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.validation.Violation;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A command broke a rule of the SOP and was refused; nothing was recorded. The {@link #rule() rule} gives the
 * stable code; the message names the case, the activity and what is wrong, in Indonesian and English.
 */
public final class CaseRuleViolation extends JdihException {
  private static final long serialVersionUID = 1L;

  private final Rule rule;
  private final CaseId caseId;
  private final OptionalInt activity;
  private final ImmutableList<Violation> violations;

  CaseRuleViolation(Rule rule, CaseId caseId, OptionalInt activity, Text detail) {
    this(rule, caseId, activity, detail, ImmutableList.of());
  }

  CaseRuleViolation(Rule rule, CaseId caseId, OptionalInt activity, Text detail,
      ImmutableList<Violation> violations) {
    super(rule.code(), compose(caseId, activity, detail, violations));
    this.rule = rule;
    this.caseId = caseId;
    this.activity = activity;
    this.violations = violations;
  }

  /**
   * {@link Rule#INVALID_OUTPUT} for checks made outside the decider (the runtime's media check, say).
   *
   * @param caseId the case
   * @param activity the activity whose output it is
   * @param violations every field that is wrong, at least one
   * @return the violation, to throw
   */
  public static CaseRuleViolation invalidOutput(CaseId caseId, OptionalInt activity, List<Violation> violations) {
    checkArgument(!violations.isEmpty(), "at least one violation");
    return new CaseRuleViolation(Rule.INVALID_OUTPUT, caseId, activity, Text.of(
        "output kegiatan tidak lengkap atau tidak sah", "the activity's output is missing or invalid"),
        violations.stream().sorted().distinct().collect(ImmutableList.toImmutableList()));
  }

  private static Text compose(CaseId caseId, OptionalInt activity, Text detail,
      ImmutableList<Violation> violations) {
    String where = activity.isPresent() ? ", kegiatan " + activity.getAsInt() : "";
    String whereEn = activity.isPresent() ? ", activity " + activity.getAsInt() : "";
    String list = violations.stream().map(v -> "; " + v.describe(id.go.kpu.jdih.i18n.Language.ID))
        .collect(Collectors.joining());
    String listEn = violations.stream().map(v -> "; " + v.describe(id.go.kpu.jdih.i18n.Language.EN))
        .collect(Collectors.joining());
    return Text.of("Kasus " + caseId + where + ": " + detail.id() + list,
        "Case " + caseId + whereEn + ": " + detail.en() + listEn);
  }

  /** The rule broken. */
  public Rule rule() {
    return rule;
  }

  /** The case. */
  public CaseId caseId() {
    return caseId;
  }

  /** The activity concerned, if any. */
  public OptionalInt activity() {
    return activity;
  }

  /** For {@link Rule#INVALID_OUTPUT}: every field that is wrong. */
  public ImmutableList<Violation> violations() {
    return violations;
  }

  /** The rules of the lifecycle, each with a stable code. */
  public enum Rule {
    /** Only a person holding the activity's executor role may perform it. */
    NOT_EXECUTOR("JDIH-CASE-001"),
    /** The command does not perform the case's current activity: skipped, repeated or out of order. */
    OUT_OF_ORDER("JDIH-CASE-002"),
    /** The activity's output is missing or invalid. */
    INVALID_OUTPUT("JDIH-CASE-003"),
    /** An input document of the activity's Kelengkapan does not exist yet. */
    MISSING_INPUT("JDIH-CASE-004"),
    /** The case is published or withdrawn and accepts nothing more. */
    CASE_CLOSED("JDIH-CASE-005"),
    /** The case does not exist. */
    UNKNOWN_CASE("JDIH-CASE-006"),
    /** The decision has no branch for the outcome asked for. */
    NO_BRANCH("JDIH-CASE-007"),
    /** The person may not withdraw the case, or the definition allows no withdrawal. */
    NOT_ALLOWED("JDIH-CASE-008"),
    /** The command itself is malformed: no command id, an invalid actor record, ... */
    INVALID_COMMAND("JDIH-CASE-009");

    private final String code;

    Rule(String code) {
      this.code = code;
    }

    /** The stable code. */
    public String code() {
      return code;
    }
  }
}
