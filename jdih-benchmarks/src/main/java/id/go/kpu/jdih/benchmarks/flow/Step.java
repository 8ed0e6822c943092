package id.go.kpu.jdih.benchmarks.flow;

import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.Person;

/**
 * One step of a case, the same for every engine: the event, who performs it, its output, the state it should lead
 * to, and how to say it as a jdih command.
 *
 * @param event the event for the plain state machines
 * @param actor who performs it
 * @param output the activity's output (what the "output is present" guards look at)
 * @param after the state the step leads to
 * @param command makes the jdih command of this step
 */
public record Step(SopEvent event, Person actor, Object output, SopState after, CommandFactory command) {

  /** The jdih command of this step on {@code caseId}. */
  public CaseCommand command(CommandId commandId, CaseId caseId) {
    return command.make(commandId, caseId, actor);
  }

  /** This step performed by {@code other}. */
  public Step by(Person other) {
    return new Step(event, other, output, after, command);
  }

  /** Makes a jdih command with this step's output. */
  @FunctionalInterface
  public interface CommandFactory {
    /** The command with the given ids and actor. */
    CaseCommand make(CommandId commandId, CaseId caseId, Person actor);
  }
}
