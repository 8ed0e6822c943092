package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client of the test server: a browser session (cookies, the login form, CSRF) or an API token. Every
 * request and response goes over the socket, so what the tests see is what a PHP site or a browser would see.
 */
final class Client {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final HttpClient http;
  private Optional<String> token = Optional.empty();
  private Optional<String> csrf = Optional.empty();
  private String language = "id";
  private final List<Exchange> exchanges = new ArrayList<>();

  /** One request and its response, for the OpenAPI check. */
  record Exchange(String method, String path, String requestContentType, byte[] requestBody, int status,
      String responseContentType, byte[] responseBody) {}

  /** A response. */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      return JSON.readTree(body);
    }

    Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .flatMap(e -> e.getValue().stream().findFirst());
    }

    Response expect(int expected) {
      assertThat(status).as("status of a response: %s", text()).isEqualTo(expected);
      return this;
    }
  }

  Client(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A client that sends {@code token} as its bearer token. */
  static Client withToken(int port, String token) {
    Client c = new Client(port);
    c.token = Optional.of(token);
    return c;
  }

  Client language(String lang) {
    this.language = lang;
    return this;
  }

  List<Exchange> exchanges() {
    return exchanges;
  }

  /** Logs in through the form with the login page's CSRF token; returns the final status (302 on both). */
  Response login(String username, String password) {
    Response page = send("GET", "/login", null, null, Map.of());
    Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.text());
    assertThat(m.find()).as("the login page has a CSRF field: %s", page.text()).isTrue();
    String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
    Response r = send("POST", "/login", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8),
        Map.of());
    csrf = Optional.empty();
    return r;
  }

  /** Fetches the session's CSRF token for later unsafe requests. */
  Client withCsrf() {
    csrf = Optional.of(get("/api/v1/csrf").expect(200).json().get("token").asString());
    return this;
  }

  Response get(String path) {
    return send("GET", path, null, null, Map.of());
  }

  Response delete(String path) {
    return send("DELETE", path, null, null, Map.of());
  }

  Response post(String path, Object body) {
    return post(path, body, Map.of());
  }

  Response post(String path, Object body, Map<String, String> headers) {
    return send("POST", path, "application/json", JSON.writeValueAsBytes(body), headers);
  }

  Response put(String path, Object body) {
    return send("PUT", path, "application/json", JSON.writeValueAsBytes(body), Map.of());
  }

  /** A command with a fresh idempotency key. */
  Response command(String path, Object body) {
    return post(path, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
  }

  /** A multipart request: {@code parts} maps a name to a String value or a {@link FilePart}. */
  Response multipart(String path, List<Map.Entry<String, Object>> parts, Map<String, String> headers) {
    String boundary = "jdih" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, Object> p : parts) {
      write(out, "--" + boundary + "\r\n");
      if (p.getValue() instanceof FilePart f) {
        write(out, "Content-Disposition: form-data; name=\"" + p.getKey() + "\"; filename=\"" + f.name() + "\"\r\n");
        write(out, "Content-Type: " + f.contentType() + "\r\n\r\n");
        out.writeBytes(f.bytes());
        write(out, "\r\n");
      } else {
        write(out, "Content-Disposition: form-data; name=\"" + p.getKey() + "\"\r\n\r\n" + p.getValue() + "\r\n");
      }
    }
    write(out, "--" + boundary + "--\r\n");
    return send("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray(), headers);
  }

  /** A file in a multipart request. */
  record FilePart(String name, String contentType, byte[] bytes) {}

  Response send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Accept-Language", language);
    token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    if (!method.equals("GET")) {
      csrf.ifPresent(c -> b.header("X-CSRF-TOKEN", c));
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.forEach(b::header);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      exchanges.add(new Exchange(method, path, contentType, body, r.statusCode(),
          r.headers().firstValue("Content-Type").orElse(null), r.body()));
      return new Response(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
