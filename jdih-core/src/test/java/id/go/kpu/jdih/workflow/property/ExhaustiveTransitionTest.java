package id.go.kpu.jdih.workflow.property;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.workflow.CaseDecider;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.OutputRules;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every command, with valid and invalid payloads, by every kind of actor, from every reachable state (up to two
 * revisions), checked against the independent {@link SopModel}.
 */
class ExhaustiveTransitionTest {

  /** Revision loops are cut off here so the state space is finite. */
  private static final int MAX_REVISIONS = 2;

  record Result(int states, int checks) {}

  static Result explore(SopModel model, SopDefinition definition, Decide decide) {
    TransitionChecker checker = new TransitionChecker(model, definition, decide, true);
    List<CommandCatalog.Spec> specs = CommandCatalog.all();
    Map<SopModel.State, TransitionChecker.Node> seen = new HashMap<>();
    Deque<TransitionChecker.Node> todo = new ArrayDeque<>();
    TransitionChecker.Node start = TransitionChecker.Node.initial(CaseId.of("eksplorasi"));
    seen.put(start.model(), start);
    todo.add(start);
    int checks = 0;
    while (!todo.isEmpty()) {
      TransitionChecker.Node node = todo.poll();
      for (CommandCatalog.Spec spec : specs) {
        TransitionChecker.Node next = checker.step(node, spec);
        checks++;
        if (next != node && next.model().revisions() <= MAX_REVISIONS && !seen.containsKey(next.model())) {
          seen.put(next.model(), next);
          todo.add(next);
        }
      }
    }
    return new Result(seen.size(), checks);
  }

  @Test
  void referenceSopMatchesTheModelEverywhere() {
    SopDefinition def = ReferenceSop.definition();
    Result r = explore(SopModel.reference(), def, new CaseDecider(def, OutputRules.acceptAll())::decide);
    System.out.printf("exhaustive, reference SOP: %d states, %d commands checked%n", r.states(), r.checks());
    // new, 1..7 open for each revision count and platform subset, published and withdrawn variants
    assertThat(r.states()).isGreaterThan(50);
    assertThat(r.checks()).isEqualTo(r.states() * CommandCatalog.all().size());
  }

  @Test
  void secondApprovalVariantMatchesTheModelEverywhere() {
    SopDefinition def = Fixtures.secondApprovalVariant();
    Result r = explore(SopModel.secondApproval(), def, new CaseDecider(def, OutputRules.acceptAll())::decide);
    System.out.printf("exhaustive, second-approval variant: %d states, %d commands checked%n", r.states(),
        r.checks());
    assertThat(r.states()).isGreaterThan(60);
  }
}
