package id.go.kpu.jdih.benchmarks.server;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * One simulated client: its own {@link HttpClient} (so its own connections, kept alive) and its own
 * {@link Recorder}. Used by one thread only.
 */
final class Client {

  /** How long a request may take before it counts as an error. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** A check of a successful response's body: a problem, or empty if the body is what was expected. */
  interface Check {
    Optional<String> problem(String body);
  }

  /** A request that failed (status, exception or check); already recorded, the iteration stops. */
  static final class Failed extends Exception {
    private static final long serialVersionUID = 1L;

    Failed(String message) {
      super(message, null, false, false);
    }
  }

  private final HttpClient http;
  private final Window window;
  private final Recorder recorder = new Recorder();

  Client(Window window) {
    this.window = window;
    // HTTP/1.1 as a PHP site or curl speaks it; the JDK client would otherwise offer an h2c upgrade.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  Recorder recorder() {
    return recorder;
  }

  /**
   * Sends {@code request}; the latency is the time from sending to the whole body read. Counts as a success if the
   * status is {@code expected} and {@code check} finds no problem; anything else is recorded as an error of
   * {@code type} and thrown.
   *
   * @return the response body
   */
  String send(String type, HttpRequest request, int expected, Check check) throws Failed, InterruptedException {
    long t0 = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw fail(type, System.nanoTime(), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    long t1 = System.nanoTime();
    if (response.statusCode() != expected) {
      throw fail(type, t1, "HTTP " + response.statusCode() + " (expected " + expected + "): "
          + abbreviate(response.body()));
    }
    Optional<String> problem = check.problem(response.body());
    if (problem.isPresent()) {
      throw fail(type, t1, problem.get() + ": " + abbreviate(response.body()));
    }
    if (window.measured(t1)) {
      recorder.success(type, t1 - t0);
    }
    recorder.anySuccess(type);
    return response.body();
  }

  private Failed fail(String type, long at, String description) {
    if (!window.over(at)) {
      recorder.error(type, !window.inWarmup(at), description);
    }
    return new Failed(type + ": " + description);
  }

  static String abbreviate(String body) {
    String oneLine = body.replaceAll("\\s+", " ");
    return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + "…";
  }

  /** No check beyond the status. */
  static Optional<String> anyBody(String body) {
    return Optional.empty();
  }
}
