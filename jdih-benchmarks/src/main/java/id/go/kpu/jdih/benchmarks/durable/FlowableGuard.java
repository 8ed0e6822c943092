package id.go.kpu.jdih.benchmarks.durable;

import java.util.Arrays;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.delegate.TaskListener;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.service.delegate.DelegateTask;

/**
 * The guard of every user task of the BPMN model, on completion: the actor (variable {@code actorRoles}, the
 * actor's roles separated by commas) holds one of the task's candidate groups (its executor role), and the output
 * (variable {@code output}) is present. Otherwise the completion fails and its transaction rolls back.
 */
public final class FlowableGuard implements TaskListener {

  private static final long serialVersionUID = 1L;

  @Override
  public void notify(DelegateTask task) {
    Object roles = task.getVariable("actorRoles");
    Object output = task.getVariable("output");
    boolean holds = roles instanceof String s && task.getCandidates().stream().map(IdentityLink::getGroupId)
        .anyMatch(group -> group != null && Arrays.asList(s.split(",")).contains(group));
    if (!holds || output == null) {
      throw new FlowableException("task " + task.getTaskDefinitionKey() + " refused: "
          + (holds ? "no output" : "the actor does not hold the role"));
    }
  }
}
