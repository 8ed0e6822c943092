package id.go.kpu.jdih.workflow.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.property.Gen;
import id.go.kpu.jdih.testkit.property.Property;
import id.go.kpu.jdih.testkit.property.PropertyFailure;
import id.go.kpu.jdih.testkit.property.PropertyReport;
import id.go.kpu.jdih.testkit.property.StepModel;
import id.go.kpu.jdih.workflow.CaseDecider;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.OutputRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Long random command sequences, generated from the model's state so that most steps move the case on, checked
 * step by step against the {@link SopModel} and the lifecycle's invariants. The seed is printed; re-run a failure
 * with the printed {@code -Djdih.prop.seed=...}.
 */
class RandomSequenceTest {

  static final int SEQUENCES = 10_000;
  private static final ImmutableList<CommandCatalog.Spec> SPECS = CommandCatalog.all();

  /** Mostly commands the model accepts (so sequences get far), sometimes any command at all. */
  static StepModel<SopModel.State, CommandCatalog.Spec> steps(SopModel model) {
    return StepModel.<SopModel.State, CommandCatalog.Spec>of(SopModel.State::initial, state -> {
      List<CommandCatalog.Spec> accepted = SPECS.stream()
          .filter(s -> model.expect(state, s.model()) instanceof SopModel.Expect.Accept).toList();
      Gen<CommandCatalog.Spec> any = Gen.elements(SPECS);
      return accepted.isEmpty() ? any : Gen.frequency(4, Gen.elements(accepted), 1, any);
    }, (state, spec) -> model.expect(state, spec.model()) instanceof SopModel.Expect.Accept a ? a.next() : state);
  }

  static void run(SopModel model, SopDefinition definition, Decide decide, List<CommandCatalog.Spec> steps) {
    TransitionChecker checker = new TransitionChecker(model, definition, decide, false);
    TransitionChecker.Node node = TransitionChecker.Node.initial(CaseId.of("acak"));
    for (CommandCatalog.Spec spec : steps) {
      node = checker.step(node, spec);
    }
    checker.finish(node);
  }

  @Test
  void referenceSopFollowsTheModelOverLongRandomSequences() {
    SopDefinition def = ReferenceSop.definition();
    CaseDecider decider = new CaseDecider(def, OutputRules.acceptAll());
    PropertyReport r = Property.named("reference SOP follows its model").tries(SEQUENCES)
        .forAllSequences(steps(SopModel.reference()), 1, 40,
            seq -> run(SopModel.reference(), def, decider::decide, seq));
    System.out.println(r.summary());
    assertThat(r.triesRun()).isEqualTo(SEQUENCES);
  }

  @Test
  void secondApprovalVariantFollowsTheModelOverRandomSequences() {
    SopDefinition def = Fixtures.secondApprovalVariant();
    CaseDecider decider = new CaseDecider(def, OutputRules.acceptAll());
    PropertyReport r = Property.named("second-approval variant follows its model").tries(2_000)
        .forAllSequences(steps(SopModel.secondApproval()), 1, 50,
            seq -> run(SopModel.secondApproval(), def, decider::decide, seq));
    System.out.println(r.summary());
    assertThat(r.triesRun()).isEqualTo(2_000);
  }

  @Test
  void aBrokenTransitionIsFoundAndShrunkToAMinimalSequence() {
    SopDefinition def = ReferenceSop.definition();
    PropertyFailure f = catchThrowableOfType(PropertyFailure.class, () -> Property
        .named("broken copy: summary by anyone").tries(SEQUENCES).seed(20261124L)
        .forAllSequences(steps(SopModel.reference()), 1, 40,
            seq -> run(SopModel.reference(), def, BrokenDeciders.summaryByAnyone(def), seq)));
    assertThat(f).as("the harness must catch the broken transition").isNotNull();
    @SuppressWarnings("unchecked")
    List<CommandCatalog.Spec> shrunk = (List<CommandCatalog.Spec>) f.counterexample();
    @SuppressWarnings("unchecked")
    List<CommandCatalog.Spec> original = (List<CommandCatalog.Spec>) f.originalCounterexample();
    System.out.printf("broken copy caught at try %d: shrunk from %d to %d steps: %s%n", f.tryIndex(),
        original.size(), shrunk.size(), shrunk);
    // The shortest way to reach the broken transition: propose, approve, meeting, then a summary by a non-Staf.
    assertThat(shrunk).hasSize(4);
    assertThat(shrunk.get(0).label()).startsWith("propose");
    assertThat(shrunk.get(1).label()).startsWith("approve");
    assertThat(shrunk.get(2).label()).startsWith("meeting by");
    assertThat(shrunk.get(3).label()).startsWith("summary").doesNotEndWith("by staf")
        .doesNotEndWith("by all-roles");
    assertThat(f.getMessage()).contains("seed 20261124").contains(".onlyTry(").contains("NOT_EXECUTOR");
  }
}
