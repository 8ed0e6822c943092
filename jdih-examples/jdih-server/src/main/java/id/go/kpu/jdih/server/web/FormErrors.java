package id.go.kpu.jdih.server.web;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.server.api.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal as a form shows it: the stable {@code JDIH-*} code and message at the top, and each violation next to
 * the form field it concerns (a violation of no field of the form stays at the top).
 */
public final class FormErrors {
  private static final Text MARKED = Text.of("Periksa isian yang ditandai.", "Check the fields marked.");
  private static final FormErrors NONE = new FormErrors("", "", Map.of(), List.of());

  private final String code;
  private final String detail;
  private final Map<String, List<String>> byField;
  private final List<String> other;

  private FormErrors(String code, String detail, Map<String, List<String>> byField, List<String> other) {
    this.code = code;
    this.detail = detail;
    this.byField = byField;
    this.other = other;
  }

  /** No errors. */
  static FormErrors none() {
    return NONE;
  }

  /** The errors of {@code problem}, placed at {@code fields} of the form. */
  static FormErrors of(Problems.Problem problem, List<String> fields, Language language) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    List<String> other = new ArrayList<>();
    for (Map<String, String> e : problem.errors()) {
      String path = e.get("field");
      String field = fields.stream().filter(f -> matches(path, f)).findFirst().orElse(null);
      if (field == null) {
        other.add(path + ": " + e.get("message"));
      } else {
        byField.computeIfAbsent(field, k -> new ArrayList<>()).add(e.get("message"));
      }
    }
    // The violations are shown at their fields: the top says so instead of naming the fields' technical paths.
    String detail = !byField.isEmpty() && other.isEmpty() ? MARKED.in(language) : problem.detail();
    return new FormErrors(problem.code(), detail, byField, other);
  }

  private static boolean matches(String path, String field) {
    if (path == null) {
      return false;
    }
    String p = path.replaceAll("\\[\\d+\\]", "");
    return p.equals(field) || p.endsWith("." + field) || p.startsWith(field + ".")
        || p.contains("." + field + ".");
  }

  /** Whether there is any error. */
  public boolean any() {
    return !code.isEmpty();
  }

  /** The stable code, e.g. {@code JDIH-CASE-004}. */
  public String code() {
    return code;
  }

  /** The refusal's message. */
  public String detail() {
    return detail;
  }

  /** Violations of no field of the form. */
  public List<String> other() {
    return other;
  }

  /** Whether {@code field} has errors. */
  public boolean has(String field) {
    return byField.containsKey(field);
  }

  /** The errors of {@code field}. */
  public List<String> of(String field) {
    return byField.getOrDefault(field, List.of());
  }
}
