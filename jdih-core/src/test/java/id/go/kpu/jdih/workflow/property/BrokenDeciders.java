package id.go.kpu.jdih.workflow.property;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseDecider;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseRuleViolation;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.OptionalInt;

/**
 * Test-only copies of the decision function with one transition deliberately broken, to show that the property
 * tests fail when they should.
 */
final class BrokenDeciders {
  private BrokenDeciders() {}

  /** Lets anyone write the summary (activity 4): the executor-role check is gone for that one transition. */
  static Decide summaryByAnyone(SopDefinition definition) {
    CaseDecider real = new CaseDecider(definition, id.go.kpu.jdih.workflow.OutputRules.acceptAll());
    return (state, command, now) -> {
      try {
        return real.decide(state, command, now);
      } catch (CaseRuleViolation v) {
        if (v.rule() == CaseRuleViolation.Rule.NOT_EXECUTOR && command instanceof CaseCommand.Summarize s) {
          return ImmutableList.of(RecordedEvent.create(state.id(), state.version() + 1, definition.key(),
              command.commandId(), command.actor(), now, OptionalInt.of(state.currentActivity().orElseThrow()),
              new CaseEvent.Summarized(s.summary()), state.headHash()));
        }
        throw v;
      }
    };
  }

  /** Lets the summary be written while the meeting is current: the meeting can be skipped. */
  static Decide meetingSkippable(SopDefinition definition) {
    CaseDecider real = new CaseDecider(definition, id.go.kpu.jdih.workflow.OutputRules.acceptAll());
    return (state, command, now) -> {
      try {
        return real.decide(state, command, now);
      } catch (CaseRuleViolation v) {
        if (v.rule() == CaseRuleViolation.Rule.OUT_OF_ORDER && command instanceof CaseCommand.Summarize s
            && state.currentActivity().orElse(0) == 3 && !s.summary().isBlank()) {
          return ImmutableList.of(RecordedEvent.create(state.id(), state.version() + 1, definition.key(),
              command.commandId(), command.actor(), now, OptionalInt.of(3), new CaseEvent.Summarized(s.summary()),
              state.headHash()));
        }
        throw v;
      }
    };
  }
}
