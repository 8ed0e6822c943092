package id.go.kpu.jdih.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.validation.Violation;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each kind of invalid definition fails with one exception naming every field and rule. */
class InvalidDefinitionTest {

  private static ImmutableList<Violation> violationsOf(Consumer<SopDefinition.Builder> change) {
    SopDefinition.Builder b = ReferenceSop.definition().toBuilder();
    change.accept(b);
    InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class, b::build);
    assertThat(e).as("expected the definition to be refused").isNotNull();
    assertThat(e.code()).isEqualTo("JDIH-DEF-001");
    return e.violations();
  }

  private static String pathsAndRules(List<Violation> violations) {
    return violations.stream().map(v -> v.path() + " " + v.rule()).reduce((a, b) -> a + "; " + b).orElse("");
  }

  @Test
  void nullAndBlankFieldsAreNamed() {
    ImmutableList<Violation> v = violationsOf(b -> b.title(" ").recordKeeping(null).identity(new SopIdentity(
        "", 0, null, Optional.empty(), ReferenceSop.definition().identity().approvedOn(),
        new Approver("Sekretaris", "", Nip.of("1234")))));
    assertThat(pathsAndRules(v)).isEqualTo(
        "identity.approvedBy.name NotBlank; identity.approvedBy.nip.value Pattern; identity.createdOn NotNull; "
            + "identity.number NotBlank; recordKeeping NotBlank; title NotBlank");
    assertThat(v.get(0).message().in(Language.ID)).isEqualTo("wajib diisi dan tidak boleh kosong");
    assertThat(v.get(0).message().in(Language.EN)).isEqualTo("is required and must not be blank");
    assertThat(v.get(1).message().en()).isEqualTo("does not match the format (18 digits)");
  }

  @Test
  void duplicateActivityNumberIsRefused() {
    ImmutableList<Violation> v = violationsOf(b -> b.activity(3, a -> a).activities(
        ImmutableList.<Activity>builder().addAll(ReferenceSop.definition().activities())
            .add(ReferenceSop.definition().activity(3).orElseThrow()).build()));
    assertThat(pathsAndRules(v)).isEqualTo("activities[7].number Unique");
    assertThat(v.get(0).message().bilingual())
        .isEqualTo("nomor kegiatan 3 dipakai lebih dari sekali / activity number 3 is used more than once");
  }

  @Test
  void unknownExecutorRoleIsRefused() {
    ImmutableList<Violation> v = violationsOf(b -> b.executor(5, RoleId.of("humas")));
    assertThat(pathsAndRules(v)).isEqualTo("activities[4].executor KnownRole");
    assertThat(v.get(0).message().id()).contains("humas");
  }

  /** Issue 18, item 12: a path's index is the row's place in the list; the message names the activity's number. */
  @Test
  void theMessageNamesTheActivityByItsNumberWhateverItsPlaceInTheList() {
    List<Activity> reversed = new java.util.ArrayList<>(ReferenceSop.definition().activities());
    java.util.Collections.reverse(reversed);
    ImmutableList<Violation> v = violationsOf(b -> b.activities(reversed).executor(7, RoleId.of("humas"))
        .activity(2, a -> new Activity(a.number(), " ", a.executor(), a.kind(), a.quality(), a.remarks())));
    // (The structural check reports rows as given; bean validation as sorted by number.)
    assertThat(pathsAndRules(v)).isEqualTo("activities[0].executor KnownRole; activities[1].description NotBlank");
    assertThat(v.get(0).message().bilingual()).isEqualTo("kegiatan 7: pelaksana 'humas' tidak ada dalam daftar "
        + "pelaksana / activity 7: executor 'humas' is not one of the roles");
    assertThat(v.get(1).message().en()).isEqualTo("activity 2: is required and must not be blank");
  }

  @Test
  void zeroOrNegativeTimeStandardIsRefused() {
    ImmutableList<Violation> v = violationsOf(b -> b.time(3, TimeStandard.workingDays(0))
        .time(6, TimeStandard.hours(-2)));
    assertThat(pathsAndRules(v))
        .isEqualTo("activities[2].quality.time.amount Positive; activities[5].quality.time.amount Positive");
  }

  @Test
  void decisionWithoutBranchesIsRefused() {
    ImmutableList<Violation> v = violationsOf(b -> b.transition(2, new Transition.Decision(List.of())));
    assertThat(pathsAndRules(v)).isEqualTo("flow.transitions[2].branches NotEmpty");
  }

  @Test
  void brokenFlowIsRefusedWithEveryProblemAtOnce() {
    ImmutableList<Violation> v = violationsOf(b -> b
        .start(9)
        .transition(4, Transition.to(Target.activity(12)))
        .transition(3, Transition.decision(Branch.of(Outcome.APPROVED, Target.activity(4))))
        .transition(2, Transition.to(Target.activity(3)))
        .withdrawalRole(Optional.of(RoleId.of("ketua"))));
    assertThat(pathsAndRules(v)).isEqualTo(
        "flow.start KnownActivity; flow.transitions[2] DecisionAfterApproval; "
            + "flow.transitions[3] DecisionAfterApproval; flow.transitions[4].next KnownActivity; "
            + "flow.withdrawalRole KnownRole");
  }

  @Test
  void missingTransitionDuplicateRolesAndBadIdsAreRefused() {
    SopDefinition ref = ReferenceSop.definition();
    ImmutableList<Violation> v = violationsOf(b -> b
        .flow(new Flow(1, ImmutableList.copyOf(ref.flow().transitions().entrySet()).subList(0, 6).stream()
            .collect(com.google.common.collect.ImmutableMap.toImmutableMap(e -> e.getKey(), e -> e.getValue())),
            Optional.empty()))
        .roles(List.of(ref.roles().get(0), ref.roles().get(1), ref.roles().get(2),
            new Role(RoleId.of("Staf Baru"), "Staf Baru"), new Role(ReferenceSop.STAF, "Staf lagi"))));
    assertThat(pathsAndRules(v)).isEqualTo(
        "flow.transitions[7] NotNull; roles[3].id.value Pattern; roles[4].id Unique");
  }

  @Test
  void revisionNeedsARevisionDate() {
    SopIdentity id = ReferenceSop.definition().identity();
    ImmutableList<Violation> v = violationsOf(b -> b.identity(new SopIdentity(id.number(), 1, id.createdOn(),
        Optional.empty(), id.approvedOn(), id.approvedBy())));
    assertThat(pathsAndRules(v)).isEqualTo("identity.revisedOn RevisionDate");
  }

  @Test
  void exceptionMessageListsEveryViolationInBothLanguages() {
    SopDefinition.Builder b = ReferenceSop.definition().toBuilder().title("").executor(1, RoleId.of("x"));
    InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class, b::build);
    assertThat(e.getMessage())
        .contains("Definisi SOP tidak sah (2 pelanggaran)")
        .contains("Invalid SOP definition (2 violations)")
        .contains("title: wajib diisi")
        .contains("activities[0].executor: activity 1: executor 'x' is not one of the roles [KnownRole]");
  }

  @Test
  void emptyBuilderReportsEveryRequiredPart() {
    InvalidDefinitionException e =
        catchThrowableOfType(InvalidDefinitionException.class, () -> SopDefinition.builder().build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly(
        "activities", "flowchartTitle", "identity", "office", "recordKeeping", "roles", "signature", "title");
  }
}
