package id.go.kpu.jdih.testkit.emulator;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.RemotePost;
import id.go.kpu.jdih.publish.http.AccessToken;
import id.go.kpu.jdih.testkit.publish.NetFault;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The container-based publishing of Meta's Graph APIs, which Instagram and Threads share, from the domain brief's
 * contract: {@code POST /{account}/<create edge>} (an image, a carousel item, a carousel and, where the
 * {@link Dialect} allows, a text) returns a container id; {@code GET /{container}} gives the container's status
 * (EXPIRED, ERROR, FINISHED, IN_PROGRESS, PUBLISHED); {@code POST /{account}/<publish edge>} publishes a FINISHED
 * container once; {@code GET /{account}/<limit edge>} gives the 24-hour quota; {@code GET /{account}/<list edge>}
 * lists the account's posts, newest first; errors use the Graph error body. The container faults of
 * {@link NetFault} ({@code CONTAINER_ERROR}, {@code CONTAINER_EXPIRED}, {@code CONTAINER_SLOW}) apply to the
 * container the faulted request creates.
 *
 * <p>{@link InstagramEmulator} and {@link ThreadsEmulator} are this emulator with their platform's
 * {@link Dialect}; an adapter for another Graph API with the same container flow can use it with a dialect of its
 * own.
 */
public abstract class GraphApiEmulator extends WireMockEmulator {

  private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
      .withZone(ZoneOffset.UTC);

  /**
   * Where one Graph API differs from another.
   *
   * @param platform the platform emulated
   * @param account the id of the account (Instagram user, Threads profile) that publishes
   * @param createEdge the edge that creates containers, e.g. {@code media}
   * @param publishEdge the edge that publishes a container, e.g. {@code media_publish}
   * @param limitEdge the edge that gives the quota, e.g. {@code content_publishing_limit}
   * @param listEdge the edge that lists the account's posts, e.g. {@code media}
   * @param textField the parameter (and the listed field) that carries a post's text, e.g. {@code caption}
   * @param statusField the field of a container's status, e.g. {@code status_code}
   * @param errorField the field that explains an ERROR container
   * @param errorText what that field says
   * @param maxCarousel the most children a carousel may have
   * @param textPosts true if a container may be a text alone ({@code media_type=TEXT}); then an image container must
   *     say {@code media_type=IMAGE}
   * @param postUrl the public address of a published post, from its id
   * @param usageType the {@code type} in the rate-limit header {@code x-business-use-case-usage}
   */
  public record Dialect(Platform platform, String account, String createEdge, String publishEdge, String limitEdge,
      String listEdge, String textField, String statusField, String errorField, String errorText, int maxCarousel,
      boolean textPosts, Function<String, URI> postUrl, String usageType) {}

  private static final class Container {
    String status;
    int slowChecks;
    final boolean carouselItem;
    final String caption;

    Container(String status, int slowChecks, boolean carouselItem, String caption) {
      this.status = status;
      this.slowChecks = slowChecks;
      this.carouselItem = carouselItem;
      this.caption = caption;
    }
  }

  private final Dialect dialect;
  private final Map<String, Container> containers = new HashMap<>();
  private final Map<String, RemotePost> media = new LinkedHashMap<>();
  private int next;
  private int quotaTotal = 100;

  /**
   * Starts an emulator on a free port of 127.0.0.1.
   *
   * @param clock the clock posts are stamped with
   * @param token the token requests must carry
   * @param dialect the Graph API emulated
   * @param firstId the ids of containers and posts count up from here
   * @param clients makes the client of the adapter under test
   */
  protected GraphApiEmulator(Clock clock, AccessToken token, Dialect dialect, int firstId, ClientFactory clients) {
    super(dialect.platform(), clock, token, clients);
    this.dialect = dialect;
    this.next = firstId;
  }

  /** Sets the account's 24-hour publishing quota (100 after every reset). */
  public synchronized void quotaTotal(int value) {
    this.quotaTotal = value;
  }

  @Override
  public synchronized ImmutableList<RemotePost> posts() {
    return ImmutableList.copyOf(media.values());
  }

  @Override
  protected synchronized void clear() {
    containers.clear();
    media.clear();
    quotaTotal = 100;
  }

  private String edge(String name) {
    return "/" + dialect.account() + "/" + name;
  }

  @Override
  protected Reply handle(Req req, NetFault fault) {
    String path = req.path();
    if (req.method().equals("POST") && path.equals(edge(dialect.createEdge()))) {
      return createContainer(req, fault);
    }
    if (req.method().equals("POST") && path.equals(edge(dialect.publishEdge()))) {
      return publish(req);
    }
    if (req.method().equals("GET") && path.equals(edge(dialect.limitEdge()))) {
      return Reply.json(200, Map.of("data", List.of(Map.of("quota_usage", media.size(),
          "config", Map.of("quota_total", quotaTotal, "quota_duration", 86_400)))));
    }
    if (req.method().equals("GET") && path.equals(edge(dialect.listEdge()))) {
      List<Map<String, Object>> data = new ArrayList<>();
      List<RemotePost> all = new ArrayList<>(media.values());
      for (int i = all.size() - 1; i >= 0; i--) {
        RemotePost p = all.get(i);
        data.add(Map.of("id", p.postId(), dialect.textField(), p.text(), "permalink", p.url().toString(),
            "timestamp", GRAPH_TIME.format(p.createdAt())));
      }
      return Reply.json(200, Map.of("data", data));
    }
    if (req.method().equals("GET") && path.matches("/\\d+")) {
      String id = path.substring(1);
      Container c = containers.get(id);
      if (c != null) {
        if (c.status.equals("IN_PROGRESS") && c.slowChecks-- <= 0) {
          c.status = "FINISHED";
          return Reply.json(200, Map.of("id", id, dialect.statusField(), "IN_PROGRESS"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put(dialect.statusField(), c.status);
        if (c.status.equals("ERROR")) {
          body.put(dialect.errorField(), dialect.errorText());
        }
        return Reply.json(200, body);
      }
      RemotePost p = media.get(id);
      if (p != null) {
        return Reply.json(200, Map.of("id", id, "permalink", p.url().toString()));
      }
    }
    return Reply.graphError(400, 100, 33, "Unsupported request: object does not exist", false);
  }

  private Reply createContainer(Req req, NetFault fault) {
    boolean item = req.param("is_carousel_item").map("true"::equals).orElse(false);
    String type = req.param("media_type").orElse("");
    if (dialect.textPosts() && type.equals("TEXT")) {
      if (req.param(dialect.textField()).orElse("").isEmpty()) {
        return Reply.graphError(400, 100, 0, "The parameter " + dialect.textField() + " is required for TEXT",
            false);
      }
    } else if (type.equals("CAROUSEL")) {
      String[] children = req.param("children").orElse("").split(",");
      if (children.length < 2 || children.length > dialect.maxCarousel()) {
        return Reply.graphError(400, 100, 0, "A carousel needs 2 to " + dialect.maxCarousel() + " children", false);
      }
      for (String child : children) {
        Container c = containers.get(child);
        if (c == null || !c.carouselItem) {
          return Reply.graphError(400, 100, 0, "Invalid child " + child, false);
        }
      }
    } else if (dialect.textPosts() && (!type.equals("IMAGE") || req.param("image_url").isEmpty())) {
      return Reply.graphError(400, 100, 0, "media_type IMAGE and image_url are required", false);
    } else if (req.param("image_url").isEmpty()) {
      return Reply.graphError(400, 100, 0, "The parameter image_url is required", false);
    }
    String status = switch (fault) {
      case CONTAINER_ERROR -> "ERROR";
      case CONTAINER_EXPIRED -> "EXPIRED";
      case CONTAINER_SLOW -> "IN_PROGRESS";
      default -> "FINISHED";
    };
    String id = String.valueOf(++next);
    containers.put(id, new Container(status, fault == NetFault.CONTAINER_SLOW ? 2 : 0, item,
        req.param(dialect.textField()).orElse("")));
    return Reply.json(200, Map.of("id", id));
  }

  private Reply publish(Req req) {
    Container c = Optional.ofNullable(containers.get(req.param("creation_id").orElse(""))).orElse(null);
    if (c == null || c.carouselItem) {
      return Reply.graphError(400, 100, 0, "Invalid creation_id", false);
    }
    if (!c.status.equals("FINISHED")) {
      return Reply.graphError(400, 9007, 0, "The media is not ready to be published: " + c.status, false);
    }
    if (media.size() >= quotaTotal) {
      return quotaError();
    }
    c.status = "PUBLISHED";
    String id = String.valueOf(++next);
    media.put(id, new RemotePost(id, dialect.postUrl().apply(id), c.caption, clock.instant()));
    return Reply.json(200, Map.of("id", id));
  }

  private static Reply quotaError() {
    return Reply.graphError(400, 9, 2207042, "You have reached the maximum number of posts allowed", false);
  }

  @Override
  protected Reply serverError(Req req) {
    return Reply.graphError(500, 2, 0, "Service temporarily unavailable", true);
  }

  @Override
  protected Reply rateLimited(Req req) {
    return Reply.graphError(400, 4, 0, "Application request limit reached", true)
        .header("x-business-use-case-usage", "{\"" + dialect.account() + "\":[{\"type\":\"" + dialect.usageType()
            + "\",\"call_count\":100,\"estimated_time_to_regain_access\":1}]}");
  }

  @Override
  protected Reply authError(Req req) {
    // Echoes the token it was given, as a careless server might: the adapter must not let it through.
    return Reply.graphError(400, 190, 463, "Error validating access token: Session has expired. Token: "
        + req.authorization().orElse(""), false);
  }

  @Override
  protected Optional<Reply> quota(Req req) {
    return req.path().equals(edge(dialect.publishEdge())) ? Optional.of(quotaError()) : Optional.empty();
  }
}
