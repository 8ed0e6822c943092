package id.go.kpu.jdih.sop.lint;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import java.util.OptionalInt;

/**
 * One consistency finding on a definition.
 *
 * @param rule the rule broken; gives the code and severity
 * @param activity the activity concerned, if any
 * @param location where in the definition, as a property path, e.g. {@code activities[4].quality.requirements[3]}
 * @param message what is wrong, in Indonesian and English
 */
public record LintFinding(LintRule rule, OptionalInt activity, String location, Text message) {

  /** All parts are required. */
  public LintFinding {
    checkNotNull(rule, "rule");
    checkNotNull(activity, "activity");
    checkNotNull(location, "location");
    checkNotNull(message, "message");
  }

  /** The rule's stable code. */
  public String code() {
    return rule.code();
  }

  /** The rule's severity. */
  public Severity severity() {
    return rule.severity();
  }

  /** {@code CODE SEVERITY location: message} in one language. */
  public String describe(Language language) {
    return rule.code() + " " + rule.severity() + " " + location + ": " + message.in(language);
  }

  @Override
  public String toString() {
    return rule.code() + " " + rule.severity() + " " + location + ": " + message.bilingual();
  }
}
