package id.go.kpu.jdih.benchmarks.flow;

import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import java.util.List;
import org.squirrelframework.foundation.fsm.Condition;
import org.squirrelframework.foundation.fsm.StateMachineBuilder;
import org.squirrelframework.foundation.fsm.StateMachineBuilderFactory;
import org.squirrelframework.foundation.fsm.impl.AbstractStateMachine;

/**
 * The reference SOP in squirrel-foundation: the states and events of {@link Edge#of}, each transition with a
 * {@link Condition} on the {@link Step} passed as the event's context ("the actor holds the executor role and the
 * output is present"), the end state final. The builder is made once; a machine is made per case.
 */
public final class SquirrelEngine {

  private final StateMachineBuilder<SopMachine, SopState, SopEvent, Step> builder;

  /** The builder for {@code sop}'s roles. */
  public SquirrelEngine(SopDefinition sop) {
    builder = StateMachineBuilderFactory.create(SopMachine.class, SopState.class, SopEvent.class, Step.class);
    for (Edge e : Edge.of(sop)) {
      if (e.to() == SopState.PUBLISHED) {
        builder.externalTransition().from(e.from()).toFinal(e.to()).on(e.event()).when(condition(e.role()));
      } else {
        builder.externalTransition().from(e.from()).to(e.to()).on(e.event()).when(condition(e.role()));
      }
    }
  }

  private static Condition<Step> condition(RoleId role) {
    return new Condition<>() {
      @Override
      public boolean isSatisfied(Step s) {
        return s != null && s.actor().holds(role) && s.output() != null;
      }

      @Override
      public String name() {
        return "holds-" + role.value() + "-with-output";
      }
    };
  }

  /** A new machine at activity 1. */
  public SopMachine start() {
    SopMachine m = builder.newStateMachine(SopState.A1_PROPOSAL);
    m.start();
    return m;
  }

  /** Fires {@code steps} on {@code machine}, checking each lands where it should; returns the state after them. */
  public static SopState send(SopMachine machine, List<Step> steps) {
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      machine.fire(s.event(), s);
      if (machine.getCurrentState() != s.after()) {
        throw new IllegalStateException("step " + i + " (" + s.event() + ") declined; state is "
            + machine.getCurrentState());
      }
    }
    return machine.getCurrentState();
  }

  /** A new machine per case: create, start, fire the steps. */
  public SopState run(List<Step> steps) {
    return send(start(), steps);
  }

  /** The machine class squirrel instantiates (by reflection, hence public with a public constructor). */
  public static final class SopMachine extends AbstractStateMachine<SopMachine, SopState, SopEvent, Step> {
    /** Called by squirrel. */
    public SopMachine() {}
  }
}
