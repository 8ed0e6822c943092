package id.go.kpu.jdih.sop.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.Branch;
import id.go.kpu.jdih.sop.Outcome;
import id.go.kpu.jdih.sop.QualityStandard;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.Requirement;
import id.go.kpu.jdih.sop.Artifact;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.Target;
import id.go.kpu.jdih.sop.Transition;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SopLintTest {

  private final SopDefinition ref = ReferenceSop.definition();

  private static String summary(SopDefinition d) {
    return SopLint.check(d).stream().map(f -> f.code() + "@" + f.location()).collect(Collectors.joining(", "));
  }

  @Test
  void referenceHasExactlyTheScannerFinding() {
    ImmutableList<LintFinding> findings = SopLint.check(ref);
    assertThat(findings).hasSize(1);
    LintFinding f = findings.get(0);
    assertThat(f.rule()).isEqualTo(LintRule.EQUIPMENT_NOT_LISTED);
    assertThat(f.code()).isEqualTo("JDIH-LINT-001");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.activity()).hasValue(5);
    assertThat(f.location()).isEqualTo("activities[4].quality.requirements[3]");
    assertThat(f.message().in(Language.ID))
        .isEqualTo("Kegiatan 5 memerlukan 'Scanner', yang tidak ada dalam daftar Peralatan/Perlengkapan");
    assertThat(f.message().in(Language.EN))
        .isEqualTo("Activity 5 needs 'Scanner', which is not in the Peralatan/Perlengkapan list");
  }

  @Test
  void activityWithoutOutputAndMissingTimeStandard() {
    SopDefinition d = ref.toBuilder().activity(4, a -> new Activity(a.number(), a.description(), a.executor(),
        a.kind(), new QualityStandard(a.quality().requirements(), Optional.empty(), Optional.empty()),
        a.remarks())).build();
    assertThat(summary(d)).isEqualTo("JDIH-LINT-002@activities[3].quality.output, "
        + "JDIH-LINT-004@activities[3].quality.time, JDIH-LINT-001@activities[4].quality.requirements[3]");
  }

  @Test
  void laneWithoutActivities() {
    SopDefinition d = ref.toBuilder().addRole(new Role(RoleId.of("ketua"), "Ketua")).build();
    assertThat(summary(d)).endsWith("JDIH-LINT-003@roles[3]");
  }

  @Test
  void unreachableActivityAndNoPathToEnd() {
    // 3 loops back to 1 instead of going on: 4..7 are unreachable, and 1..3 never reach the end.
    SopDefinition d = ref.toBuilder().transition(3, Transition.to(Target.activity(1))).build();
    String s = summary(d);
    assertThat(s).contains("JDIH-LINT-007@activities[0]", "JDIH-LINT-007@activities[1]",
        "JDIH-LINT-007@activities[2]", "JDIH-LINT-005@activities[3]", "JDIH-LINT-005@activities[6]");
    assertThat(s).doesNotContain("JDIH-LINT-007@activities[3]", "JDIH-LINT-005@activities[2]");
  }

  @Test
  void decisionWithoutBothBranches() {
    SopDefinition d = ref.toBuilder()
        .transition(2, Transition.decision(Branch.of(Outcome.APPROVED, Target.activity(3)))).build();
    ImmutableList<LintFinding> f = SopLint.check(d).stream().filter(x -> x.rule() == LintRule.DECISION_MISSING_BRANCH)
        .collect(ImmutableList.toImmutableList());
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message().id()).isEqualTo("Keputusan setelah kegiatan 2 tidak punya cabang 'Tidak'");
    assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void inputNotProducedBeforeItIsNeeded() {
    // Summary moved before the meeting: the minutes cannot exist yet.
    SopDefinition d = ref.toBuilder().remove(4)
        .insertAfter(2, new Activity(0, "Merangkum", ReferenceSop.STAF, ActivityKind.SUMMARY,
            new QualityStandard(List.of(Requirement.document("Notulen Rapat", Artifact.MINUTES)),
                ref.activity(4).orElseThrow().quality().time(), Optional.of("Rangkuman")), Optional.empty()))
        .build();
    assertThat(summary(d)).contains("JDIH-LINT-008@activities[2].quality.requirements[0]");
  }

  @Test
  void flowWithoutPublication() {
    SopDefinition d = ref.toBuilder().remove(7).build();
    assertThat(summary(d)).endsWith("JDIH-LINT-009@activities");
  }

  @Test
  void describeNamesCodeSeverityAndPlace() {
    assertThat(SopLint.check(ref).get(0).describe(Language.EN)).isEqualTo(
        "JDIH-LINT-001 WARNING activities[4].quality.requirements[3]: Activity 5 needs 'Scanner', which is not in "
            + "the Peralatan/Perlengkapan list");
  }
}
