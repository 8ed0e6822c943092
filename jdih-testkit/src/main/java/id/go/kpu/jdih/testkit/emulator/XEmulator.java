package id.go.kpu.jdih.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.PostText;
import id.go.kpu.jdih.publish.RemotePost;
import id.go.kpu.jdih.publish.http.AccessToken;
import id.go.kpu.jdih.testkit.publish.NetFault;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An emulation of X API v2 as the domain brief records it: {@code POST /2/media/upload} gives {@code data.id};
 * {@code POST /2/tweets} gives {@code 201 {"data":{"id","text"}}} and refuses a text already posted with 403
 * duplicate content; {@code GET /2/users/{id}/tweets} lists posts with {@code created_at}; 429 carries
 * {@code x-rate-limit-limit/remaining/reset}. Like X, it rewrites links to {@code t.co} and appends a {@code t.co}
 * link for attached media.
 */
public final class XEmulator extends WireMockEmulator {

  public static final String USER_ID = "1500000000000000001";
  public static final AccessToken TOKEN = AccessToken.of("x-oauth2-emulated-user-token");

  private final Map<String, byte[]> uploads = new HashMap<>();
  private final Map<String, RemotePost> tweets = new LinkedHashMap<>();
  private final Map<String, String> sentTexts = new HashMap<>();
  private long next = 1_760_000_000_000_000_000L;

  /**
   * Starts the emulator on a free port of 127.0.0.1.
   *
   * @param clock the clock posts are stamped with
   * @param clients makes the client of the adapter under test
   */
  public XEmulator(Clock clock, ClientFactory clients) {
    super(Platform.X, clock, TOKEN, clients);
  }

  @Override
  public synchronized ImmutableList<RemotePost> posts() {
    return ImmutableList.copyOf(tweets.values());
  }

  /** The bytes uploaded as media {@code id}. */
  public synchronized byte[] upload(String id) {
    return uploads.get(id);
  }

  /** A post made by a person in X's own app, outside the outbox. */
  public synchronized void postByHand(String text) {
    String id = String.valueOf(++next);
    tweets.put(id, new RemotePost(id, URI.create("https://x.com/JDIHKPUMentawai/status/" + id), text,
        clock.instant()));
    sentTexts.put(id, text);
  }

  @Override
  protected synchronized void clear() {
    uploads.clear();
    tweets.clear();
    sentTexts.clear();
  }

  @Override
  protected Reply handle(Req req, NetFault fault) {
    if (req.method().equals("POST") && req.path().equals("/2/media/upload")) {
      Req.Part media = req.parts().get("media");
      if (media == null || media.bytes().length == 0) {
        return problem(400, "Invalid Request", "One or more parameters to your request was invalid: media");
      }
      String id = String.valueOf(++next);
      uploads.put(id, media.bytes());
      return Reply.json(200, Map.of("data", Map.of("id", id, "media_key", "3_" + id, "expires_after_secs", 86_400)));
    }
    if (req.method().equals("POST") && req.path().equals("/2/tweets")) {
      String text = req.json().path("text").asText("");
      List<String> media = new ArrayList<>();
      for (JsonNode id : req.json().path("media").path("media_ids")) {
        if (!uploads.containsKey(id.asText())) {
          return problem(400, "Invalid Request", "Your media IDs are invalid.");
        }
        media.add(id.asText());
      }
      if (sentTexts.values().stream().anyMatch(t -> PostText.sameContent(t, text))) {
        return problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
      }
      String id = String.valueOf(++next);
      String shown = text.replaceAll("https?://\\S+", "https://t.co/" + Long.toString(next, 36))
          + (media.isEmpty() ? "" : " https://t.co/m" + Long.toString(next, 36));
      tweets.put(id, new RemotePost(id, URI.create("https://x.com/JDIHKPUMentawai/status/" + id), shown,
          clock.instant()));
      sentTexts.put(id, text);
      return Reply.json(201, Map.of("data", Map.of("id", id, "text", shown, "edit_history_tweet_ids", List.of(id))));
    }
    if (req.method().equals("GET") && req.path().equals("/2/users/" + USER_ID + "/tweets")) {
      Instant start = Instant.parse(req.param("start_time").orElse("1970-01-01T00:00:00Z"));
      List<Map<String, Object>> data = new ArrayList<>();
      List<RemotePost> all = new ArrayList<>(tweets.values());
      for (int i = all.size() - 1; i >= 0; i--) {
        RemotePost p = all.get(i);
        if (!p.createdAt().isBefore(start)) {
          data.add(Map.of("id", p.postId(), "text", p.text(), "created_at", p.createdAt().toString(),
              "edit_history_tweet_ids", List.of(p.postId())));
        }
      }
      return Reply.json(200, Map.of("data", data, "meta", Map.of("result_count", data.size())));
    }
    return problem(404, "Not Found Error", "Could not find " + req.path());
  }

  private static Reply problem(int status, String title, String detail) {
    return Reply.json(status, Map.of("title", title, "detail", detail, "type", "about:blank", "status", status));
  }

  @Override
  protected Reply serverError(Req req) {
    return problem(503, "Service Unavailable", "Service Unavailable");
  }

  @Override
  protected Reply rateLimited(Req req) {
    long reset = clock.instant().plusSeconds(90).getEpochSecond();
    return problem(429, "Too Many Requests", "Too Many Requests").header("x-rate-limit-limit", "100")
        .header("x-rate-limit-remaining", "0").header("x-rate-limit-reset", String.valueOf(reset));
  }

  @Override
  protected Reply authError(Req req) {
    return problem(401, "Unauthorized", "Unauthorized: " + req.authorization().orElse("no token"));
  }

  /** True if {@code bytes} are what {@link TestMedia#STORE} holds for one of its references. */
  public static boolean isTestJpeg(byte[] bytes) {
    return bytes.length > 2 && Arrays.equals(Arrays.copyOf(bytes, 2), new byte[] {(byte) 0xFF, (byte) 0xD8})
        && new String(bytes, 2, bytes.length - 2, java.nio.charset.StandardCharsets.US_ASCII).startsWith("sha256:")
        && TestMedia.STORE.find(new String(bytes, 2, bytes.length - 2, java.nio.charset.StandardCharsets.US_ASCII))
            .isPresent();
  }
}
