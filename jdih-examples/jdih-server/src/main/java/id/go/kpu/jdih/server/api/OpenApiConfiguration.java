package id.go.kpu.jdih.server.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI 3.1 document of the API, served at {@code /api/v1/openapi.json} and committed as
 * {@code jdih-examples/jdih-server/openapi.json}: the controllers' operations as springdoc finds them, plus what
 * holds for all of them here in one place: who may call (an API token or a browser session with its CSRF token),
 * the {@code Idempotency-Key} and {@code If-Match} headers of commands, and the RFC 9457 problem details every
 * refusal is answered with. The served document is the truth; tests check real requests and responses against it.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  /** The name of the bearer API token scheme. */
  public static final String BEARER = "apiToken";
  /** The name of the session cookie scheme. */
  public static final String SESSION = "session";
  /** The name of the CSRF header scheme that goes with the session. */
  public static final String CSRF = "csrfHeader";
  /** The name of the problem details schema. */
  public static final String PROBLEM = "Problem";

  private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final String IF_MATCH = "If-Match";
  private static final String CASE_REF = "#/components/schemas/CaseView";

  private static final Map<String, String> PROBLEMS = problemDescriptions();

  static {
    // The CSRF token a handler may take is the session's, never a request parameter.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CsrfToken.class);
  }

  private static Map<String, String> problemDescriptions() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("400", "The request is malformed: unreadable JSON, a missing or invalid field or parameter"
        + " (JDIH-HTTP-005, the fields at fault in `errors`)");
    m.put("401", "No valid credentials: neither a session nor a valid, unrevoked, unexpired API token"
        + " (JDIH-HTTP-007)");
    m.put("403", "The caller may not do this: not a person of the office, whether or not it exists (JDIH-ACTOR-002);"
        + " a token of another office or without the scope, a missing CSRF token, not an administrator"
        + " (JDIH-HTTP-002); not the executor of the activity (JDIH-CASE-*)");
    m.put("404", "Nothing of that name the caller may know of (JDIH-HTTP-001, JDIH-CASE-*)");
    m.put("409", "A conflict with the current state: the activity is not open, the case is closed, the thing to"
        + " create exists already (JDIH-CASE-*, JDIH-HTTP-008, JDIH-STORE-*)");
    m.put("412", "If-Match names another version of the case (JDIH-HTTP-004); reload it and try again");
    m.put("413", "The file or request is too large (JDIH-HTTP-006)");
    m.put("415", "The content type is not supported (JDIH-HTTP-011)");
    m.put("422", "The request is well-formed but breaks a rule of the SOP or a platform, or its Idempotency-Key"
        + " was used for another request (JDIH-HTTP-003); nothing was done");
    m.put("428", "A command without an Idempotency-Key header (JDIH-HTTP-009)");
    m.put("500", "An error in the server; it was logged, the response says nothing about the inside"
        + " (JDIH-HTTP-500)");
    return m;
  }

  /** The document's fixed parts: info, server, security schemes, the problem schema, the command headers. */
  @Bean
  public OpenAPI jdihOpenApi(ObjectProvider<BuildProperties> build) {
    String version = Optional.ofNullable(build.getIfAvailable()).map(BuildProperties::getVersion).orElse("dev");
    Components components = new Components()
        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
            .bearerFormat("jdih_<id>_<secret>")
            .description("An API token of an office, issued by its administrators"
                + " (`POST /api/v1/offices/{office}/tokens`) as `jdih_<id>_<secret>` and sent as"
                + " `Authorization: Bearer jdih_<id>_<secret>`. It acts as one person of that office within its"
                + " scopes (cases:read, cases:write, sop:read, reports:read). Token callers need no CSRF token."))
        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
            .description("The browser session of a login (form login with a local account, or OIDC)."
                + " Unsafe requests (POST, PUT, DELETE) must also send the CSRF token, see `" + CSRF + "`."))
        .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.HEADER).name("X-CSRF-TOKEN")
            .description("The session's CSRF token from `GET /api/v1/csrf`, sent with every unsafe request of a"
                + " session caller."))
        .addParameters(IDEMPOTENCY_KEY, new HeaderParameter().name(IDEMPOTENCY_KEY).required(false)
            .description("Required by every command (a 428 answers one without it). 1 to 100 visible ASCII"
                + " characters, e.g. a UUID, chosen by the client per command: a retry with the same key and the"
                + " same request is applied once and answered as before (`Idempotent-Replayed: true`); the same key"
                + " with another request is refused with 422 (JDIH-HTTP-003).")
            .schema(new StringSchema().minLength(1).maxLength(100).pattern("^[\\x21-\\x7e]{1,100}$")))
        .addParameters(IF_MATCH, new HeaderParameter().name(IF_MATCH).required(false)
            .description("Optional: the `ETag` of the case as last read (its version, e.g. `\"3\"`), or `*`. If the"
                + " case has changed since, the command is refused with 412 (JDIH-HTTP-004) and nothing is done.")
            .schema(new StringSchema().maxLength(100)))
        .addHeaders("ETag", new Header().description("The case's version, quoted; send it back as If-Match")
            .schema(new StringSchema()));
    return new OpenAPI()
        .info(new Info().title("jdih-server API").version(version)
            .description("""
                The API of jdih-server for the offices' sites and apps: the cases of an office's SOP for the \
                publication of legal information (propose, approve or reject, the team meeting, the summary, the \
                design, the caption, publication), the offices, their people and their API tokens.

                Callers authenticate with an API token (`Authorization: Bearer jdih_<id>_<secret>`) or the session \
                of a browser login plus its CSRF token (`X-CSRF-TOKEN`). What a caller may do is decided by the \
                server's directory at every request; another office's data is refused with 403 whether or not it \
                exists.

                Every refusal is an RFC 9457 problem (`application/problem+json`) with a stable `code`. Its \
                `detail` and the `errors[].message` are in Indonesian (the default) or English, as the \
                `Accept-Language` header asks (e.g. `Accept-Language: en`).

                Commands need an `Idempotency-Key` header and may send `If-Match` with the case's `ETag`.""")
            .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
        .servers(List.of(new Server().url("/").description("This server")))
        .components(components)
        .security(List.of(new SecurityRequirement().addList(BEARER),
            new SecurityRequirement().addList(SESSION).addList(CSRF)));
  }

  /**
   * What holds for every operation under {@code /api/v1}: the command headers by reference, and the problem
   * responses that apply to it (no 412 where there is no If-Match, no 428 where there is no Idempotency-Key).
   */
  @Bean
  public OpenApiCustomizer jdihProblemsCustomizer(ApplicationContext context) {
    return openApi -> {
      List<Class<?>> views = responseRecords(context);
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      // Added here, not in the bean: springdoc drops schemas no operation refers to before customizers run.
      openApi.getComponents().addSchemas(PROBLEM, problemSchema()).addSchemas("ProblemError", problemErrorSchema());
      if (openApi.getComponents().getSchemas() != null) {
        openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::anchorPatterns);
        views.forEach(v -> requireNonOptional(v, openApi.getComponents().getSchemas().get(v.getSimpleName())));
      }
      if (openApi.getPaths() == null) {
        return;
      }
      openApi.getPaths().forEach((path, item) -> {
        if (path.startsWith("/api/v1/")) {
          item.readOperationsMap().forEach((method, op) -> customize(path, method, op));
        }
      });
    };
  }

  private static void customize(String path, PathItem.HttpMethod method, Operation op) {
    boolean idempotent = false;
    boolean ifMatch = false;
    Schema<?> form = op.getRequestBody() == null || op.getRequestBody().getContent() == null ? null
        : Optional.ofNullable(op.getRequestBody().getContent().get("multipart/form-data"))
            .map(MediaType::getSchema).orElse(null);
    if (op.getParameters() != null) {
      List<Parameter> params = new ArrayList<>();
      for (Parameter p : op.getParameters()) {
        anchorPatterns(p.getSchema());
        if (form != null && "query".equals(p.getIn())) {
          // A @RequestParam of a multipart handler is a field of the form (Spring reads both; clients send parts).
          Schema<?> field = p.getSchema();
          if (p.getDescription() != null && field != null) {
            field.setDescription(p.getDescription());
          }
          form.addProperty(p.getName(), field);
          if (Boolean.TRUE.equals(p.getRequired())) {
            form.addRequiredItem(p.getName());
          }
          continue;
        }
        if ("header".equals(p.getIn()) && IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName())) {
          idempotent = true;
          params.add(new Parameter().$ref("#/components/parameters/" + IDEMPOTENCY_KEY));
        } else if ("header".equals(p.getIn()) && IF_MATCH.equalsIgnoreCase(p.getName())) {
          ifMatch = true;
          params.add(new Parameter().$ref("#/components/parameters/" + IF_MATCH));
        } else {
          params.add(p);
        }
      }
      op.setParameters(params);
    }
    boolean unsafe = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
    boolean hasParameters = (op.getParameters() != null && !op.getParameters().isEmpty())
        || op.getRequestBody() != null;
    boolean multipart = op.getRequestBody() != null && op.getRequestBody().getContent() != null
        && op.getRequestBody().getContent().containsKey("multipart/form-data");
    ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
    op.setResponses(responses);
    responses.forEach((status, response) -> {
      // A case is answered with its version as ETag, to send back as If-Match.
      boolean isCase = response.getContent() != null && response.getContent().values().stream()
          .anyMatch(m -> m.getSchema() != null && CASE_REF.equals(m.getSchema().get$ref()));
      if (status.startsWith("2") && isCase) {
        response.addHeaderObject("ETag", new Header().$ref("#/components/headers/ETag"));
      }
    });
    if (hasParameters) {
      problem(responses, "400");
    }
    problem(responses, "401");
    if (unsafe || path.contains("{")) {
      problem(responses, "403");
    }
    if (path.contains("{")) {
      problem(responses, "404");
    }
    if (unsafe) {
      problem(responses, "409");
    }
    if (ifMatch) {
      problem(responses, "412");
    }
    if (multipart) {
      problem(responses, "413");
    }
    if (op.getRequestBody() != null) {
      problem(responses, "415");
    }
    if (unsafe) {
      problem(responses, "422");
    }
    if (idempotent) {
      problem(responses, "428");
    }
    problem(responses, "500");
  }

  /**
   * The records the API answers with: those nested in {@link Views} and in the controllers that carry no Bean
   * Validation constraint (those are request bodies).
   */
  private static List<Class<?>> responseRecords(ApplicationContext context) {
    List<Class<?>> holders = new ArrayList<>(List.of(Views.class));
    for (Object controller : context.getBeansWithAnnotation(RestController.class).values()) {
      Class<?> type = AopUtils.getTargetClass(controller);
      if (type.getPackageName().startsWith(OpenApiConfiguration.class.getPackageName())) {
        holders.add(type);
      }
    }
    List<Class<?>> records = new ArrayList<>();
    for (Class<?> holder : holders) {
      for (Class<?> nested : holder.getDeclaredClasses()) {
        if (nested.isRecord() && java.util.Arrays.stream(nested.getRecordComponents())
            .noneMatch(OpenApiConfiguration::constrained)) {
          records.add(nested);
        }
      }
    }
    return records;
  }

  private static boolean constrained(java.lang.reflect.RecordComponent c) {
    return java.util.stream.Stream.of(c.getAccessor().getAnnotations(), c.getAnnotatedType().getAnnotations(),
            c.getAnnotations()).flatMap(java.util.Arrays::stream)
        .anyMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.validation"));
  }

  /**
   * Marks the components of a response record that are always present as required: all but the {@link Optional}
   * ones, which the API leaves out when empty ({@code spring.jackson.default-property-inclusion=non_absent}).
   */
  private static void requireNonOptional(Class<?> record, Schema<?> schema) {
    if (schema == null || schema.getProperties() == null) {
      return;
    }
    for (java.lang.reflect.RecordComponent c : record.getRecordComponents()) {
      if (c.getType() != Optional.class && schema.getProperties().containsKey(c.getName())
          && (schema.getRequired() == null || !schema.getRequired().contains(c.getName()))) {
        schema.addRequiredItem(c.getName());
      }
    }
  }

  /**
   * Bean Validation's {@code @Pattern} must match the whole value; JSON Schema's {@code pattern} matches anywhere.
   * Anchors each pattern of {@code schema} and its parts so that the document says what the server checks.
   */
  @SuppressWarnings("rawtypes")
  private static void anchorPatterns(Schema<?> schema) {
    if (schema == null) {
      return;
    }
    String p = schema.getPattern();
    if (p != null && !(p.startsWith("^") && p.endsWith("$"))) {
      schema.setPattern("^(?:" + p + ")$");
    }
    if (schema.getProperties() != null) {
      for (Schema s : schema.getProperties().values()) {
        anchorPatterns(s);
      }
    }
    anchorPatterns(schema.getItems());
    if (schema.getAdditionalProperties() instanceof Schema s) {
      anchorPatterns(s);
    }
    if (schema.getPropertyNames() != null) {
      anchorPatterns(schema.getPropertyNames());
    }
  }

  private static void problem(ApiResponses responses, String status) {
    if (responses.containsKey(status)) {
      return;
    }
    responses.addApiResponse(status, new ApiResponse().description(PROBLEMS.get(status)).content(new Content()
        .addMediaType(Problems.MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> problemSchema() {
    Map<String, Schema> props = new LinkedHashMap<>();
    props.put("type", new StringSchema().description("`urn:jdih:problem:<code>`"));
    props.put("title", new StringSchema().description("The HTTP status's reason phrase"));
    props.put("status", new IntegerSchema().format("int32").minimum(java.math.BigDecimal.valueOf(400))
        .maximum(java.math.BigDecimal.valueOf(599)));
    props.put("detail", new StringSchema().description("What went wrong, in the language Accept-Language asked"));
    props.put("instance", new StringSchema().description("The path of the request"));
    props.put("code", new StringSchema().pattern("^JDIH-[A-Z]+-[0-9A-Z]+$")
        .description("The stable code of the refusal, e.g. JDIH-ACTOR-002"));
    props.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/ProblemError"))
        .description("The fields at fault, if the refusal is about fields"));
    ObjectSchema s = new ObjectSchema();
    s.description("RFC 9457 problem details with the stable code of the refusal");
    s.setProperties(props);
    s.setRequired(List.of("type", "title", "status", "code"));
    return s;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> problemErrorSchema() {
    Map<String, Schema> props = new LinkedHashMap<>();
    props.put("field", new StringSchema().description("The field, parameter or header at fault"));
    props.put("rule", new StringSchema().description("The rule it broke, e.g. NotBlank, Pattern"));
    props.put("message", new StringSchema().description("The rule in words, in the caller's language"));
    ObjectSchema s = new ObjectSchema();
    s.description("One field at fault");
    s.setProperties(props);
    s.setRequired(List.of("field", "rule", "message"));
    return s;
  }
}
