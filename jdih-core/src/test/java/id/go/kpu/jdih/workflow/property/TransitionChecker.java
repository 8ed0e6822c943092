package id.go.kpu.jdih.workflow.property;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.Artifact;
import id.go.kpu.jdih.sop.Outcome;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.workflow.ActivityRun;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseRuleViolation;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends one command to a case through the decision function and checks the answer against the {@link SopModel}
 * and the lifecycle's invariants. Throws {@link AssertionError} on any difference.
 */
final class TransitionChecker {

  /**
   * A case as the checker tracks it.
   *
   * @param state the library's state
   * @param history the events so far
   * @param model the model's state
   */
  record Node(ContentCase state, ImmutableList<RecordedEvent> history, SopModel.State model) {
    static Node initial(CaseId id) {
      return new Node(ContentCase.empty(id), ImmutableList.of(), SopModel.State.initial());
    }
  }

  private final SopModel model;
  private final SopDefinition definition;
  private final Decide decide;
  private final boolean deepEveryStep;
  private long commandCounter;
  private Instant now = Instant.parse("2024-03-04T01:00:00Z");

  /**
   * A checker. With {@code deepEveryStep} the hash chain and the fold are verified after every step (quadratic in
   * the history's length); otherwise call {@link #finish} at the end of a sequence.
   */
  TransitionChecker(SopModel model, SopDefinition definition, Decide decide, boolean deepEveryStep) {
    this.model = model;
    this.definition = definition;
    this.decide = decide;
    this.deepEveryStep = deepEveryStep;
  }

  /** The deep checks (hash chain, fold, publication invariants) on a node. */
  void finish(Node node) {
    if (!node.history().isEmpty()) {
      checkInvariants(node.state(), node.history(), "end of sequence");
    }
  }

  /** Sends {@code spec} with a fresh command id. */
  Node step(Node node, CommandCatalog.Spec spec) {
    return step(node, spec.build(node.state().id(), CommandId.of("c" + (++commandCounter))), spec);
  }

  /** Sends {@code command} (described by {@code spec}). */
  Node step(Node node, CaseCommand command, CommandCatalog.Spec spec) {
    now = now.plusSeconds(600);
    SopModel.Expect expect = model.expect(node.model(), spec.model());
    ImmutableList<RecordedEvent> events;
    try {
      events = decide.decide(node.state(), command, now);
    } catch (CaseRuleViolation v) {
      if (expect instanceof SopModel.Expect.Refuse r && r.rule().equals(v.rule().name())) {
        return node; // refused as the model says: nothing changes (the decider is pure)
      }
      throw new AssertionError("'" + spec + "' at " + node.model() + ": model expects " + expect
          + " but the library refused with " + v.rule() + ": " + v.text().en());
    }
    if (expect instanceof SopModel.Expect.Refuse r) {
      throw new AssertionError("'" + spec + "' at " + node.model() + ": model expects refusal " + r.rule()
          + " but the library accepted it with " + events.size() + " event(s)");
    }
    SopModel.State expected = ((SopModel.Expect.Accept) expect).next();
    if (events.size() != 1) {
      throw new AssertionError("'" + spec + "': expected one event, got " + events.size());
    }
    RecordedEvent e = events.get(0);
    int current = node.state().status() == CaseStatus.NEW ? definition.flow().start()
        : node.state().currentActivity().orElse(-1);
    if (e.activity().isPresent() && e.activity().getAsInt() != current) {
      throw new AssertionError("'" + spec + "' skipped ahead: event for activity " + e.activity().getAsInt()
          + " while activity " + current + " was current");
    }
    ContentCase next = node.state().apply(definition, e);
    ImmutableList<RecordedEvent> history = ImmutableList.<RecordedEvent>builder().addAll(node.history()).add(e)
        .build();
    SopModel.State actual = Projection.of(next);
    if (!actual.equals(expected)) {
      throw new AssertionError("'" + spec + "' at " + node.model() + ": model expects " + expected
          + " but the library reached " + actual);
    }
    if (deepEveryStep || next.status().isClosed()) {
      checkInvariants(next, history, spec.label());
    }
    if (!decide.decide(next, command, now).isEmpty()) {
      throw new AssertionError("'" + spec + "': repeating the same command id produced new events");
    }
    return new Node(next, history, actual);
  }

  private void checkInvariants(ContentCase state, ImmutableList<RecordedEvent> history, String spec) {
    if (HashChain.verify(history).isPresent()) {
      throw new AssertionError("hash chain broken after '" + spec + "': " + HashChain.verify(history));
    }
    ContentCase replayed = ContentCase.replay(state.id(), definition, history);
    if (!replayed.equals(state)) {
      throw new AssertionError("state differs from the fold of its history after '" + spec + "'");
    }
    if (state.status() == CaseStatus.PUBLISHED) {
      Set<Integer> done = state.runs().stream().map(ActivityRun::activity).collect(Collectors.toSet());
      for (Activity a : definition.activities()) {
        if (!done.contains(a.number())) {
          throw new AssertionError("published without activity " + a.number());
        }
      }
      boolean approved = state.runs().stream().anyMatch(r -> r.outcome().equals(java.util.Optional.of(
          Outcome.APPROVED)));
      Set<Artifact> needed = EnumSet.of(Artifact.WRITTEN_MATERIAL, Artifact.DECISION, Artifact.MEETING_CONCLUSIONS,
          Artifact.MINUTES, Artifact.SUMMARY, Artifact.DESIGN, Artifact.CAPTION, Artifact.PUBLISHED_CONTENT);
      if (!approved || !state.artifacts().containsAll(needed) || state.proposal().isEmpty()
          || state.meeting().isEmpty() || state.summary().isEmpty() || state.design().isEmpty()
          || state.caption().isEmpty() || !state.pendingPlatforms().isEmpty()) {
        throw new AssertionError("published without approval or without every output: " + state);
      }
      // The last approval came after the last rejection, and every activity after it ran in order.
      ActivityRun last = state.runs().get(state.runs().size() - 1);
      if (last.activity() != definition.activities().get(definition.activities().size() - 1).number()) {
        throw new AssertionError("published by an activity that is not the last: " + last);
      }
    }
  }
}
