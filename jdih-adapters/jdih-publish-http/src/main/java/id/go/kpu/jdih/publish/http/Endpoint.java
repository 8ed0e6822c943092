package id.go.kpu.jdih.publish.http;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.net.URI;
import java.time.Duration;

/**
 * Where an API is and how long a call may take: the base address (the platform's, or an emulator's on
 * 127.0.0.1), the time-out of each whole call (until the response headers arrive) and of connecting.
 *
 * @param baseUrl the base address, e.g. {@code https://graph.facebook.com/v21.0}; paths are appended to it
 * @param callTimeout the time-out of every call
 * @param connectTimeout the time-out of opening a connection
 */
public record Endpoint(URI baseUrl, Duration callTimeout, Duration connectTimeout) {

  /** Default time-out of a call: 30 seconds. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
  /** Default time-out of connecting: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Checks the fields; the base address must be absolute http(s) without a query. */
  public Endpoint {
    checkNotNull(baseUrl, "baseUrl");
    checkArgument(baseUrl.isAbsolute() && ("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))
        && baseUrl.getRawQuery() == null, "base URL must be absolute http(s) without a query: %s", baseUrl);
    checkNotNull(callTimeout, "callTimeout");
    checkNotNull(connectTimeout, "connectTimeout");
    checkArgument(!callTimeout.isNegative() && !callTimeout.isZero(), "callTimeout must be positive");
    checkArgument(!connectTimeout.isNegative() && !connectTimeout.isZero(), "connectTimeout must be positive");
  }

  /** An endpoint with the default time-outs. */
  public static Endpoint of(String baseUrl) {
    return new Endpoint(URI.create(baseUrl), DEFAULT_CALL_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
  }

  /** The same endpoint with another call and connect time-out. */
  public Endpoint withTimeouts(Duration call, Duration connect) {
    return new Endpoint(baseUrl, call, connect);
  }

  /** The address of {@code path} (which starts with {@code /}) under the base address. */
  public URI resolve(String path) {
    checkArgument(path.startsWith("/"), "path must start with /: %s", path);
    String base = baseUrl.toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
  }
}
