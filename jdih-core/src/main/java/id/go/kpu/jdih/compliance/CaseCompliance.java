package id.go.kpu.jdih.compliance;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.time.OpenActivity;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import java.util.Optional;

/**
 * How one case followed its SOP.
 *
 * @param caseId the case
 * @param sop the definition it ran under
 * @param status where it stands
 * @param records every completed activity, in order
 * @param findings every departure from the SOP, in order
 * @param revisions how often the draft was sent back
 * @param open the open activity at the time of the check, if any
 */
public record CaseCompliance(CaseId caseId, SopKey sop, CaseStatus status, ImmutableList<ActivityRecord> records,
    ImmutableList<Finding> findings, int revisions, Optional<OpenActivity> open) {

  /** True if no rule was broken. */
  public boolean compliant() {
    return findings.isEmpty();
  }

  /** The findings of one rule. */
  public ImmutableList<Finding> findings(Finding.Rule rule) {
    return findings.stream().filter(f -> f.rule() == rule).collect(ImmutableList.toImmutableList());
  }
}
