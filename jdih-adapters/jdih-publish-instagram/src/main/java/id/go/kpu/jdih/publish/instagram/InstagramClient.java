package id.go.kpu.jdih.publish.instagram;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.ContainerCheck;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.IdSink;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.publish.PostAttempt;
import id.go.kpu.jdih.publish.PostLookup;
import id.go.kpu.jdih.publish.PostResult;
import id.go.kpu.jdih.publish.PublicMediaUrls;
import id.go.kpu.jdih.publish.Reconciliation;
import id.go.kpu.jdih.publish.RemotePost;
import id.go.kpu.jdih.publish.http.ContainerPublishing;
import id.go.kpu.jdih.publish.http.ContainerPublishing.ContainerApi;
import id.go.kpu.jdih.publish.http.CredentialProvider;
import id.go.kpu.jdih.publish.http.Endpoint;
import id.go.kpu.jdih.publish.http.PlatformErrors;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Publishes to an Instagram professional account through the Instagram Graph API's content publishing flow (the
 * contract the project's domain brief records, section 6):
 *
 * <ol>
 *   <li>before a new container, {@code GET /{ig-user-id}/content_publishing_limit?fields=quota_usage,config}: a
 *       used-up quota ({@code quota_usage >= config.quota_total}) is {@link FailureKind#QUOTA_REACHED} before
 *       anything is made;</li>
 *   <li>a single image: {@code POST /{ig-user-id}/media} with {@code image_url} and {@code caption}; a carousel:
 *       one {@code POST /{ig-user-id}/media} per image with {@code is_carousel_item=true}, then one with
 *       {@code media_type=CAROUSEL}, {@code children} (comma-separated, at most 10) and the caption. Each container
 *       id goes to the outbox at once;</li>
 *   <li>{@code GET /{container-id}?fields=status_code,status}: {@code FINISHED} goes on, {@code IN_PROGRESS} is
 *       {@link PostResult.NotReady}, {@code ERROR} is {@link FailureKind#REJECTED}, {@code EXPIRED} (not published
 *       within 24 hours) is {@link FailureKind#CONTAINER_EXPIRED};</li>
 *   <li>{@code POST /{ig-user-id}/media_publish} with {@code creation_id}: the media id goes to the outbox at once;
 *       then {@code GET /{media-id}?fields=permalink} for the address (the profile's address if that fails).</li>
 * </ol>
 *
 * <p>Only the last step can publish, and a container is published at most once, so after an ambiguous failure the
 * outbox asks {@link #checkStatus} ({@link Reconciliation#CONTAINER_STATUS}) and publishes the same container again
 * only if it is not {@code PUBLISHED}. Images are given by address ({@link PublicMediaUrls}); Instagram fetches them.
 * The token (from the {@link CredentialProvider}) travels in the {@code Authorization} header, never in a URL.
 * Errors are classified by {@link PlatformErrors#graph}. Thread-safe. The flow is Meta's, shared with the other
 * container API: {@link ContainerPublishing}; this class names what this API calls things ({@link #API}).
 *
 * <p>Contract sources: the domain brief; Meta's IG Container reference for the five {@code status_code} values
 * (developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container) and the IG User
 * Content Publishing Limit reference for {@code quota_usage} and {@code config.quota_total}
 * (.../reference/ig-user/content_publishing_limit).
 */
public final class InstagramClient implements PlatformClient {

  /** The Instagram Graph API's names, limits and wording for {@link ContainerPublishing}. */
  static final ContainerApi API = new ContainerApi(Platform.INSTAGRAM, "IG", "/media", "/media_publish",
      "/content_publishing_limit", "caption", Optional.empty(), 1, 10, "status_code", "status", false,
      Text.of(" (JPEG, rasio 4:5 sampai 1,91:1)", " (JPEG, aspect 4:5 to 1.91:1)"));

  private final ContainerPublishing flow;

  /**
   * A client for one Instagram account.
   *
   * @param endpoint the Graph API base, e.g. {@code https://graph.facebook.com/v21.0}, or an emulator's
   * @param igUserId the Instagram professional account's id
   * @param profileUrl the account's public address, the fallback address of a post
   * @param credentials where the account's token comes from
   * @param mediaUrls public addresses of the design's images
   * @param clock the clock (publication times, rate-limit resets)
   */
  public InstagramClient(Endpoint endpoint, String igUserId, URI profileUrl, CredentialProvider credentials,
      PublicMediaUrls mediaUrls, Clock clock) {
    this.flow = new ContainerPublishing(API, endpoint, checkNotNull(igUserId, "igUserId"), profileUrl, credentials,
        mediaUrls, clock);
  }

  @Override
  public Platform platform() {
    return flow.platform();
  }

  @Override
  public Reconciliation reconciliation() {
    return flow.reconciliation();
  }

  @Override
  public URI postUrl(String postId) {
    return flow.postUrl(postId); // the profile: an Instagram media id does not give the post's address
  }

  @Override
  public PostResult createPost(PostAttempt attempt, IdSink ids) {
    return flow.createPost(attempt, ids);
  }

  @Override
  public ContainerCheck checkStatus(String containerId) {
    return flow.checkStatus(containerId);
  }

  @Override
  public ImmutableList<RemotePost> findRecentPosts(PostLookup lookup) {
    return flow.findRecentPosts(lookup);
  }
}
