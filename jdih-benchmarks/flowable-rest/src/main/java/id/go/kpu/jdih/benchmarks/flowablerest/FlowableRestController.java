package id.go.kpu.jdih.benchmarks.flowablerest;

import java.io.IOException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The calls of Flowable's process REST API that the benchmark makes, at the paths and with the request and response
 * shapes of Flowable's REST API documentation ("REST API", sections Deployment, Process Definitions, Process
 * Instances, Tasks), each over the engine calls Flowable's REST layer makes for it:
 *
 * <ul>
 *   <li>{@code POST /process-api/repository/deployments}: a multipart BPMN file, deployed; 201;
 *   <li>{@code GET /process-api/repository/process-definitions}: the definitions (readiness);
 *   <li>{@code POST /process-api/runtime/process-instances}: starts an instance by definition key with a business
 *       key and optional variables; 201 with the instance;
 *   <li>{@code GET /process-api/runtime/tasks}: the tasks of {@code processInstanceId} and/or
 *       {@code candidateGroup}, a page of at most {@code size} (10) from {@code start} (0), with the total;
 *   <li>{@code POST /process-api/runtime/tasks/{taskId}} with {@code action=complete}: finds the task (404 if there
 *       is none) and completes it with the request's variables; 200 without a body.
 * </ul>
 *
 * <p>No authentication, like Flowable's REST starter without Spring Security on the class path. The list's total is
 * counted with a second query only when the page is full or does not start at 0, as Flowable's REST layer counts it
 * (its {@code PaginateListUtil}, 7.2.0, read with javap).
 */
@RestController
@RequestMapping("/process-api")
public class FlowableRestController {

  /** A variable as Flowable's REST API writes it: name, type ({@code string}, {@code boolean}, ...) and value. */
  public record RestVariable(String name, String type, Object value) {}

  /** The body of a start request. */
  public record StartRequest(String processDefinitionKey, String businessKey, List<RestVariable> variables) {}

  /** The body of a task action. */
  public record TaskAction(String action, List<RestVariable> variables) {}

  /** A deployment. */
  public record DeploymentResponse(String id, String name, Date deploymentTime, String url) {}

  /** A process definition. */
  public record DefinitionResponse(String id, String key, int version, String name, String deploymentId,
      String url) {}

  /** A process instance. */
  public record InstanceResponse(String id, String url, String businessKey, boolean suspended, boolean ended,
      String processDefinitionId, String processDefinitionKey, String activityId, Date startTime,
      String tenantId) {}

  /** A task. */
  public record TaskResponse(String id, String url, String name, String assignee, String owner, Date createTime,
      int priority, String taskDefinitionKey, String processInstanceId, String processDefinitionId,
      String executionId, String tenantId) {}

  /** A page of a list, as Flowable's REST API returns lists. */
  public record Page<T>(List<T> data, long total, int start, String sort, String order, int size) {}

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TaskService tasks;

  FlowableRestController(RepositoryService repository, RuntimeService runtime, TaskService tasks) {
    this.repository = repository;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  @PostMapping(path = "/repository/deployments", consumes = "multipart/form-data")
  public ResponseEntity<DeploymentResponse> deploy(@RequestPart("file") MultipartFile file) throws IOException {
    String name = file.getOriginalFilename() == null ? "process.bpmn20.xml" : file.getOriginalFilename();
    Deployment d = repository.createDeployment().name(name).addBytes(name, file.getBytes()).deploy();
    return ResponseEntity.status(HttpStatus.CREATED).body(new DeploymentResponse(d.getId(), d.getName(),
        d.getDeploymentTime(), url("/process-api/repository/deployments/" + d.getId())));
  }

  @GetMapping("/repository/process-definitions")
  public Page<DefinitionResponse> definitions() {
    List<DefinitionResponse> data = repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc()
        .listPage(0, 10).stream().map(FlowableRestController::definition).toList();
    return new Page<>(data, data.size(), 0, "key", "asc", data.size());
  }

  @PostMapping("/runtime/process-instances")
  public ResponseEntity<InstanceResponse> start(@RequestBody StartRequest body) {
    ProcessInstance pi = runtime.createProcessInstanceBuilder().processDefinitionKey(body.processDefinitionKey())
        .businessKey(body.businessKey()).variables(variables(body.variables())).start();
    return ResponseEntity.status(HttpStatus.CREATED).body(new InstanceResponse(pi.getId(),
        url("/process-api/runtime/process-instances/" + pi.getId()), pi.getBusinessKey(), pi.isSuspended(),
        pi.isEnded(), pi.getProcessDefinitionId(), pi.getProcessDefinitionKey(), pi.getActivityId(),
        pi.getStartTime(), pi.getTenantId()));
  }

  @GetMapping("/runtime/tasks")
  public Page<TaskResponse> tasks(@RequestParam(required = false) String processInstanceId,
      @RequestParam(required = false) String candidateGroup, @RequestParam(defaultValue = "0") int start,
      @RequestParam(defaultValue = "10") int size) {
    TaskQuery q = tasks.createTaskQuery();
    if (processInstanceId != null) {
      q.processInstanceId(processInstanceId);
    }
    if (candidateGroup != null) {
      q.taskCandidateGroup(candidateGroup);
    }
    q.orderByTaskId().asc();
    List<TaskResponse> data = q.listPage(start, size).stream().map(FlowableRestController::task).toList();
    long total = start == 0 && data.size() < size ? data.size() : q.count();
    return new Page<>(data, total, start, "id", "asc", data.size());
  }

  @PostMapping("/runtime/tasks/{taskId}")
  public ResponseEntity<Void> act(@PathVariable String taskId, @RequestBody TaskAction body) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return ResponseEntity.notFound().build();
    }
    if (!"complete".equals(body.action())) {
      return ResponseEntity.badRequest().build();
    }
    tasks.complete(task.getId(), variables(body.variables()));
    return ResponseEntity.ok().build();
  }

  private static Map<String, Object> variables(List<RestVariable> variables) {
    Map<String, Object> map = new HashMap<>();
    if (variables != null) {
      for (RestVariable v : variables) {
        Object value = v.value();
        if ("boolean".equals(v.type()) && value instanceof String s) {
          value = Boolean.valueOf(s);
        }
        map.put(v.name(), value);
      }
    }
    return map;
  }

  private static DefinitionResponse definition(ProcessDefinition d) {
    return new DefinitionResponse(d.getId(), d.getKey(), d.getVersion(), d.getName(), d.getDeploymentId(),
        url("/process-api/repository/process-definitions/" + d.getId()));
  }

  private static TaskResponse task(Task t) {
    return new TaskResponse(t.getId(), url("/process-api/runtime/tasks/" + t.getId()), t.getName(), t.getAssignee(),
        t.getOwner(), t.getCreateTime(), t.getPriority(), t.getTaskDefinitionKey(), t.getProcessInstanceId(),
        t.getProcessDefinitionId(), t.getExecutionId(), t.getTenantId());
  }

  private static String url(String path) {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
  }
}
