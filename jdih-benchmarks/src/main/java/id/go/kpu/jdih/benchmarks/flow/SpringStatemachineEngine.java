package id.go.kpu.jdih.benchmarks.flow;

import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.workflow.Person;
import java.util.EnumSet;
import java.util.List;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.guard.Guard;
import reactor.core.publisher.Mono;

/**
 * The reference SOP in Spring Statemachine 4: the states and events of {@link Edge#of}, each transition guarded by
 * "the actor (message header {@code actor}) holds the executor role and the output (header {@code output}) is
 * present", rejection going back to activity 1. Built without a Spring context, with {@link StateMachineBuilder};
 * events are sent with the reactive API (the blocking {@code sendEvent(E)} is deprecated in 4.0).
 */
public final class SpringStatemachineEngine {

  /** Message header with the acting {@link Person}. */
  public static final String ACTOR = "actor";
  /** Message header with the activity's output. */
  public static final String OUTPUT = "output";

  private final StateMachineFactory<SopState, SopEvent> factory;

  /** The factory for {@code sop}'s roles. */
  public SpringStatemachineEngine(SopDefinition sop) {
    try {
      StateMachineBuilder.Builder<SopState, SopEvent> b = StateMachineBuilder.builder();
      b.configureConfiguration().withConfiguration().autoStartup(false);
      b.configureStates().withStates().initial(SopState.A1_PROPOSAL).end(SopState.PUBLISHED)
          .states(EnumSet.allOf(SopState.class));
      StateMachineTransitionConfigurer<SopState, SopEvent> t = b.configureTransitions();
      for (Edge e : Edge.of(sop)) {
        t.withExternal().source(e.from()).target(e.to()).event(e.event()).guard(guard(e.role()));
      }
      factory = b.createFactory();
    } catch (Exception e) {
      throw new IllegalStateException("cannot configure the state machine", e);
    }
  }

  private static Guard<SopState, SopEvent> guard(RoleId role) {
    return ctx -> ctx.getMessageHeader(ACTOR) instanceof Person p && p.holds(role)
        && ctx.getMessageHeader(OUTPUT) != null;
  }

  /** A new, started machine for case {@code caseId}. */
  public StateMachine<SopState, SopEvent> start(String caseId) {
    StateMachine<SopState, SopEvent> m = factory.getStateMachine(caseId);
    m.startReactively().block();
    return m;
  }

  /** Sends {@code steps} to {@code machine}, checking each lands where it should; returns the state after them. */
  public static SopState send(StateMachine<SopState, SopEvent> machine, List<Step> steps) {
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      Message<SopEvent> msg = MessageBuilder.withPayload(s.event()).setHeader(ACTOR, s.actor())
          .setHeader(OUTPUT, s.output()).build();
      StateMachineEventResult<SopState, SopEvent> r = machine.sendEvent(Mono.just(msg)).blockLast();
      // ACCEPTED only says a transition had the trigger; a guard that said no leaves the state as it was.
      if (r == null || r.getResultType() != StateMachineEventResult.ResultType.ACCEPTED
          || machine.getState().getId() != s.after()) {
        throw new IllegalStateException("step " + i + " (" + s.event() + ") declined: "
            + (r == null ? "no result" : r.getResultType()) + ", state " + machine.getState().getId());
      }
    }
    return machine.getState().getId();
  }

  /** A new machine per case: create, start, send the steps, stop. */
  public SopState runNew(String caseId, List<Step> steps) {
    StateMachine<SopState, SopEvent> m = start(caseId);
    SopState end = send(m, steps);
    m.stopReactively().block();
    return end;
  }
}
