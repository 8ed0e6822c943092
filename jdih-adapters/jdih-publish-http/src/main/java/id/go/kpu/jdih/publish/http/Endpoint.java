package id.go.kpu.jdih.publish.http;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.validation.Hosts;
import java.net.URI;
import java.time.Duration;

/**
 * Where an API is, how long a call may take and how large its answer may be: the base address (the platform's, or
 * an emulator's on 127.0.0.1), one deadline for each whole call (connecting, sending, the response headers and the
 * whole body), the time-out of connecting, and the largest response body read.
 *
 * <p>Calls carry tokens, so the address must be {@code https://}; plain {@code http://} is accepted only for this
 * machine ({@code localhost}, 127.0.0.0/8, {@code ::1}): a local emulator, a test, or a local proxy that does TLS.
 *
 * @param baseUrl the base address, e.g. {@code https://graph.facebook.com/v21.0}; paths are appended to it
 * @param callTimeout the deadline of every call, body included
 * @param connectTimeout the time-out of opening a connection
 * @param maxResponseBytes the largest response body read into memory; a longer one fails the call
 */
public record Endpoint(URI baseUrl, Duration callTimeout, Duration connectTimeout, long maxResponseBytes) {

  /** Default time-out of a call: 30 seconds. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
  /** Default time-out of connecting: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default largest response body: 4 MiB, far above any JSON answer of the platforms' APIs. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L << 20;

  /**
   * Checks the fields; the base address must be absolute http(s) without a query.
   *
   * @throws InvalidEndpointException if the address is plain http to another machine
   */
  public Endpoint {
    checkNotNull(baseUrl, "baseUrl");
    checkArgument(baseUrl.isAbsolute() && ("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))
        && baseUrl.getRawQuery() == null, "base URL must be absolute http(s) without a query: %s", baseUrl);
    checkNotNull(callTimeout, "callTimeout");
    checkNotNull(connectTimeout, "connectTimeout");
    checkArgument(!callTimeout.isNegative() && !callTimeout.isZero(), "callTimeout must be positive");
    checkArgument(!connectTimeout.isNegative() && !connectTimeout.isZero(), "connectTimeout must be positive");
    checkArgument(maxResponseBytes > 0, "maxResponseBytes must be positive");
    if ("http".equals(baseUrl.getScheme()) && !Hosts.isLoopback(baseUrl.getHost())) {
      throw new InvalidEndpointException(Text.of(
          "%s memakai http tanpa enkripsi; token akses hanya dikirim lewat https (http hanya untuk localhost)",
          "%s uses unencrypted http; access tokens are only sent over https (http only for localhost)")
          .format(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority()));
    }
  }

  /** An endpoint with the default response limit. */
  public Endpoint(URI baseUrl, Duration callTimeout, Duration connectTimeout) {
    this(baseUrl, callTimeout, connectTimeout, DEFAULT_MAX_RESPONSE_BYTES);
  }

  /** An endpoint with the default time-outs and response limit. */
  public static Endpoint of(String baseUrl) {
    return new Endpoint(URI.create(baseUrl), DEFAULT_CALL_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
  }

  /** The same endpoint with another call and connect time-out. */
  public Endpoint withTimeouts(Duration call, Duration connect) {
    return new Endpoint(baseUrl, call, connect, maxResponseBytes);
  }

  /** The same endpoint with another response limit. */
  public Endpoint withMaxResponseBytes(long bytes) {
    return new Endpoint(baseUrl, callTimeout, connectTimeout, bytes);
  }

  /** The address of {@code path} (which starts with {@code /}) under the base address. */
  public URI resolve(String path) {
    checkArgument(path.startsWith("/"), "path must start with /: %s", path);
    String base = baseUrl.toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
  }
}
