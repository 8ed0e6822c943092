package id.go.kpu.jdih.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Variants derived from the reference definition, and the versioned registry. */
class VariantTest {

  private final SopDefinition ref = ReferenceSop.definition();

  static SopDefinition withSecondApproval() {
    return id.go.kpu.jdih.testkit.Fixtures.secondApprovalVariant();
  }

  @Test
  void anotherOfficeIdentity() {
    SopDefinition v = ref.toBuilder()
        .office(new Office("kpu-kota-jayapura", "KOMISI PEMILIHAN UMUM KOTA JAYAPURA",
            "SEKRETARIS KOMISI PEMILIHAN UMUM KOTA JAYAPURA", ZoneId.of("Asia/Jayapura")))
        .identity(new SopIdentity("3 Tahun 2024", 0, LocalDate.of(2024, 2, 1), Optional.empty(),
            LocalDate.of(2024, 2, 5), new Approver("SEKRETARIS KPU KOTA JAYAPURA", "NAMA PEJABAT",
            Nip.of("197501012000031002"))))
        .build();
    assertThat(v.key()).isEqualTo(new SopKey("kpu-kota-jayapura", "3 Tahun 2024", 0));
    assertThat(v.activities()).isEqualTo(ref.activities());
    assertThat(v.office().zone()).isEqualTo(ZoneId.of("Asia/Jayapura"));
  }

  @Test
  void anotherExecutorAndRetimedActivity() {
    SopDefinition v = ref.toBuilder().executor(7, ReferenceSop.TIM_PEMBINA_TEKNIS)
        .time(5, TimeStandard.workingDays(3)).build();
    assertThat(v.activity(7).orElseThrow().executor()).isEqualTo(ReferenceSop.TIM_PEMBINA_TEKNIS);
    assertThat(v.activity(5).orElseThrow().quality().time()).contains(TimeStandard.workingDays(3));
    assertThat(ref.activity(5).orElseThrow().quality().time()).contains(TimeStandard.workingDays(1));
  }

  @Test
  void secondApprovalIsInsertedAndLaterRowsRenumbered() {
    SopDefinition v = withSecondApproval();
    assertThat(v.activities()).hasSize(8);
    assertThat(v.activity(7).orElseThrow().kind()).isEqualTo(ActivityKind.APPROVAL);
    assertThat(v.activity(8).orElseThrow().kind()).isEqualTo(ActivityKind.PUBLICATION);
    assertThat(v.transitionAfter(6)).isEqualTo(Transition.to(Target.activity(7)));
    assertThat(v.transitionAfter(7)).isEqualTo(Transition.decision(
        Branch.of(Outcome.APPROVED, Target.activity(8)), Branch.of(Outcome.REJECTED, Target.activity(5))));
    assertThat(v.transitionAfter(8)).isEqualTo(Transition.to(Target.end()));
    // the first decision is untouched
    assertThat(v.transitionAfter(2)).isEqualTo(ref.transitionAfter(2));
    assertThat(v.key().revision()).isEqualTo(1);
  }

  @Test
  void insertedTaskTakesOverTheArrow() {
    Activity legalCheck = new Activity(0, "Memeriksa kesesuaian materi dengan produk hukum yang berlaku",
        ReferenceSop.STAF, ActivityKind.TASK, new QualityStandard(ImmutableList.of(),
        Optional.of(TimeStandard.workingDays(1)), Optional.of("Catatan pemeriksaan")), Optional.empty());
    SopDefinition v = ref.toBuilder().insertAfter(1, legalCheck).build();
    assertThat(v.activity(2).orElseThrow().description()).startsWith("Memeriksa");
    assertThat(v.transitionAfter(1)).isEqualTo(Transition.to(Target.activity(2)));
    assertThat(v.transitionAfter(2)).isEqualTo(Transition.to(Target.activity(3)));
    // the old approval, now 3, still rejects back to the proposal
    assertThat(((Transition.Decision) v.transitionAfter(3)).branch(Outcome.REJECTED).orElseThrow().target())
        .isEqualTo(Target.activity(1));
    assertThat(((Transition.Decision) v.transitionAfter(3)).branch(Outcome.APPROVED).orElseThrow().target())
        .isEqualTo(Target.activity(4));
  }

  @Test
  void removedActivityIsBypassed() {
    // An office without a separate summary step: the meeting leads straight to the design.
    SopDefinition v = ref.toBuilder()
        .remove(4)
        .activity(4, a -> new Activity(a.number(), a.description(), a.executor(), a.kind(),
            new QualityStandard(ImmutableList.of(Requirement.document("Notulen Rapat", Artifact.MINUTES)),
                a.quality().time(), a.quality().output()), a.remarks()))
        .build();
    assertThat(v.activities()).hasSize(6);
    assertThat(v.activities()).extracting(Activity::kind).containsExactly(ActivityKind.PROPOSAL,
        ActivityKind.APPROVAL, ActivityKind.MEETING, ActivityKind.DESIGN, ActivityKind.CAPTION,
        ActivityKind.PUBLICATION);
    assertThat(v.transitionAfter(3)).isEqualTo(Transition.to(Target.activity(4)));
    assertThat(v.transitionAfter(6)).isEqualTo(Transition.to(Target.end()));
  }

  @Test
  void removingTheStartMovesTheStart() {
    SopDefinition v = ref.toBuilder().remove(1).remove(1).build();
    assertThat(v.flow().start()).isEqualTo(1);
    assertThat(v.startActivity().kind()).isEqualTo(ActivityKind.MEETING);
  }

  @Test
  void registryPinsExactDefinitions() {
    SopRegistry registry = SopRegistry.withReference();
    SopDefinition revised = withSecondApproval();
    registry.register(revised);
    registry.register(revised); // idempotent
    assertThat(registry.keys()).containsExactly(ref.key(), revised.key());
    assertThat(registry.latest(ReferenceSop.OFFICE_ID, "6 Tahun 2023")).contains(revised);
    assertThat(registry.get(ref.key())).isSameAs(ref);

    SopDefinition sameKeyOtherContent = revised.toBuilder().time(1, TimeStandard.hours(2)).build();
    assertThatThrownBy(() -> registry.register(sameKeyOtherContent))
        .isInstanceOf(SopRegistry.ConflictingDefinitionException.class)
        .hasMessageContaining("JDIH-DEF-002")
        .hasMessageContaining("kpu-kab-kepulauan-mentawai/6 Tahun 2023/r1");
    assertThatThrownBy(() -> registry.get(new SopKey("x", "1", 0)))
        .isInstanceOf(SopRegistry.UnknownDefinitionException.class);
  }

  @Test
  void builderRejectsNullItemsAtOnce() {
    java.util.List<String> items = new java.util.ArrayList<>();
    items.add(null);
    assertThatThrownBy(() -> ref.toBuilder().legalBasis(items)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("item [0] is null");
  }
}
