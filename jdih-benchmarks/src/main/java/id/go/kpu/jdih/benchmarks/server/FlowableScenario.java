package id.go.kpu.jdih.benchmarks.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kpu.jdih.export.BpmnExporter;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Flowable's process REST API (jdih-benchmarks/flowable-rest: Flowable 8.0.0's engine behind the calls of that API;
 * jdih-benchmarks/flowable-rest-7: Flowable 7.2.0's own REST application) running the BPMN that jdih-export makes of the reference SOP
 * ({@link BpmnExporter#bpmn}), as {@code durable.FlowableSop} runs it embedded: candidate groups are the executor
 * roles' ids, the approval's gateway reads the variable {@value BpmnExporter#APPROVED_VARIABLE}.
 *
 * <p><b>Set-up</b>: one deployment of the exported BPMN ({@code POST /process-api/repository/deployments},
 * multipart).
 *
 * <p><b>An iteration</b>, the calls a Flowable client makes for the same two activities:
 *
 * <ol>
 *   <li>{@code POST /process-api/runtime/process-instances} (key, business key): the case; 201;
 *   <li>{@code GET /process-api/runtime/tasks?processInstanceId=..&candidateGroup=kasubag-hukum}: the open task
 *       whose candidate group is the actor's role (how a client learns the task id; Flowable checks the role in the
 *       query); 200, exactly one task, activity 1's;
 *   <li>{@code POST /process-api/runtime/tasks/{id}} with {@code action=complete} and the variables {@code actor}
 *       (NIP) and {@code output} (the proposal's JSON): completes activity 1; 200;
 *   <li>the task query again: activity 2's task;
 *   <li>complete it with {@code actor}, {@code output} (the note) and {@code approved=true}: completes activity 2.
 * </ol>
 */
final class FlowableScenario implements Scenario {

  static final String START = "POST process-instances (start)";
  static final String QUERY_1 = "GET tasks (activity 1's task)";
  static final String COMPLETE_1 = "POST complete (activity 1)";
  static final String QUERY_2 = "GET tasks (activity 2's task)";
  static final String COMPLETE_2 = "POST complete (activity 2)";
  private static final String ROLE = "kasubag-hukum";

  private final String name;
  private final String base;
  private final SopDefinition sop = ReferenceSop.definition();
  private final String processKey = BpmnExporter.processKey(sop);
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  FlowableScenario(String name, String base) {
    this.name = name;
    this.base = base;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> types() {
    return List.of(START, QUERY_1, COMPLETE_1, QUERY_2, COMPLETE_2);
  }

  @Override
  public Set<String> completing() {
    return Set.of(COMPLETE_1, COMPLETE_2);
  }

  @Override
  public void prepare(int clients) throws IOException, InterruptedException {
    String boundary = "jdih" + UUID.randomUUID().toString().replace("-", "");
    String file = processKey + ".bpmn20.xml"; // Flowable deploys resources ending .bpmn20.xml
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file
        + "\"\r\nContent-Type: text/xml\r\n\r\n" + BpmnExporter.bpmn(sop) + "\r\n--" + boundary + "--\r\n";
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/process-api/repository/deployments"))
        .timeout(Client.REQUEST_TIMEOUT).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
        throw new IllegalStateException("deployment refused: HTTP " + r.statusCode() + ": "
            + Client.abbreviate(r.body()));
    }
  }

  @Override
  public void iteration(Client c, int client, long n) throws Client.Failed, InterruptedException {
    String runtime = base + "/process-api/runtime";
    String started = c.send(START, post(runtime + "/process-instances", Map.of("processDefinitionKey", processKey,
        "businessKey", run + "-" + client + "-" + n)), 201, body -> Json.text(body, "id").isPresent()
        ? Optional.empty() : Optional.of("no process instance id"));
    String instance = Json.text(started, "id").orElseThrow();
    String query = runtime + "/tasks?processInstanceId=" + enc(instance) + "&candidateGroup=" + ROLE;

    String task1 = taskId(c.send(QUERY_1, get(query), 200, body -> oneTask(body, BpmnExporter.taskId(1))));
    c.send(COMPLETE_1, post(runtime + "/tasks/" + enc(task1), Map.of("action", "complete", "variables", List.of(
        variable("actor", "string", JdihScenario.KASUBAG_NIP),
        variable("output", "string", Json.write(Proposals.proposal(client, n)))))), 200, Client::anyBody);

    String task2 = taskId(c.send(QUERY_2, get(query), 200, body -> oneTask(body, BpmnExporter.taskId(2))));
    c.send(COMPLETE_2, post(runtime + "/tasks/" + enc(task2), Map.of("action", "complete", "variables", List.of(
        variable("actor", "string", JdihScenario.KASUBAG_NIP), variable("output", "string", "Setuju"),
        variable(BpmnExporter.APPROVED_VARIABLE, "boolean", true)))), 200, Client::anyBody);
  }

  private static Map<String, Object> variable(String name, String type, Object value) {
    return Map.of("name", name, "type", type, "value", value);
  }

  private static Optional<String> oneTask(String body, String taskKey) {
    Optional<JsonNode> json = Json.read(body);
    JsonNode data = json.map(j -> j.get("data")).orElse(null);
    if (data == null || !data.isArray() || data.size() != 1) {
      return Optional.of("not exactly one open task");
    }
    return taskKey.equals(data.get(0).path("taskDefinitionKey").asText()) && data.get(0).hasNonNull("id")
        ? Optional.empty() : Optional.of("the open task is not " + taskKey);
  }

  private static String taskId(String body) {
    return Json.read(body).orElseThrow().get("data").get(0).get("id").asText();
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Client.REQUEST_TIMEOUT)
        .header("Accept", "application/json").GET().build();
  }

  private static HttpRequest post(String url, Object body) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Client.REQUEST_TIMEOUT)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
