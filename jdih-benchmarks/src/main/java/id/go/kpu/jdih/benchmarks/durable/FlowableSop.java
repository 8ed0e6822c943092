package id.go.kpu.jdih.benchmarks.durable;

import id.go.kpu.jdih.benchmarks.flow.SopEvent;
import id.go.kpu.jdih.benchmarks.flow.SopState;
import id.go.kpu.jdih.benchmarks.flow.Step;
import id.go.kpu.jdih.export.BpmnExporter;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.store.jdbc.JdbcCaseStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;

/**
 * Flowable embedded on an H2 file database, running the BPMN that jdih-export makes of an SOP
 * ({@link BpmnExporter#bpmn}), deployed from a string as {@code FlowableRunTest} in jdih-export does. A case is a
 * process instance whose business key is the case id.
 *
 * <p><b>A step</b> is two calls to the engine:
 *
 * <ol>
 *   <li>a task query for the case's open task that has one of the actor's roles as a candidate group
 *       ({@code createTaskQuery().processInstanceId(..).taskCandidateGroupIn(roles)}): this is the guard "the actor
 *       holds the activity's executor role", and Flowable decides it in the database, from the
 *       {@code flowable:candidateGroups} the exporter wrote on each user task (the executor role's id). No task
 *       means the step is refused; a task of another activity than the expected one fails the run;
 *   <li>{@code complete} with the variables {@code actor} (NIP), {@code output} (the output as text) and, for an
 *       approval, {@value BpmnExporter#APPROVED_VARIABLE} (read by the exported gateway's {@code ${approved}}).
 * </ol>
 *
 * <p>The other guard, "the output is present", is checked in Java before {@code complete}; it needs nothing from
 * the engine. Checking the role with the query, outside the completion's transaction, is how a Flowable task list
 * finds "my tasks"; it is not atomic with the completion, which does not matter with one thread. The task is not
 * claimed first, which saves Flowable a transaction per step.
 *
 * <p><b>Engine settings:</b> {@link StandaloneProcessEngineConfiguration}, schema created at start-up, history
 * level {@code audit} (Flowable's default, stated), no async executor, IDM engine and event registry disabled (the
 * roles are the SOP's, not Flowable users and groups; the model has no events). The database URL is
 * {@link JdbcCaseStore#h2FileUrl} of the engine's own folder, i.e. the same H2 version, file mode and options
 * ({@code WRITE_DELAY=0;LAZY_QUERY_EXECUTION=TRUE}) as jdih's store on H2. Flowable pools its connections with
 * MyBatis' pooled data source (its default), jdih with HikariCP; with one thread either hands out one connection.
 */
public final class FlowableSop implements AutoCloseable {

  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final String processKey;

  /** An engine on a new H2 database in {@code dir}, with {@code sop}'s exported BPMN deployed. */
  public FlowableSop(Path dir, SopDefinition sop) {
    // Flowable 8 API (flowable-engine 8.0.0, checked with javap): ProcessEngineConfigurationImpl has
    // setDisableIdmEngine/setDisableEventRegistry; AbstractEngineConfiguration the JDBC setters and
    // setDatabaseSchemaUpdate; the same calls as FlowableRunTest, there on H2 in memory.
    StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
    cfg.setJdbcUrl(JdbcCaseStore.h2FileUrl(dir));
    cfg.setJdbcDriver("org.h2.Driver");
    cfg.setJdbcUsername("sa");
    cfg.setJdbcPassword("");
    cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    cfg.setAsyncExecutorActivate(false);
    cfg.setHistoryLevel(HistoryLevel.AUDIT);
    cfg.setDisableIdmEngine(true);
    cfg.setDisableEventRegistry(true);
    engine = cfg.buildProcessEngine();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    String name = BpmnExporter.processKey(sop) + ".bpmn20.xml"; // Flowable deploys resources ending .bpmn20.xml
    String deployment = engine.getRepositoryService().createDeployment().name(name)
        .addString(name, BpmnExporter.bpmn(sop)).deploy().getId();
    processKey = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment)
        .singleResult().getKey();
  }

  /** The key of the deployed process definition: {@link BpmnExporter#processKey} of the SOP. */
  public String processKey() {
    return processKey;
  }

  /**
   * Runs {@code steps} as a new process instance with business key {@code caseId}.
   *
   * @return true if the process instance ended after the last step
   * @throws IllegalStateException if a step is refused (the actor holds none of the open task's candidate groups,
   *     or there is no output) or the open task is not the expected activity
   */
  public boolean run(String caseId, List<Step> steps) {
    ProcessInstance pi = runtime.startProcessInstanceByKey(processKey, caseId);
    SopState expected = SopState.A1_PROPOSAL;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      List<String> roles = s.actor().roles().stream().map(RoleId::value).toList();
      Task t = roles.isEmpty() ? null : tasks.createTaskQuery().processInstanceId(pi.getId())
          .taskCandidateGroupIn(roles).singleResult();
      if (t == null) {
        throw new IllegalStateException("step " + i + " (" + s.event() + ") refused: no open task of case " + caseId
            + " has a candidate group among the actor's roles " + roles);
      }
      if (!t.getTaskDefinitionKey().equals(taskKey(expected))) {
        throw new IllegalStateException("step " + i + " (" + s.event() + "): expected task " + taskKey(expected)
            + " but found " + t.getTaskDefinitionKey());
      }
      if (s.output() == null) {
        throw new IllegalStateException("step " + i + " (" + s.event() + ") refused: no output");
      }
      Map<String, Object> vars = new HashMap<>();
      vars.put("actor", s.actor().nip().value());
      vars.put("output", s.output().toString());
      if (s.event() == SopEvent.APPROVE || s.event() == SopEvent.REJECT) {
        vars.put(BpmnExporter.APPROVED_VARIABLE, s.event() == SopEvent.APPROVE);
      }
      tasks.complete(t.getId(), vars);
      expected = s.after();
    }
    return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0;
  }

  /** The exported user task of the activity that is open in state {@code s}. */
  @SuppressWarnings("EnumOrdinal") // SopState declares the activities in their order, A1_PROPOSAL to A7_PUBLICATION
  private static String taskKey(SopState s) {
    return BpmnExporter.taskId(s.ordinal() + 1);
  }

  @Override
  public void close() {
    engine.close();
  }
}
