package id.go.kpu.jdih.compliance;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.workflow.CaseStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compliance over many cases of a period: totals per activity and per role, and counts of cases and findings.
 * Built by an {@link Accumulator} one case at a time, so a report over a million stored cases holds only the
 * totals, never the cases.
 *
 * @param from the period's start (inclusive): cases opened from here
 * @param to the period's end (exclusive)
 * @param cases how many cases
 * @param compliantCases how many broke no rule
 * @param byStatus cases per status
 * @param revisions revision loops in all
 * @param findings findings per rule
 * @param perActivity totals per activity number
 * @param perRole totals per executor role
 * @param uncoveredYears the years deadlines of these cases were counted over that the holiday calendar does not
 *     cover ({@link id.go.kpu.jdih.time.Coverage}); empty when every deadline is sure
 */
public record ComplianceReport(Instant from, Instant to, long cases, long compliantCases,
    ImmutableMap<CaseStatus, Long> byStatus, long revisions, ImmutableMap<Finding.Rule, Long> findings,
    ImmutableSortedMap<Integer, ComplianceTotals> perActivity, ImmutableSortedMap<RoleId, ComplianceTotals> perRole,
    ImmutableSortedSet<Integer> uncoveredYears) {

  /** A new accumulator for the period {@code [from, to)}. */
  public static Accumulator accumulator(Instant from, Instant to) {
    return new Accumulator(from, to);
  }

  /** Accumulates cases into a report. Not thread-safe. */
  public static final class Accumulator {
    private final Instant from;
    private final Instant to;
    private long cases;
    private long compliant;
    private long revisions;
    private final Map<CaseStatus, Long> byStatus = new EnumMap<>(CaseStatus.class);
    private final Map<Finding.Rule, Long> findings = new EnumMap<>(Finding.Rule.class);
    private final Map<Integer, Group> perActivity = new TreeMap<>();
    private final Map<RoleId, Group> perRole = new TreeMap<>();
    private final Set<Integer> uncoveredYears = new TreeSet<>();

    private Accumulator(Instant from, Instant to) {
      this.from = checkNotNull(from, "from");
      this.to = checkNotNull(to, "to");
      checkArgument(to.isAfter(from), "the period ends after it starts");
    }

    /** Adds one case. */
    public Accumulator add(CaseCompliance c) {
      cases++;
      if (c.compliant()) {
        compliant++;
      }
      revisions += c.revisions();
      byStatus.merge(c.status(), 1L, Long::sum);
      c.findings().forEach(f -> findings.merge(f.rule(), 1L, Long::sum));
      for (ActivityRecord r : c.records()) {
        perActivity.computeIfAbsent(r.activity(), k -> new Group()).add(r);
        perRole.computeIfAbsent(r.executor(), k -> new Group()).add(r);
        uncoveredYears.addAll(r.coverage().uncoveredYears());
      }
      return this;
    }

    /** The report so far. */
    public ComplianceReport build() {
      ImmutableSortedMap.Builder<Integer, ComplianceTotals> acts = ImmutableSortedMap.naturalOrder();
      perActivity.forEach((k, g) -> acts.put(k, g.totals()));
      ImmutableSortedMap.Builder<RoleId, ComplianceTotals> roles = ImmutableSortedMap.naturalOrder();
      perRole.forEach((k, g) -> roles.put(k, g.totals()));
      return new ComplianceReport(from, to, cases, compliant, ImmutableMap.copyOf(byStatus), revisions,
          ImmutableMap.copyOf(findings), acts.build(), roles.build(), ImmutableSortedSet.copyOf(uncoveredYears));
    }
  }

  private static final class Group {
    long done;
    long onTime;
    long byExecutor;
    long withOutput;
    long inOrder;
    long notCovered;
    final DurationHistogram durations = new DurationHistogram();

    void add(ActivityRecord r) {
      done++;
      onTime += r.onTime() ? 1 : 0;
      byExecutor += r.byExecutor() ? 1 : 0;
      withOutput += r.withOutput() ? 1 : 0;
      inOrder += r.inOrder() ? 1 : 0;
      notCovered += r.coverage().isCovered() ? 0 : 1;
      durations.add(r.workingTime());
    }

    ComplianceTotals totals() {
      return new ComplianceTotals(done, onTime, byExecutor, withOutput, inOrder, durations.percentile(0.5),
          durations.percentile(0.9), notCovered);
    }
  }
}
