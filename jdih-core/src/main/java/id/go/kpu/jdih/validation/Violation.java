package id.go.kpu.jdih.validation;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;

/**
 * One broken rule of an input: where it is, which rule, and what is wrong in both languages.
 *
 * @param path the property path of the offending field, e.g. {@code activities[4].quality.time.amount}
 * @param rule the rule's stable name, e.g. {@code NotBlank}, {@code Positive}, {@code UniqueNumber}
 * @param message what is wrong, in Indonesian and English
 */
public record Violation(String path, String rule, Text message) implements Comparable<Violation> {

  /** Checks that all parts are present. */
  public Violation {
    checkNotNull(path, "path");
    checkNotNull(rule, "rule");
    checkNotNull(message, "message");
  }

  /** {@code path: message [rule]} in one language. */
  public String describe(Language language) {
    return (path.isEmpty() ? "(root)" : path) + ": " + message.in(language) + " [" + rule + "]";
  }

  @Override
  public int compareTo(Violation o) {
    int c = path.compareTo(o.path);
    return c != 0 ? c : rule.compareTo(o.rule);
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "(root)" : path) + ": " + message.bilingual() + " [" + rule + "]";
  }
}
