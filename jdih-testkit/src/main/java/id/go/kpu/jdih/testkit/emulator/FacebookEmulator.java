package id.go.kpu.jdih.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.RemotePost;
import id.go.kpu.jdih.publish.http.AccessToken;
import id.go.kpu.jdih.publish.http.HttpApi;
import id.go.kpu.jdih.testkit.publish.NetFault;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An emulation of a Facebook Page's Graph API publishing endpoints, from the domain brief's contract:
 * {@code POST /{page}/photos} (published, or {@code published=false} for attaching), {@code POST /{page}/feed}
 * (message, {@code attached_media[i]}), ids {@code {page}_{post}}, {@code GET /{page}/published_posts}; the same
 * message twice in a row is refused with Graph code 506.
 */
public final class FacebookEmulator extends WireMockEmulator {

  public static final String PAGE = "104000000000001";
  public static final AccessToken TOKEN = AccessToken.of("EAAG-emulated-page-token");
  private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
      .withZone(ZoneOffset.UTC);

  private final Set<String> unpublished = new HashSet<>();
  private final Map<String, RemotePost> posts = new LinkedHashMap<>();
  private final Map<String, Integer> attachments = new LinkedHashMap<>();
  private long next = 900_000;

  /**
   * Starts the emulator on a free port of 127.0.0.1.
   *
   * @param clock the clock posts are stamped with
   * @param clients makes the client of the adapter under test
   */
  public FacebookEmulator(Clock clock, ClientFactory clients) {
    super(Platform.FACEBOOK, clock, TOKEN, clients);
  }

  @Override
  public synchronized ImmutableList<RemotePost> posts() {
    return ImmutableList.copyOf(posts.values());
  }

  /** How many photos the post with {@code id} carries. */
  public synchronized int photosOf(String id) {
    return attachments.getOrDefault(id, 0);
  }

  @Override
  protected synchronized void clear() {
    unpublished.clear();
    posts.clear();
    attachments.clear();
  }

  @Override
  protected Reply handle(Req req, NetFault fault) {
    if (req.method().equals("POST") && req.path().equals("/" + PAGE + "/photos")) {
      if (req.param("url").isEmpty()) {
        return Reply.graphError(400, 100, 0, "(#100) url or source is required", false);
      }
      String photo = String.valueOf(++next);
      if (req.param("published").map("false"::equals).orElse(false)) {
        unpublished.add(photo);
        return Reply.json(200, Map.of("id", photo));
      }
      String message = req.param("caption").orElse("");
      if (duplicate(message)) {
        return Reply.graphError(400, 506, 0, "Duplicate status message", false);
      }
      String post = newPost(message, 1);
      return Reply.json(200, Map.of("id", photo, "post_id", post));
    }
    if (req.method().equals("POST") && req.path().equals("/" + PAGE + "/feed")) {
      String message = req.param("message").orElse("");
      int attached = 0;
      for (int i = 0; req.param("attached_media[" + i + "]").isPresent(); i++) {
        String fbid = mediaFbid(req.param("attached_media[" + i + "]").get());
        if (!unpublished.contains(fbid)) {
          return Reply.graphError(400, 100, 0, "(#100) attached_media[" + i + "] is not an unpublished photo", false);
        }
        attached++;
      }
      if (message.isEmpty() && attached == 0) {
        return Reply.graphError(400, 100, 0, "(#100) message or attached_media is required", false);
      }
      if (duplicate(message)) {
        return Reply.graphError(400, 506, 0, "Duplicate status message", false);
      }
      return Reply.json(200, Map.of("id", newPost(message, attached)));
    }
    if (req.method().equals("GET") && req.path().equals("/" + PAGE + "/published_posts")) {
      long since = Long.parseLong(req.param("since").orElse("0"));
      List<Map<String, Object>> data = new ArrayList<>();
      List<RemotePost> all = new ArrayList<>(posts.values());
      for (int i = all.size() - 1; i >= 0; i--) {
        RemotePost p = all.get(i);
        if (p.createdAt().getEpochSecond() >= since) {
          data.add(Map.of("id", p.postId(), "message", p.text(), "created_time", GRAPH_TIME.format(p.createdAt()),
              "permalink_url", p.url().toString()));
        }
      }
      return Reply.json(200, Map.of("data", data));
    }
    return Reply.graphError(400, 100, 33, "Unsupported request", false);
  }

  private boolean duplicate(String message) {
    List<RemotePost> all = new ArrayList<>(posts.values());
    return !message.isEmpty() && !all.isEmpty() && all.get(all.size() - 1).text().equals(message);
  }

  private String newPost(String message, int photos) {
    next++;
    String id = PAGE + "_" + next;
    Instant now = clock.instant();
    posts.put(id, new RemotePost(id, URI.create("https://www.facebook.com/" + id), message, now));
    attachments.put(id, photos);
    return id;
  }

  private static String mediaFbid(String json) {
    try {
      JsonNode n = HttpApi.json().readTree(json);
      return n.path("media_fbid").asText("");
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  protected Reply serverError(Req req) {
    return Reply.graphError(500, 2, 0, "Service temporarily unavailable", true);
  }

  @Override
  protected Reply rateLimited(Req req) {
    return Reply.graphError(400, 32, 0, "Page request limit reached", true).header("x-business-use-case-usage",
        "{\"" + PAGE + "\":[{\"type\":\"pages\",\"call_count\":100,\"estimated_time_to_regain_access\":2}]}");
  }

  @Override
  protected Reply authError(Req req) {
    return Reply.graphError(400, 190, 460, "Error validating access token: the session has been invalidated "
        + "because the user changed their password. access_token=" + TOKEN.reveal(), false);
  }
}
