package id.go.kpu.jdih.testkit.emulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.publish.RemotePost;
import id.go.kpu.jdih.publish.http.AccessToken;
import id.go.kpu.jdih.publish.http.ApiCall;
import id.go.kpu.jdih.publish.http.Endpoint;
import id.go.kpu.jdih.publish.http.HttpApi;
import id.go.kpu.jdih.testkit.publish.EmulatedPlatform;
import id.go.kpu.jdih.testkit.publish.NetFault;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The base of the platform emulators: a WireMock server on 127.0.0.1 whose every response comes from a
 * transformer that runs the platform's semantics in Java (the subclass's {@link #handle}) with state (posts,
 * containers, uploads). Before handling a request it takes the next {@link NetFault} of the schedule:
 *
 * <ul>
 *   <li>{@code RESET_BEFORE}: the connection is reset, nothing happens;</li>
 *   <li>{@code TIMEOUT_BEFORE}: nothing happens, and a 503 is sent after {@link #SLOW} (beyond the client's
 *       time-out);</li>
 *   <li>{@code RESET_AFTER}, {@code TIMEOUT_AFTER}: the request is handled (the post is recorded), then the
 *       connection is reset or the response is delayed beyond the client's time-out;</li>
 *   <li>{@code SERVER_ERROR}, {@code RATE_LIMIT}, {@code AUTH}: the platform's own 5xx, rate-limit and dead-token
 *       answers; {@code QUOTA} and the container faults where the subclass applies them.</li>
 * </ul>
 *
 * <p>The emulator knows no adapter: the test gives it a {@link ClientFactory} that points the adapter under test
 * at {@link #endpoint()}, and {@link #client()} (what the outbox simulation publishes through) makes the client
 * with it. An author of a new platform adapter writes an emulator of their own by extending this class.
 *
 * <p>Thread-safe: requests are handled one at a time.
 */
public abstract class WireMockEmulator implements EmulatedPlatform, AutoCloseable {

  /**
   * The time-out the adapters under test use for every call: short, yet long enough that a loaded build machine
   * rarely times out a normal answer (a spurious time-out is just another fault the outbox must survive).
   */
  public static final Duration CLIENT_TIMEOUT = Duration.ofMillis(600);
  /** How late a "time-out" response comes: well beyond {@link #CLIENT_TIMEOUT}. */
  public static final Duration SLOW = Duration.ofMillis(1200);
  /** The connect time-out of the adapters under test. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  /** Makes the client of the adapter under test, pointed at an emulator. */
  @FunctionalInterface
  public interface ClientFactory {
    /**
     * The adapter's client.
     *
     * @param endpoint where the emulator listens, with the short test time-outs
     * @param clock the emulator's clock
     * @return the client
     */
    PlatformClient create(Endpoint endpoint, Clock clock);
  }

  /** The clock posts are stamped with. */
  protected final Clock clock;
  private final Platform platform;
  /** The token requests must carry. */
  protected final AccessToken token;
  private final ClientFactory clients;
  private final WireMockServer server;
  private final Deque<NetFault> faults = new ArrayDeque<>();
  private final List<String> seen = new ArrayList<>();

  /**
   * Starts an emulator on a free port of 127.0.0.1.
   *
   * @param platform the platform emulated
   * @param clock the clock posts are stamped with
   * @param token the token requests must carry
   * @param clients makes the client of the adapter under test
   */
  protected WireMockEmulator(Platform platform, Clock clock, AccessToken token, ClientFactory clients) {
    this.platform = platform;
    this.clock = clock;
    this.token = token;
    this.clients = clients;
    this.server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
        .containerThreads(12).maxRequestJournalEntries(1000).extensions(new Behaviour()));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    warmUp();
  }

  /**
   * Sends a few requests through the same stack the adapters use, so that class loading and the first connections
   * (slow on a loaded machine) do not turn a test's first real call into a time-out.
   */
  private void warmUp() {
    HttpApi warm = new HttpApi(platform(), new Endpoint(URI.create(server.baseUrl()), Duration.ofSeconds(10),
        Duration.ofSeconds(10)));
    for (int i = 0; i < 3; i++) {
      warm.send(ApiCall.get("/warm-up").build());
      warm.send(ApiCall.post("/warm-up").form("a", "b").build());
    }
    synchronized (this) {
      seen.clear();
    }
  }

  @Override
  public Platform platform() {
    return platform;
  }

  /** The adapter's client, made by the {@link ClientFactory} and pointed at {@link #endpoint()}. */
  @Override
  public PlatformClient client() {
    return clients.create(endpoint(), clock);
  }

  /** Where the adapter under test should send its calls, with the short test time-outs. */
  public Endpoint endpoint() {
    return new Endpoint(URI.create(server.baseUrl()), CLIENT_TIMEOUT, CONNECT_TIMEOUT);
  }

  /** The same endpoint under a base path, e.g. {@code /v21.0}. */
  public Endpoint endpoint(String basePath) {
    return new Endpoint(URI.create(server.baseUrl() + basePath), CLIENT_TIMEOUT, CONNECT_TIMEOUT);
  }

  /** Every request handled since the last reset, as {@code METHOD path}. */
  public synchronized List<String> requests() {
    return List.copyOf(seen);
  }

  /** How many requests since the last reset were {@code method} to a path ending with {@code suffix}. */
  public synchronized long count(String method, String suffix) {
    return seen.stream().filter(s -> s.startsWith(method + " ") && s.endsWith(suffix)).count();
  }

  @Override
  public synchronized void reset(List<NetFault> schedule) {
    faults.clear();
    faults.addAll(schedule);
    seen.clear();
    clear();
  }

  /** Appends faults to the schedule. */
  public synchronized void then(NetFault... more) {
    faults.addAll(List.of(more));
  }

  @Override
  public ImmutableSet<NetFault> faults() {
    return ImmutableSet.copyOf(NetFault.values());
  }

  @Override
  public abstract ImmutableList<RemotePost> posts();

  @Override
  public void close() {
    server.stop();
  }

  /** Forgets every post, container and upload. */
  protected abstract void clear();

  /** True if the request carries the expected token. */
  protected boolean authorized(Req req) {
    return req.authorization().equals(Optional.of("Bearer " + token.reveal()));
  }

  /** Handles a request: the platform's semantics; {@code fault} is a container fault or {@code NONE}. */
  protected abstract Reply handle(Req req, NetFault fault);

  /** The platform's 5xx. */
  protected abstract Reply serverError(Req req);

  /** The platform's rate-limit answer. */
  protected abstract Reply rateLimited(Req req);

  /** The platform's dead-token answer. */
  protected abstract Reply authError(Req req);

  /** The quota answer if {@code req} is a publishing call of a platform with a quota. */
  protected Optional<Reply> quota(Req req) {
    return Optional.empty();
  }

  private synchronized ResponseDefinition respond(Req req) {
    seen.add(req.method() + " " + req.path());
    NetFault f = Optional.ofNullable(faults.poll()).orElse(NetFault.NONE);
    switch (f) {
      case RESET_BEFORE:
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      case TIMEOUT_BEFORE:
        return build(serverError(req), SLOW);
      case SERVER_ERROR:
        return build(serverError(req), null);
      case RATE_LIMIT:
        return build(rateLimited(req), null);
      case AUTH:
        return build(authError(req), null);
      default:
        break;
    }
    if (req.path().equals("/warm-up")) {
      return build(new Reply(204, "", java.util.Map.of()), null);
    }
    if (!authorized(req)) {
      return build(authError(req), null);
    }
    Reply r = f == NetFault.QUOTA ? quota(req).orElseGet(() -> handle(req, NetFault.NONE)) : handle(req, f);
    if (f == NetFault.RESET_AFTER) {
      return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }
    return build(r, f == NetFault.TIMEOUT_AFTER ? SLOW : null);
  }

  private static ResponseDefinition build(Reply r, Duration delay) {
    ResponseDefinitionBuilder b = aResponse().withStatus(r.status()).withBody(r.body());
    r.headers().forEach(b::withHeader);
    if (delay != null) {
      b.withFixedDelay((int) delay.toMillis());
    }
    return b.build();
  }

  /** The transformer that gives every request to the emulator. */
  private final class Behaviour implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent event) {
      return respond(Req.of(event.getRequest()));
    }

    @Override
    public boolean applyGlobally() {
      return true;
    }

    @Override
    public String getName() {
      return "jdih-platform-emulator";
    }
  }
}
