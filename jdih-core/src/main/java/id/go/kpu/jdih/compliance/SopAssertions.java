package id.go.kpu.jdih.compliance;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Assertions for embedders' tests, usable from any test framework: each throws {@link AssertionError} whose
 * message names the case, the activity and the rule broken.
 *
 * <pre>{@code
 * SopAssertions assertions = new SopAssertions(checker);
 * assertions.assertComplies(store.load(caseId), clock.instant());
 * assertions.assertCannotPerform(staf, ReferenceSop.definition(), 2);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SopAssertions {

  private final ComplianceChecker checker;

  /** Assertions that check with {@code checker}. */
  public SopAssertions(ComplianceChecker checker) {
    this.checker = checkNotNull(checker, "checker");
  }

  /** Asserts that the history broke no rule of its SOP, as of {@code asOf}. */
  public CaseCompliance assertComplies(List<RecordedEvent> history, Instant asOf) {
    CaseCompliance c = checker.check(history, asOf);
    if (!c.compliant()) {
      throw new AssertionError(describe(c, c.findings()));
    }
    return c;
  }

  /** Asserts that every completed activity kept its time standard under the checker's calendar. */
  public CaseCompliance assertKeptTimeStandards(List<RecordedEvent> history, Instant asOf) {
    CaseCompliance c = checker.check(history, asOf);
    List<Finding> late = c.findings().stream()
        .filter(f -> f.rule() == Finding.Rule.LATE || f.rule() == Finding.Rule.OPEN_OVERDUE).toList();
    if (!late.isEmpty()) {
      throw new AssertionError(describe(c, late));
    }
    return c;
  }

  /** Asserts that {@code person} could not perform activity {@code number} of {@code sop}. */
  public static void assertCannotPerform(Person person, SopDefinition sop, int number) {
    Activity a = sop.activity(number).orElseThrow(() -> new AssertionError(
        "SOP " + sop.key() + " has no activity " + number));
    if (person.holds(a.executor())) {
      throw new AssertionError(person + " holds " + a.executor() + " and so could perform activity " + number
          + " of " + sop.key() + " [NOT_EXECUTOR expected]");
    }
  }

  /** Asserts that {@code person} could perform activity {@code number} of {@code sop}. */
  public static void assertCanPerform(Person person, SopDefinition sop, int number) {
    Activity a = sop.activity(number).orElseThrow(() -> new AssertionError(
        "SOP " + sop.key() + " has no activity " + number));
    if (!person.holds(a.executor())) {
      throw new AssertionError(person + " does not hold " + a.executor() + " and so could not perform activity "
          + number + " of " + sop.key());
    }
  }

  private static String describe(CaseCompliance c, List<Finding> findings) {
    return "Case " + c.caseId() + " (" + c.sop() + ") broke " + findings.size() + " rule(s) of its SOP:\n"
        + findings.stream().map(f -> "  - " + (f.activity().isPresent() ? "activity " + f.activity().getAsInt()
            : "case") + ", event " + f.sequence() + ": " + f.rule() + " [" + f.rule().code() + "] "
            + f.message().en() + " / " + f.message().id()).collect(Collectors.joining("\n"));
  }
}
