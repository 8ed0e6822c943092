package id.go.kpu.jdih.publish.x;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.IdSink;
import id.go.kpu.jdih.publish.PlatformCallException;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.publish.PlatformId;
import id.go.kpu.jdih.publish.PostAttempt;
import id.go.kpu.jdih.publish.PostLookup;
import id.go.kpu.jdih.publish.PostResult;
import id.go.kpu.jdih.publish.PublicationIntent;
import id.go.kpu.jdih.publish.PublishedPost;
import id.go.kpu.jdih.publish.Reconciliation;
import id.go.kpu.jdih.publish.RemotePost;
import id.go.kpu.jdih.publish.http.AccessToken;
import id.go.kpu.jdih.publish.http.ApiCall;
import id.go.kpu.jdih.publish.http.ApiResponse;
import id.go.kpu.jdih.publish.http.CredentialProvider;
import id.go.kpu.jdih.publish.http.Endpoint;
import id.go.kpu.jdih.publish.http.HttpApi;
import id.go.kpu.jdih.publish.http.MediaFiles;
import id.go.kpu.jdih.publish.http.Multipart;
import id.go.kpu.jdih.publish.http.PlatformErrors;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Publishes to an X account through API v2 (the domain brief's contract, section 6, and X's rate-limit
 * documentation):
 *
 * <ol>
 *   <li>per image, {@code POST /2/media/upload} (multipart: {@code media}, {@code media_category=tweet_image},
 *       {@code media_type}) with the bytes read from the {@link MediaStore}; {@code data.id} goes to the outbox at
 *       once and is reused by a later attempt (an upload is not a post);</li>
 *   <li>{@code POST /2/tweets} with {@code {"text", "media":{"media_ids":[...]}}}; {@code data.id} is the post.</li>
 * </ol>
 *
 * <p>Failures: 429 is {@link FailureKind#RATE_LIMITED} until {@code x-rate-limit-reset} (epoch seconds); 401 is a
 * dead token and any 403 other than duplicate content a missing permission ({@link FailureKind#AUTH}); 403 "You are
 * not allowed to create a Tweet with duplicate content." is {@link FailureKind#DUPLICATE}; a 5xx or no answer on the
 * post is {@link FailureKind#AMBIGUOUS}. After an ambiguous failure the outbox reads the account's posts back
 * ({@link Reconciliation#RECENT_POSTS}): {@code GET /2/users/{id}/tweets?start_time=...&tweet.fields=created_at},
 * compared by text ({@link id.go.kpu.jdih.publish.PostText} allows for X's {@code t.co} links). The OAuth 2.0 user
 * token travels in the {@code Authorization} header. Thread-safe.
 */
public final class XClient implements PlatformClient {

  private static final Pattern ID = Pattern.compile("[0-9]{1,25}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,15}");
  private static final int MAX_IMAGES = 4;

  private final HttpApi api;
  private final String userId;
  private final String username;
  private final CredentialProvider credentials;
  private final MediaStore media;
  private final Clock clock;

  /**
   * A client for one X account.
   *
   * @param endpoint the API base, {@code https://api.x.com}, or an emulator's
   * @param userId the account's numeric user id (for reading its posts back)
   * @param username the account's handle without {@code @} (for post addresses)
   * @param credentials where the OAuth 2.0 user token comes from
   * @param media where the design's bytes are
   * @param clock the clock (publication times)
   */
  public XClient(Endpoint endpoint, String userId, String username, CredentialProvider credentials, MediaStore media,
      Clock clock) {
    this.api = new HttpApi(Platform.X, checkNotNull(endpoint, "endpoint"));
    checkArgument(ID.matcher(checkNotNull(userId, "userId")).matches(), "invalid X user id");
    checkArgument(NAME.matcher(checkNotNull(username, "username")).matches(), "invalid X username");
    this.userId = userId;
    this.username = username;
    this.credentials = checkNotNull(credentials, "credentials");
    this.media = checkNotNull(media, "media");
    this.clock = checkNotNull(clock, "clock");
  }

  @Override
  public Platform platform() {
    return Platform.X;
  }

  @Override
  public Reconciliation reconciliation() {
    return Reconciliation.RECENT_POSTS;
  }

  @Override
  public URI postUrl(String postId) {
    return URI.create("https://x.com/" + username + "/status/" + postId);
  }

  @Override
  public PostResult createPost(PostAttempt attempt, IdSink ids) {
    PublicationIntent intent = attempt.intent();
    List<MediaItem> items = intent.media();
    if (items.size() > MAX_IMAGES) {
      throw new PlatformCallException(FailureKind.REJECTED, "X-MEDIA-COUNT", Text.of(
          "X menerima paling banyak %d gambar; desain ini %d", "X takes at most %d images; this design has %d")
          .format(MAX_IMAGES, items.size()));
    }
    AccessToken token = PlatformErrors.token(credentials, Platform.X);
    List<String> uploads = new ArrayList<>(attempt.known(PlatformId.Kind.MEDIA_UPLOAD));
    for (int i = uploads.size(); i < items.size(); i++) {
      MediaItem item = items.get(i);
      ApiCall upload = ApiCall.post("/2/media/upload").multipart(new Multipart()
          .file("media", MediaFiles.fileName(item), item.mediaType(), MediaFiles.read(media, item))
          .field("media_category", "tweet_image").field("media_type", item.mediaType())).bearer(token).build();
      ApiResponse r = api.send(upload);
      if (!r.ok()) {
        throw classify(r, false);
      }
      String id = r.text("/data/id").or(() -> r.text("/media_id_string"))
          .orElseThrow(() -> PlatformErrors.unreadable(Platform.X, upload, "data.id"));
      ids.record(PlatformId.Kind.MEDIA_UPLOAD, id);
      uploads.add(id);
    }
    ObjectNode body = HttpApi.json().createObjectNode().put("text", intent.text());
    if (!uploads.isEmpty()) {
      ArrayNode list = body.putObject("media").putArray("media_ids");
      uploads.forEach(list::add);
    }
    ApiCall post;
    try {
      post = ApiCall.post("/2/tweets").json(HttpApi.json().writeValueAsString(body)).bearer(token).publishing()
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    ApiResponse r = api.send(post);
    if (!r.ok()) {
      throw classify(r, true);
    }
    String id = r.text("/data/id").orElseThrow(() -> PlatformErrors.unreadable(Platform.X, post, "data.id"));
    ids.record(PlatformId.Kind.POST, id);
    return new PostResult.Published(new PublishedPost(Platform.X, id, postUrl(id), clock.instant()));
  }

  @Override
  public ImmutableList<RemotePost> findRecentPosts(PostLookup lookup) {
    AccessToken token = PlatformErrors.token(credentials, Platform.X);
    ApiResponse r = api.send(ApiCall.get("/2/users/" + userId + "/tweets").query("max_results", "20")
        .query("tweet.fields", "created_at")
        .query("start_time", lookup.since().truncatedTo(ChronoUnit.SECONDS).toString()).bearer(token).build());
    if (!r.ok()) {
      throw classify(r, false);
    }
    ImmutableList.Builder<RemotePost> out = ImmutableList.builder();
    for (JsonNode t : r.json().path("data")) {
      try {
        if (t.hasNonNull("id") && t.hasNonNull("created_at")) {
          String id = t.get("id").asText();
          out.add(new RemotePost(id, postUrl(id), t.path("text").asText(""),
              Instant.parse(t.get("created_at").asText())));
        }
      } catch (DateTimeParseException e) {
        // a post without a readable time cannot be placed in the window; skip it
      }
    }
    return out.build();
  }

  private PlatformCallException classify(ApiResponse r, boolean publishing) {
    String detail = LogSafe.escape(r.text("/detail").or(() -> r.text("/errors/0/message")).or(() -> r.text("/title"))
        .orElse(r.body().length() > 200 ? r.body().substring(0, 200) : r.body()));
    String code = "X-" + r.status();
    if (r.status() == 429) {
      // X API rate limits: x-rate-limit-reset is the Unix time (seconds) when the window resets.
      Optional<Instant> reset = r.header("x-rate-limit-reset").flatMap(XClient::epochSeconds);
      return new PlatformCallException(FailureKind.RATE_LIMITED, code, Text.of(
          "X membatasi laju (sisa %s dari %s); dicoba lagi setelah %s", "X is rate-limiting (%s of %s left); retrying "
              + "after %s").format(r.header("x-rate-limit-remaining").orElse("?"),
          r.header("x-rate-limit-limit").orElse("?"), reset.map(Instant::toString).orElse("?")), reset, null);
    }
    if (r.status() == 403 && detail.toLowerCase(Locale.ROOT).contains("duplicate content")) {
      return new PlatformCallException(FailureKind.DUPLICATE, code + "-DUPLICATE", Text.of(
          "X menolak konten duplikat: %s", "X refused duplicate content: %s").format(detail));
    }
    if (r.status() == 401) {
      return new PlatformCallException(FailureKind.AUTH, code, Text.of(
          "Token X tidak sah atau kedaluwarsa (401): perbarui token pengguna (OAuth 2.0) di pengaturan lalu ulangi. "
              + "Pesan platform: %s", "The X token is invalid or expired (401): renew the user token (OAuth 2.0) in the "
              + "settings and retry. Platform message: %s").format(detail));
    }
    if (r.status() == 403) {
      return new PlatformCallException(FailureKind.AUTH, code, Text.of(
          "X tidak mengizinkan aplikasi ini memposting (403): periksa izin tweet.write dan tingkat akses aplikasi. "
              + "Pesan platform: %s", "X does not allow this app to post (403): check the tweet.write scope and the "
              + "app's access level. Platform message: %s").format(detail));
    }
    if (r.status() >= 500) {
      return new PlatformCallException(publishing ? FailureKind.AMBIGUOUS : FailureKind.NOT_SENT, code, Text.of(
          "X mengalami gangguan (%d): %s", "X had a problem (%d): %s").format(r.status(), detail));
    }
    return new PlatformCallException(FailureKind.REJECTED, code, Text.of("X menolak permintaan (%d): %s",
        "X refused the request (%d): %s").format(r.status(), detail));
  }

  private static Optional<Instant> epochSeconds(String value) {
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
