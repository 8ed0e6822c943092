package id.go.kpu.jdih.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kpu.jdih.benchmarks.durable.FlowableSop;
import id.go.kpu.jdih.benchmarks.flow.JdihEngine;
import id.go.kpu.jdih.benchmarks.flow.ReferenceCase;
import id.go.kpu.jdih.benchmarks.flow.SopState;
import id.go.kpu.jdih.benchmarks.flow.SpringStatemachineEngine;
import id.go.kpu.jdih.benchmarks.flow.SquirrelEngine;
import id.go.kpu.jdih.benchmarks.flow.Step;
import id.go.kpu.jdih.export.BpmnExporter;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseRuleViolation;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.Person;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a benchmark: checks, in seconds, that the models the lifecycle benchmarks compare (jdih, Spring Statemachine,
 * squirrel-foundation, Flowable on the BPMN exported by jdih-export) run the same case to the same end and refuse
 * the same things (a step by someone without the role, a step without output).
 */
class ModelEquivalenceTest {

  private static final List<Step> STEPS = ReferenceCase.steps();

  @Test
  void theReferenceCaseIsNineStepsWithOneRejection() {
    assertThat(STEPS).hasSize(9);
    assertThat(STEPS.get(1).after()).isEqualTo(SopState.A1_PROPOSAL);
    assertThat(STEPS.get(8).after()).isEqualTo(SopState.PUBLISHED);
  }

  @Test
  void jdihRunsItToPublishedAndRefusesTheBrokenSteps() {
    JdihEngine jdih = new JdihEngine(Clock.systemUTC());
    ContentCase c = jdih.run(CaseId.of("ok"), STEPS);
    assertThat(c.status()).isEqualTo(CaseStatus.PUBLISHED);
    assertThat(c.revisions()).isEqualTo(1);
    assertThat(c.version()).isEqualTo(9);
    assertThat(jdih.store().load(CaseId.of("ok"))).hasSize(9);

    assertThatThrownBy(() -> jdih.run(CaseId.of("wrong-actor"), withWrongActor(STEPS, 4)))
        .isInstanceOfSatisfying(CaseRuleViolation.class,
            v -> assertThat(v.rule()).isEqualTo(CaseRuleViolation.Rule.NOT_EXECUTOR));
    // jdih's commands always carry their output; the same broken step is a design with no item.
    List<Step> noDesign = new ArrayList<>(STEPS);
    Step design = STEPS.get(6);
    noDesign.set(6, new Step(design.event(), design.actor(), null, design.after(),
        (cmd, id, actor) -> new CaseCommand.AttachDesign(cmd, id, actor, List.of())));
    assertThatThrownBy(() -> jdih.run(CaseId.of("no-output"), noDesign))
        .isInstanceOfSatisfying(CaseRuleViolation.class,
            v -> assertThat(v.rule()).isEqualTo(CaseRuleViolation.Rule.INVALID_OUTPUT));
  }

  @Test
  void springStatemachineRunsItToPublishedAndRefusesTheBrokenSteps() {
    SpringStatemachineEngine spring = new SpringStatemachineEngine(ReferenceSop.definition());
    assertThat(spring.runNew("ok", STEPS)).isEqualTo(SopState.PUBLISHED);
    assertThat(spring.runNew("again", STEPS)).isEqualTo(SopState.PUBLISHED);
    assertThatThrownBy(() -> spring.runNew("wrong-actor", withWrongActor(STEPS, 4)))
        .hasMessageContaining("step 4 (RECORD_MEETING) declined");
    assertThatThrownBy(() -> spring.runNew("no-output", withoutOutput(STEPS, 6)))
        .hasMessageContaining("step 6 (ATTACH_DESIGN) declined");
  }

  @Test
  void squirrelRunsItToPublishedAndRefusesTheBrokenSteps() {
    SquirrelEngine squirrel = new SquirrelEngine(ReferenceSop.definition());
    assertThat(squirrel.run(STEPS)).isEqualTo(SopState.PUBLISHED);
    assertThat(squirrel.run(STEPS)).isEqualTo(SopState.PUBLISHED);
    assertThatThrownBy(() -> squirrel.run(withWrongActor(STEPS, 4))).hasMessageContaining("step 4 (RECORD_MEETING)");
    assertThatThrownBy(() -> squirrel.run(withoutOutput(STEPS, 6))).hasMessageContaining("step 6 (ATTACH_DESIGN)");
  }

  @Test
  void flowableRunsTheExportedBpmnToTheEndAndRefusesTheBrokenSteps(@TempDir Path dir) {
    try (FlowableSop flowable = new FlowableSop(dir, ReferenceSop.definition())) {
      // The model is jdih-export's BPMN of the reference SOP, not a hand-made one.
      assertThat(flowable.processKey()).isEqualTo(BpmnExporter.processKey(ReferenceSop.definition()));
      assertThat(flowable.run("ok", STEPS)).isTrue();
      assertThat(flowable.run("again", STEPS)).isTrue();
      assertThatThrownBy(() -> flowable.run("wrong-actor", withWrongActor(STEPS, 4)))
          .hasMessageContaining("step 4 (RECORD_MEETING) refused: no open task");
      assertThatThrownBy(() -> flowable.run("no-output", withoutOutput(STEPS, 6)))
          .hasMessageContaining("step 6 (ATTACH_DESIGN) refused: no output");
      // The role is the task's candidate group: Kasubag Hukum may not do Tim Pembina/Teknis's meeting (activity 3).
      assertThatThrownBy(() -> flowable.run("other-role", withActor(STEPS, 4, Fixtures.KASUBAG)))
          .hasMessageContaining("step 4 (RECORD_MEETING) refused: no open task");
    }
  }

  @Test
  void jdihRefusesTheSameOtherRole() {
    JdihEngine jdih = new JdihEngine(Clock.systemUTC());
    assertThatThrownBy(() -> jdih.run(CaseId.of("other-role"), withActor(STEPS, 4, Fixtures.KASUBAG)))
        .isInstanceOfSatisfying(CaseRuleViolation.class,
            v -> assertThat(v.rule()).isEqualTo(CaseRuleViolation.Rule.NOT_EXECUTOR));
  }

  // Step i performed by someone who holds no role of the SOP.
  private static List<Step> withWrongActor(List<Step> steps, int i) {
    List<Step> copy = new ArrayList<>(steps);
    copy.set(i, steps.get(i).by(Fixtures.OUTSIDER));
    return copy;
  }

  private static List<Step> withActor(List<Step> steps, int i, Person actor) {
    List<Step> copy = new ArrayList<>(steps);
    copy.set(i, steps.get(i).by(actor));
    return copy;
  }

  private static List<Step> withoutOutput(List<Step> steps, int i) {
    List<Step> copy = new ArrayList<>(steps);
    Step s = steps.get(i);
    copy.set(i, new Step(s.event(), s.actor(), null, s.after(), s.command()));
    return copy;
  }
}
