package id.go.kpu.jdih.publish.facebook;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.IdSink;
import id.go.kpu.jdih.publish.PlatformCallException;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.publish.PlatformId;
import id.go.kpu.jdih.publish.PostAttempt;
import id.go.kpu.jdih.publish.PostLookup;
import id.go.kpu.jdih.publish.PostResult;
import id.go.kpu.jdih.publish.PublicMediaUrls;
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
import id.go.kpu.jdih.publish.http.PlatformErrors;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Publishes to a Facebook Page through the Graph API (the domain brief's contract, section 6):
 *
 * <ul>
 *   <li>one image: {@code POST /{page-id}/photos} with {@code url} and {@code caption}; the answer's
 *       {@code post_id} ({@code {page}_{post}}) is the post;</li>
 *   <li>several images: one {@code POST /{page-id}/photos} per image with {@code published=false} (each photo id
 *       goes to the outbox at once and is reused by a later attempt), then {@code POST /{page-id}/feed} with
 *       {@code message} and {@code attached_media[i]={"media_fbid":"..."}};</li>
 *   <li>no image: {@code POST /{page-id}/feed} with {@code message}.</li>
 * </ul>
 *
 * <p>Only the published photo and the feed post can publish. Facebook gives no container to ask, so after an
 * ambiguous failure the outbox reads the page's posts back ({@link Reconciliation#RECENT_POSTS}):
 * {@code GET /{page-id}/published_posts?fields=id,message,created_time,permalink_url&since=...} and compares texts
 * ({@link id.go.kpu.jdih.publish.PostText}). Graph code 506 (duplicate post) is a duplicate signal. Images are given
 * by address ({@link PublicMediaUrls}); the page token travels in the {@code Authorization} header. Errors are
 * classified by {@link PlatformErrors#graph}. Thread-safe.
 */
public final class FacebookClient implements PlatformClient {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
  private static final int MAX_PHOTOS = 10;

  private final HttpApi api;
  private final String pageId;
  private final URI webBase;
  private final CredentialProvider credentials;
  private final PublicMediaUrls mediaUrls;
  private final Clock clock;

  /**
   * A client for one Facebook Page.
   *
   * @param endpoint the Graph API base, e.g. {@code https://graph.facebook.com/v21.0}, or an emulator's
   * @param pageId the page's id
   * @param webBase where post ids resolve to addresses, normally {@code https://www.facebook.com/}
   * @param credentials where the page token comes from
   * @param mediaUrls public addresses of the design's images
   * @param clock the clock (publication times, rate-limit resets)
   */
  public FacebookClient(Endpoint endpoint, String pageId, URI webBase, CredentialProvider credentials,
      PublicMediaUrls mediaUrls, Clock clock) {
    this.api = new HttpApi(Platform.FACEBOOK, checkNotNull(endpoint, "endpoint"));
    checkArgument(ID.matcher(checkNotNull(pageId, "pageId")).matches(), "invalid page id");
    this.pageId = pageId;
    this.webBase = checkNotNull(webBase, "webBase");
    this.credentials = checkNotNull(credentials, "credentials");
    this.mediaUrls = checkNotNull(mediaUrls, "mediaUrls");
    this.clock = checkNotNull(clock, "clock");
  }

  @Override
  public Platform platform() {
    return Platform.FACEBOOK;
  }

  @Override
  public Reconciliation reconciliation() {
    return Reconciliation.RECENT_POSTS;
  }

  @Override
  public URI postUrl(String postId) {
    return webBase.resolve(postId); // facebook.com/{page}_{post} opens the post
  }

  @Override
  public PostResult createPost(PostAttempt attempt, IdSink ids) {
    PublicationIntent intent = attempt.intent();
    List<MediaItem> media = intent.media();
    if (media.size() > MAX_PHOTOS) {
      throw new PlatformCallException(FailureKind.REJECTED, "FB-MEDIA-COUNT", Text.of(
          "Facebook: paling banyak %d foto per unggahan; desain ini %d", "Facebook: at most %d photos per post; this "
              + "design has %d").format(MAX_PHOTOS, media.size()));
    }
    AccessToken token = PlatformErrors.token(credentials, Platform.FACEBOOK);
    ApiCall publish;
    String field;
    if (media.size() == 1) {
      publish = ApiCall.post("/" + pageId + "/photos").form("url", mediaUrls.publicUrl(media.get(0)).toString())
          .form("caption", intent.text()).bearer(token).publishing().build();
      field = "/post_id";
    } else {
      ApiCall.Builder feed = ApiCall.post("/" + pageId + "/feed").form("message", intent.text());
      List<String> photos = new ArrayList<>(attempt.known(PlatformId.Kind.PHOTO));
      for (int i = photos.size(); i < media.size(); i++) {
        ApiCall upload = ApiCall.post("/" + pageId + "/photos").form("url", mediaUrls.publicUrl(media.get(i))
            .toString()).form("published", "false").bearer(token).build();
        ApiResponse r = api.send(upload);
        if (!r.ok()) {
          throw PlatformErrors.graph(Platform.FACEBOOK, r, false, clock);
        }
        String photo = r.text("/id").orElseThrow(() -> PlatformErrors.unreadable(Platform.FACEBOOK, upload, "id"));
        ids.record(PlatformId.Kind.PHOTO, photo);
        photos.add(photo);
      }
      for (int i = 0; i < photos.size(); i++) {
        feed.form("attached_media[" + i + "]", json(Map.of("media_fbid", photos.get(i))));
      }
      publish = feed.bearer(token).publishing().build();
      field = "/id";
    }
    ApiResponse r = api.send(publish);
    if (!r.ok()) {
      throw PlatformErrors.graph(Platform.FACEBOOK, r, true, clock);
    }
    String postId = r.text(field).or(() -> r.text("/id"))
        .orElseThrow(() -> PlatformErrors.unreadable(Platform.FACEBOOK, publish, "post id"));
    ids.record(PlatformId.Kind.POST, postId);
    return new PostResult.Published(new PublishedPost(Platform.FACEBOOK, postId, postUrl(postId), clock.instant()));
  }

  @Override
  public ImmutableList<RemotePost> findRecentPosts(PostLookup lookup) {
    AccessToken token = PlatformErrors.token(credentials, Platform.FACEBOOK);
    ApiResponse r = api.send(ApiCall.get("/" + pageId + "/published_posts")
        .query("fields", "id,message,created_time,permalink_url")
        .query("since", String.valueOf(lookup.since().getEpochSecond())).query("limit", "25").bearer(token).build());
    if (!r.ok()) {
      throw PlatformErrors.graph(Platform.FACEBOOK, r, false, clock);
    }
    ImmutableList.Builder<RemotePost> out = ImmutableList.builder();
    for (JsonNode p : r.json().path("data")) {
      Optional<Instant> at = PlatformErrors.graphTime(p.path("created_time").asText(null));
      if (p.hasNonNull("id") && at.isPresent()) {
        String id = p.get("id").asText();
        String link = p.path("permalink_url").asText("");
        out.add(new RemotePost(id, link.isEmpty() ? postUrl(id) : URI.create(link), p.path("message").asText(""),
            at.get()));
      }
    }
    return out.build();
  }

  private static String json(Map<String, String> value) {
    try {
      return HttpApi.json().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
