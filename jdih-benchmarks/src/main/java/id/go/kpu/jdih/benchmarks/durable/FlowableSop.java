package id.go.kpu.jdih.benchmarks.durable;

import id.go.kpu.jdih.benchmarks.flow.SopEvent;
import id.go.kpu.jdih.benchmarks.flow.SopState;
import id.go.kpu.jdih.benchmarks.flow.Step;
import id.go.kpu.jdih.sop.RoleId;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;

/**
 * Flowable embedded on an H2 file database, running the hand-made BPMN model of the reference SOP
 * ({@code jdih-reference-sop.bpmn20.xml}). A case is a process instance; a step is: find the case's open task,
 * check it is the expected activity, complete it with the actor's NIP and roles, the output (as text) and, for the
 * decision, whether it was approved. The task listener {@link FlowableGuard} refuses a completion by someone without
 * the role or without output. History level: Flowable's default ({@code audit}).
 */
public final class FlowableSop implements AutoCloseable {

  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final TaskService tasks;

  /** An engine on a new H2 database in {@code dir}, with the model deployed. */
  public FlowableSop(Path dir) {
    ProcessEngineConfiguration cfg = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:file:" + dir.resolve("flowable").toAbsolutePath())
        .setJdbcDriver("org.h2.Driver")
        .setJdbcUsername("sa")
        .setJdbcPassword("")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setAsyncExecutorActivate(false);
    engine = cfg.buildProcessEngine();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    engine.getRepositoryService().createDeployment()
        .addClasspathResource("id/go/kpu/jdih/benchmarks/durable/jdih-reference-sop.bpmn20.xml").deploy();
  }

  /** Runs {@code steps} as a new process instance with business key {@code caseId}; true if it ended. */
  public boolean run(String caseId, List<Step> steps) {
    ProcessInstance pi = runtime.startProcessInstanceByKey("jdihReferenceSop", caseId);
    SopState expected = SopState.A1_PROPOSAL;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      Task t = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
      if (t == null || !t.getTaskDefinitionKey().equals(taskKey(expected))) {
        throw new IllegalStateException("step " + i + ": expected task " + taskKey(expected) + " but found "
            + (t == null ? "none" : t.getTaskDefinitionKey()));
      }
      Map<String, Object> vars = new HashMap<>();
      vars.put("actor", s.actor().nip().value());
      vars.put("actorRoles", s.actor().roles().stream().map(RoleId::value).collect(Collectors.joining(",")));
      vars.put("output", s.output() == null ? null : s.output().toString());
      vars.put("approved", s.event() != SopEvent.REJECT);
      tasks.complete(t.getId(), vars);
      expected = s.after();
    }
    return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0;
  }

  private static String taskKey(SopState s) {
    return "a" + (s.ordinal() + 1);
  }

  @Override
  public void close() {
    engine.close();
  }
}
