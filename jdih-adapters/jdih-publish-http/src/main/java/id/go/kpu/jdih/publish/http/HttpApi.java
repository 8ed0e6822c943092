package id.go.kpu.jdih.publish.http;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.PlatformCallException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiCall}s to one {@link Endpoint} with {@code java.net.http}: HTTP/1.1, no redirects, one deadline
 * (the endpoint's call time-out) on every whole call, body included, and a bounded response body (the endpoint's
 * {@link Endpoint#maxResponseBytes()}; a longer answer fails with {@code HTTP-BODY-TOO-LARGE}, {@code AMBIGUOUS}
 * for a publishing call and {@code NOT_SENT} otherwise). A call that gets no response fails with a
 * {@link PlatformCallException}: a refused or
 * timed-out <em>connection</em> is {@link FailureKind#NOT_SENT} (the request never left); any other failure
 * (a time-out waiting for the response, a reset) is {@link FailureKind#AMBIGUOUS} for a publishing call and
 * {@link FailureKind#NOT_SENT} for any other. A response, whatever its status, is returned for the adapter to
 * classify. Nothing logged or thrown contains a token. Thread-safe.
 */
public final class HttpApi {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Platform platform;
  private final Endpoint endpoint;
  private final HttpClient client;

  /**
   * A client for {@code endpoint}.
   *
   * @param platform the platform it talks to (for messages)
   * @param endpoint where and how long
   */
  public HttpApi(Platform platform, Endpoint endpoint) {
    this.platform = checkNotNull(platform, "platform");
    this.endpoint = checkNotNull(endpoint, "endpoint");
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(endpoint.connectTimeout()).build();
  }

  /** The endpoint. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** The JSON mapper the adapters share (thread-safe once configured). */
  public static ObjectMapper json() {
    return JSON;
  }

  /**
   * Sends {@code call}.
   *
   * @param call the call
   * @return the response, whatever its status
   * @throws PlatformCallException if no response came
   */
  public ApiResponse send(ApiCall call) {
    URI uri = endpoint.resolve(call.path + query(call.query));
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(endpoint.callTimeout())
        .header("Accept", "application/json").header("User-Agent", "jdih");
    call.headers.forEach(b::header);
    if (call.bearer) {
      b.header("Authorization", "Bearer " + call.token.reveal());
    }
    if ("GET".equals(call.method)) {
      b.GET();
    } else if (call.multipart != null) {
      b.header("Content-Type", call.multipart.contentType());
      b.POST(HttpRequest.BodyPublishers.ofByteArray(call.multipart.bytes()));
    } else if (call.json != null) {
      b.header("Content-Type", "application/json; charset=UTF-8");
      b.POST(HttpRequest.BodyPublishers.ofString(call.json, StandardCharsets.UTF_8));
    } else {
      b.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
      b.POST(HttpRequest.BodyPublishers.ofString(query(call.form).replaceFirst("^\\?", ""), StandardCharsets.UTF_8));
    }
    HttpResponse<byte[]> r;
    // One deadline for the whole call: the request's own time-out covers only the wait for the headers, and a
    // body that arrives a byte at a time would hold the call for as long as the server likes.
    CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(b.build(),
        BoundedBody.handler(endpoint.maxResponseBytes()));
    try {
      r = pending.get(endpoint.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw failure(call, ambiguousIfPublishing(call), "HTTP-TIMEOUT", Text.of(
          "%s tidak menjawab dalam batas waktu", "%s did not answer within the time-out"), e);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw failure(call, ambiguousIfPublishing(call), "HTTP-INTERRUPTED", Text.of(
          "Panggilan ke %s dihentikan", "The call to %s was interrupted"), e);
    } catch (ExecutionException wrapped) {
      throw failure(call, wrapped.getCause() == null ? wrapped : wrapped.getCause());
    }
    String body = Scrubber.scrub(new String(r.body(), StandardCharsets.UTF_8), call.token);
    JsonNode node;
    try {
      node = body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
    } catch (IOException e) {
      node = MissingNode.getInstance();
    }
    if (node == null) {
      node = MissingNode.getInstance();
    }
    LOG.debug("{} {} -> {}", platform, LogSafe.of(call), r.statusCode());
    return new ApiResponse(r.statusCode(), r.headers(), body, node);
  }

  // A call that failed without a usable response, by its cause.
  private PlatformCallException failure(ApiCall call, Throwable cause) {
    Exception e = cause instanceof Exception ex ? ex : new IOException(cause);
    if (cause instanceof BoundedBody.TooLarge) {
      // The platform answered, but more than any answer of its API: nothing in it can be trusted or read. For a
      // publishing call the post may exist.
      return failure(call, ambiguousIfPublishing(call), "HTTP-BODY-TOO-LARGE", Text.of(
          "Jawaban %s melebihi batas " + endpoint.maxResponseBytes() + " bita dan tidak dibaca",
          "The answer of %s is over the limit of " + endpoint.maxResponseBytes() + " bytes and was not read"), e);
    }
    if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
        || cause.getCause() instanceof UnresolvedAddressException || cause.getCause() instanceof ConnectException) {
      return failure(call, FailureKind.NOT_SENT, "HTTP-CONNECT", Text.of(
          "Tidak dapat tersambung ke %s; permintaan belum terkirim", "Could not connect to %s; nothing was sent"), e);
    }
    if (cause instanceof HttpTimeoutException) {
      return failure(call, ambiguousIfPublishing(call), "HTTP-TIMEOUT", Text.of(
          "%s tidak menjawab dalam batas waktu", "%s did not answer within the time-out"), e);
    }
    if (cause instanceof IOException) {
      return failure(call, ambiguousIfPublishing(call), "HTTP-IO", Text.of(
          "Sambungan ke %s terputus sebelum ada jawaban", "The connection to %s broke before an answer"), e);
    }
    return failure(call, ambiguousIfPublishing(call), "HTTP-FAILED", Text.of(
        "Panggilan ke %s gagal tanpa jawaban", "The call to %s failed without an answer"), e);
  }

  private static FailureKind ambiguousIfPublishing(ApiCall call) {
    return call.publishing ? FailureKind.AMBIGUOUS : FailureKind.NOT_SENT;
  }

  private PlatformCallException failure(ApiCall call, FailureKind kind, String code, Text what, Exception e) {
    Text text = what.format(platform.displayName());
    if (kind == FailureKind.AMBIGUOUS) {
      text = Text.of(text.id() + "; unggahan mungkin sudah terbit (" + call + ")",
          text.en() + "; the post may have gone out (" + call + ")");
    } else {
      text = Text.of(text.id() + " (" + call + ")", text.en() + " (" + call + ")");
    }
    LOG.debug("{} {}: {}", platform, LogSafe.of(call), LogSafe.of(code));
    return new PlatformCallException(kind, code, text, Optional.empty(), Sanitized.of(e, call.token));
  }

  private static String query(Map<String, String> params) {
    if (params.isEmpty()) {
      return "";
    }
    return params.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&", "?", ""));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A cause with its message scrubbed, so that a token in an I/O exception's text cannot leak. */
  static final class Sanitized extends IOException {
    private static final long serialVersionUID = 1L;

    private Sanitized(String message) {
      super(message);
    }

    static Sanitized of(Throwable e, AccessToken token) {
      Sanitized s = new Sanitized(e.getClass().getName() + ": " + Scrubber.scrub(e.getMessage(), token));
      s.setStackTrace(e.getStackTrace());
      return s;
    }
  }
}
