package id.go.kpu.jdih.workflow.property;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kpu.jdih.sop.ReferenceSop;
import org.junit.jupiter.api.Test;

/** The exhaustive check catches a deliberately broken transition. */
class BrokenTransitionTest {

  @Test
  void exhaustiveExplorationCatchesASkippedRoleCheck() {
    assertThatThrownBy(() -> ExhaustiveTransitionTest.explore(SopModel.reference(), ReferenceSop.definition(),
        BrokenDeciders.summaryByAnyone(ReferenceSop.definition())))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("'summary by kasubag'")
        .hasMessageContaining("model expects refusal NOT_EXECUTOR but the library accepted it");
  }

  @Test
  void exhaustiveExplorationCatchesASkippableMeeting() {
    assertThatThrownBy(() -> ExhaustiveTransitionTest.explore(SopModel.reference(), ReferenceSop.definition(),
        BrokenDeciders.meetingSkippable(ReferenceSop.definition())))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("model expects refusal OUT_OF_ORDER but the library accepted it");
  }
}
