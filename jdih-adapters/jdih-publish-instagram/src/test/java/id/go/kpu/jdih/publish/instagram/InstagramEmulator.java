package id.go.kpu.jdih.publish.instagram;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.RemotePost;
import id.go.kpu.jdih.publish.http.AccessToken;
import id.go.kpu.jdih.publish.http.testing.Reply;
import id.go.kpu.jdih.publish.http.testing.Req;
import id.go.kpu.jdih.publish.http.testing.WireMockEmulator;
import id.go.kpu.jdih.publish.testing.NetFault;
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

/**
 * An emulation of the Instagram Graph API content publishing endpoints, from the domain brief's contract:
 * {@code POST /{ig}/media} (image, carousel item, carousel) returns a container id; {@code GET /{container}}
 * gives {@code status_code} (EXPIRED, ERROR, FINISHED, IN_PROGRESS, PUBLISHED); {@code POST /{ig}/media_publish}
 * publishes a FINISHED container once; {@code GET /{ig}/content_publishing_limit} gives the quota;
 * {@code GET /{ig}/media} lists the account's media; errors use the Graph error body.
 */
final class InstagramEmulator extends WireMockEmulator {

  static final String IG = "17841400000000001";
  static final AccessToken TOKEN = AccessToken.of("IGQVJ-emulated-secret-token");
  private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
      .withZone(ZoneOffset.UTC);

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

  private final Map<String, Container> containers = new HashMap<>();
  private final Map<String, RemotePost> media = new LinkedHashMap<>();
  private int next = 18_000_000;
  private int quotaTotal = 100;

  InstagramEmulator(Clock clock) {
    super(clock, TOKEN);
  }

  /** Sets the account's 24-hour publishing quota. */
  synchronized void quotaTotal(int value) {
    this.quotaTotal = value;
  }

  @Override
  public Platform platform() {
    return Platform.INSTAGRAM;
  }

  @Override
  public InstagramClient client() {
    return new InstagramClient(endpoint(), IG, URI.create("https://www.instagram.com/jdih.kpu.mentawai/"),
        p -> TOKEN, id.go.kpu.jdih.publish.http.testing.TestMedia.URLS, clock);
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

  @Override
  protected Reply handle(Req req, NetFault fault) {
    String path = req.path();
    if (req.method().equals("POST") && path.equals("/" + IG + "/media")) {
      return createContainer(req, fault);
    }
    if (req.method().equals("POST") && path.equals("/" + IG + "/media_publish")) {
      return publish(req);
    }
    if (req.method().equals("GET") && path.equals("/" + IG + "/content_publishing_limit")) {
      return Reply.json(200, Map.of("data", List.of(Map.of("quota_usage", media.size(),
          "config", Map.of("quota_total", quotaTotal, "quota_duration", 86_400)))));
    }
    if (req.method().equals("GET") && path.equals("/" + IG + "/media")) {
      List<Map<String, Object>> data = new ArrayList<>();
      List<RemotePost> all = new ArrayList<>(media.values());
      for (int i = all.size() - 1; i >= 0; i--) {
        RemotePost p = all.get(i);
        data.add(Map.of("id", p.postId(), "caption", p.text(), "permalink", p.url().toString(),
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
          return Reply.json(200, Map.of("id", id, "status_code", "IN_PROGRESS"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("status_code", c.status);
        if (c.status.equals("ERROR")) {
          body.put("status", "ERROR: the image could not be downloaded");
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
    if (req.param("media_type").map("CAROUSEL"::equals).orElse(false)) {
      String[] children = req.param("children").orElse("").split(",");
      if (children.length < 2 || children.length > 10) {
        return Reply.graphError(400, 100, 0, "A carousel needs 2 to 10 children", false);
      }
      for (String child : children) {
        Container c = containers.get(child);
        if (c == null || !c.carouselItem) {
          return Reply.graphError(400, 100, 0, "Invalid child " + child, false);
        }
      }
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
        req.param("caption").orElse("")));
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
    media.put(id, new RemotePost(id, URI.create("https://www.instagram.com/p/EMU" + id + "/"), c.caption,
        clock.instant()));
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
        .header("x-business-use-case-usage",
            "{\"" + IG + "\":[{\"type\":\"instagram\",\"call_count\":100,\"estimated_time_to_regain_access\":1}]}");
  }

  @Override
  protected Reply authError(Req req) {
    // Echoes the token it was given, as a careless server might: the adapter must not let it through.
    return Reply.graphError(400, 190, 463, "Error validating access token: Session has expired. Token: "
        + req.authorization().orElse(""), false);
  }

  @Override
  protected Optional<Reply> quota(Req req) {
    return req.path().endsWith("/media_publish") ? Optional.of(quotaError()) : Optional.empty();
  }
}
