package id.go.kpu.jdih.server.api;

import id.go.kpu.jdih.actor.ForbiddenOfficeException;
import id.go.kpu.jdih.actor.UnknownActorException;
import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.publish.OutboxException;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.sop.InvalidDefinitionException;
import id.go.kpu.jdih.store.VersionConflictException;
import id.go.kpu.jdih.validation.Violation;
import id.go.kpu.jdih.workflow.CaseRuleViolation;
import id.go.kpu.jdih.workflow.TamperedHistoryException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns refusals into RFC 9457 problem details: {@code type} {@code urn:jdih:problem:<code>}, {@code title},
 * {@code status}, {@code detail} in the caller's language, {@code instance} (the request path), and the extension
 * members {@code code} (the stable {@code JDIH-*} code) and {@code errors} (each field at fault with its rule).
 * Thread-safe.
 */
@Component
public class Problems {

  /** The media type of problem details. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private final JsonMapper json;

  /** Problems written with {@code json}. */
  public Problems(JsonMapper json) {
    this.json = json;
  }

  /** A problem's parts before rendering. */
  public record Problem(int status, String code, String detail, List<Map<String, String>> errors) {}

  /** The caller's language from {@code Accept-Language}: the first of Indonesian or English it names; Indonesian. */
  public static Language language(HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    if (header == null || header.isBlank() || header.length() > 200) {
      return Language.ID;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        String tag = range.getRange();
        if (tag.startsWith("en")) {
          return Language.EN;
        }
        if (tag.startsWith("id") || tag.startsWith("in")) {
          return Language.ID;
        }
      }
    } catch (IllegalArgumentException e) {
      return Language.ID;
    }
    return Language.ID;
  }

  /** The problem for a library or server refusal. */
  public Problem of(JdihException e, Language language) {
    List<Violation> violations = List.of();
    int status;
    if (e instanceof ServerException s) {
      status = s.kind().status();
      violations = s.violations();
    } else if (e instanceof CaseRuleViolation v) {
      violations = v.violations();
      status = switch (v.rule()) {
        case NOT_EXECUTOR, NOT_ALLOWED -> 403;
        case OUT_OF_ORDER, CASE_CLOSED, NO_BRANCH -> 409;
        case INVALID_OUTPUT, MISSING_INPUT -> 422;
        case UNKNOWN_CASE -> 404;
        case INVALID_COMMAND -> 400;
      };
    } else if (e instanceof ForbiddenOfficeException || e instanceof UnknownActorException) {
      status = 403;
    } else if (e instanceof OutboxException o) {
      status = switch (o.reason()) {
        case NOT_EXECUTOR -> 403;
        case UNKNOWN_INTENT -> 404;
        case WRONG_STATUS, NOT_AT_UPLOAD -> 409;
        case NO_CLIENT -> 422;
      };
    } else if (e instanceof VersionConflictException) {
      status = 409;
    } else if (e instanceof InvalidDefinitionException d) {
      status = 400;
      violations = d.violations();
    } else if (e instanceof TamperedHistoryException || e.code().equals("JDIH-CASE-011")) {
      status = 500;
    } else if (e.code().startsWith("JDIH-STORE")) {
      status = 503;
    } else if (e.code().startsWith("JDIH-JSON") || e.code().startsWith("JDIH-DEF")) {
      status = 400;
    } else {
      status = 422;
    }
    List<Map<String, String>> errors = violations.stream().limit(100).map(v -> {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("field", v.path());
      m.put("rule", v.rule());
      m.put("message", v.message().in(language));
      return m;
    }).toList();
    return new Problem(status, e.code(), e.message(language), errors);
  }

  /** The body of {@code problem} for {@code request}. */
  public Map<String, Object> body(Problem problem, HttpServletRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:jdih:problem:" + problem.code());
    HttpStatus status = HttpStatus.resolve(problem.status());
    body.put("title", status == null ? "Error" : status.getReasonPhrase());
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    body.put("instance", request.getRequestURI());
    body.put("code", problem.code());
    if (!problem.errors().isEmpty()) {
      body.put("errors", problem.errors());
    }
    return body;
  }

  /** Writes {@code e} as problem details (for filters, outside Spring MVC). */
  public void write(HttpServletRequest request, HttpServletResponse response, JdihException e) throws IOException {
    write(request, response, of(e, language(request)));
  }

  /** Writes {@code problem} as problem details. */
  public void write(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
    response.setStatus(problem.status());
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (problem.status() == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"jdih\"");
    }
    response.getOutputStream().write(json.writeValueAsBytes(body(problem, request)));
  }

  /** A problem with no library exception behind it, e.g. a malformed request Spring refused. */
  public static Problem plain(int status, String code, String detail) {
    return new Problem(status, code, detail, List.of());
  }

  /** Whether the caller wants JSON rather than a page (the API, or an Accept header that names JSON). */
  public static boolean wantsJson(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || (accept != null && (accept.contains(MediaType.APPLICATION_JSON_VALUE) || accept.contains(MEDIA_TYPE)));
  }
}
