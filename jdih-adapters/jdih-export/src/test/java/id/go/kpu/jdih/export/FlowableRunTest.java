package id.go.kpu.jdih.export;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.testkit.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.runtime.Clock;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deploys exported BPMN to an embedded Flowable engine (H2 in memory) and drives cases through it. */
class FlowableRunTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
    cfg.setJdbcUrl("jdbc:h2:mem:jdih-export-flowable;DB_CLOSE_DELAY=-1");
    cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    cfg.setAsyncExecutorActivate(false);
    cfg.setHistoryLevel(HistoryLevel.AUDIT);
    cfg.setDisableIdmEngine(true);
    cfg.setDisableEventRegistry(true);
    engine = cfg.buildProcessEngine();
    // The engine's clock: fixed, moved on a minute by each completion, so due dates and history order are exact.
    engine.getProcessEngineConfiguration().getClock()
        .setCurrentTime(Date.from(Instant.parse("2024-03-04T01:00:00Z")));
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void theReferenceSopRunsWithARejectionAndARevision() {
    SopDefinition sop = ReferenceSop.definition();
    ProcessDefinition def = deploy(sop, "reference");
    assertThat(def.getKey()).isEqualTo("sop-kpu-kab-kepulauan-mentawai-6-tahun-2023-r0");
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(def.getKey(), "case-1");

    List<String> done = new ArrayList<>();
    complete(pi, "kasubag-hukum", Map.of(), done, 1);                  // propose
    complete(pi, "kasubag-hukum", Map.of("approved", false), done, 2); // rejected: back to 1
    complete(pi, "kasubag-hukum", Map.of(), done, 1);                  // revised proposal
    complete(pi, "kasubag-hukum", Map.of("approved", true), done, 2);  // approved
    complete(pi, "tim-pembina-teknis", Map.of(), done, 3);
    complete(pi, "staf", Map.of(), done, 4);
    complete(pi, "tim-pembina-teknis", Map.of(), done, 5);
    complete(pi, "kasubag-hukum", Map.of(), done, 6);
    complete(pi, "staf", Map.of(), done, 7);

    assertThat(done).containsExactly(names(sop, 1, 2, 1, 2, 3, 4, 5, 6, 7));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .isZero();
    List<HistoricTaskInstance> history = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(pi.getId()).orderByHistoricTaskInstanceEndTime().asc().list();
    assertThat(history).extracting(HistoricTaskInstance::getTaskDefinitionKey).containsExactly("activity-1",
        "activity-2", "activity-1", "activity-2", "activity-3", "activity-4", "activity-5", "activity-6",
        "activity-7");
    assertThat(history).extracting(HistoricTaskInstance::getName).containsExactlyElementsOf(done);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getEndActivityId()).isEqualTo("end");
  }

  @Test
  void aVariantsSecondApprovalSendsTheDesignBack() {
    SopDefinition sop = Fixtures.secondApprovalVariant();
    ProcessDefinition def = deploy(sop, "variant");
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(def.getKey(), "case-2");
    List<String> done = new ArrayList<>();
    complete(pi, "kasubag-hukum", Map.of(), done, 1);
    complete(pi, "kasubag-hukum", Map.of("approved", true), done, 2);
    complete(pi, "tim-pembina-teknis", Map.of(), done, 3);
    complete(pi, "staf", Map.of(), done, 4);
    complete(pi, "tim-pembina-teknis", Map.of(), done, 5);
    complete(pi, "kasubag-hukum", Map.of(), done, 6);
    Task second = task(pi, "sekretaris");
    // Four hours (PT4H) from creation.
    assertThat(Duration.between(second.getCreateTime().toInstant(), second.getDueDate().toInstant()))
        .isEqualTo(Duration.ofHours(4));
    complete(pi, "sekretaris", Map.of("approved", false), done, 7); // back to the design
    complete(pi, "tim-pembina-teknis", Map.of(), done, 5);
    complete(pi, "kasubag-hukum", Map.of(), done, 6);
    complete(pi, "sekretaris", Map.of("approved", true), done, 7);
    complete(pi, "staf", Map.of(), done, 8);
    assertThat(done).containsExactly(names(sop, 1, 2, 3, 4, 5, 6, 7, 5, 6, 7, 8));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .isZero();
  }

  private static ProcessDefinition deploy(SopDefinition sop, String name) {
    String id = engine.getRepositoryService().createDeployment().name(name)
        .addString(name + ".bpmn20.xml", BpmnExporter.bpmn(sop)).deploy().getId();
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(id).singleResult();
  }

  /** The one open task of {@code pi} that {@code group} may claim. */
  private static Task task(ProcessInstance pi, String group) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskCandidateGroup(group).list();
    assertThat(tasks).as("open tasks for %s", group).hasSize(1);
    return tasks.get(0);
  }

  private static void complete(ProcessInstance pi, String group, Map<String, Object> vars, List<String> done,
      int expectedActivity) {
    Task t = task(pi, group);
    assertThat(t.getTaskDefinitionKey()).isEqualTo(BpmnExporter.taskId(expectedActivity));
    if (!group.equals("sekretaris")) {
      // One working day is exported as P1D: due one calendar day after the task was created.
      assertThat(Duration.between(t.getCreateTime().toInstant(), t.getDueDate().toInstant()))
          .isEqualTo(Duration.ofDays(1));
    }
    done.add(t.getName());
    engine.getTaskService().complete(t.getId(), vars);
    Clock clock = engine.getProcessEngineConfiguration().getClock();
    clock.setCurrentTime(Date.from(clock.getCurrentTime().toInstant().plus(Duration.ofMinutes(1))));
  }

  private static String[] names(SopDefinition sop, int... numbers) {
    String[] out = new String[numbers.length];
    for (int i = 0; i < numbers.length; i++) {
      out[i] = sop.activity(numbers[i]).map(Activity::description).orElseThrow();
    }
    return out;
  }
}
