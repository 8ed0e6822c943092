package id.go.kpu.jdih.server.api;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal of the API as RFC 9457 problem details with a stable code. Library refusals keep their
 * {@code JDIH-*} code; malformed requests get {@code JDIH-HTTP-005} naming the field; anything unexpected is a
 * 500 that says nothing about the inside (it is logged with its stack trace for the operator).
 */
@RestControllerAdvice(basePackages = "id.go.kpu.jdih.server")
public class ProblemAdvice {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

  private final Problems problems;

  ProblemAdvice(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(JdihException.class)
  ResponseEntity<Map<String, Object>> jdih(JdihException e, HttpServletRequest request) {
    Problems.Problem p = problems.of(e, Problems.language(request));
    if (p.status() >= 500) {
      LOG.error("{} on {}", e.code(), request.getRequestURI(), e);
    }
    return respond(p, request);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
    Language lang = Problems.language(request);
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream().limit(100)
        .map(f -> error(f.getField(), f.getCode(), f.getDefaultMessage())).toList();
    return respond(new Problems.Problem(400, "JDIH-HTTP-005", Text.of("Isi permintaan tidak sah",
        "The request body is invalid").in(lang), errors), request);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<Map<String, Object>> invalidParameter(HandlerMethodValidationException e,
      HttpServletRequest request) {
    Language lang = Problems.language(request);
    List<Map<String, String>> errors = e.getParameterValidationResults().stream().flatMap(r -> r
        .getResolvableErrors().stream().map(err -> error(r.getMethodParameter().getParameterName(),
            err.getCodes() == null || err.getCodes().length == 0 ? "Invalid" : last(err.getCodes()[0]),
            err.getDefaultMessage()))).limit(100).toList();
    return respond(new Problems.Problem(400, "JDIH-HTTP-005", Text.of("Parameter permintaan tidak sah",
        "A request parameter is invalid").in(lang), errors), request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Map<String, Object>> constraint(ConstraintViolationException e, HttpServletRequest request) {
    List<Map<String, String>> errors = e.getConstraintViolations().stream().limit(100).map(v -> error(
        v.getPropertyPath().toString(), v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
        v.getMessage())).toList();
    return respond(new Problems.Problem(400, "JDIH-HTTP-005", Text.of("Parameter permintaan tidak sah",
        "A request parameter is invalid").in(Problems.language(request)), errors), request);
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
      MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
      MissingRequestHeaderException.class, IllegalArgumentException.class})
  ResponseEntity<Map<String, Object>> malformed(Exception e, HttpServletRequest request) {
    Language lang = Problems.language(request);
    String field = "";
    if (e instanceof MethodArgumentTypeMismatchException m) {
      field = m.getName();
    } else if (e instanceof MissingServletRequestParameterException m) {
      field = m.getParameterName();
    } else if (e instanceof MissingServletRequestPartException m) {
      field = m.getRequestPartName();
    } else if (e instanceof MissingRequestHeaderException m) {
      field = m.getHeaderName();
    }
    String detail = e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().length() < 300
        ? e.getMessage() : Text.of("Permintaan tidak dapat dibaca", "The request cannot be read").in(lang);
    List<Map<String, String>> errors = field.isEmpty() ? List.of() : List.of(error(field, "Required",
        Text.of("tidak ada atau tidak sah", "missing or invalid").in(lang)));
    return respond(new Problems.Problem(400, "JDIH-HTTP-005", detail, errors), request);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    return respond(Problems.plain(413, "JDIH-HTTP-006", Text.of("Berkas atau permintaan terlalu besar",
        "The file or request is too large").in(Problems.language(request))), request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(NoResourceFoundException e, HttpServletRequest request) {
    return respond(Problems.plain(404, "JDIH-HTTP-001", Text.of("Tidak ditemukan", "Not found")
        .in(Problems.language(request))), request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return respond(Problems.plain(405, "JDIH-HTTP-010", Text.of("Metode tidak didukung di alamat ini",
        "Method not supported here").in(Problems.language(request))), request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return respond(Problems.plain(415, "JDIH-HTTP-011", Text.of("Jenis isi tidak didukung",
        "Content type not supported").in(Problems.language(request))), request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
    LOG.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(Problems.plain(500, "JDIH-HTTP-500", Text.of("Kesalahan di server; sudah dicatat",
        "An error in the server; it was logged").in(Problems.language(request))), request);
  }

  private ResponseEntity<Map<String, Object>> respond(Problems.Problem p, HttpServletRequest request) {
    ResponseEntity.BodyBuilder b = ResponseEntity.status(p.status())
        .contentType(MediaType.parseMediaType(Problems.MEDIA_TYPE));
    if (p.status() == 401) {
      b.header("WWW-Authenticate", "Bearer realm=\"jdih\"");
    }
    return b.body(problems.body(p, request));
  }

  private static Map<String, String> error(String field, String rule, String message) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("field", field == null ? "" : field);
    m.put("rule", rule == null ? "Invalid" : rule);
    m.put("message", message == null ? "" : message);
    return m;
  }

  private static String last(String code) {
    int dot = code.indexOf('.');
    return dot < 0 ? code : code.substring(0, dot);
  }
}
