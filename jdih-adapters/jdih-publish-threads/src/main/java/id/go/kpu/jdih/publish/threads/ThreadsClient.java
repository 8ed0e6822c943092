package id.go.kpu.jdih.publish.threads;

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
 * Publishes to a Threads profile through the Threads API's two-step flow (the domain brief's contract, section 6,
 * and Meta's Threads troubleshooting guide for the container statuses):
 *
 * <ol>
 *   <li>before a new container, {@code GET /{threads-user-id}/threads_publishing_limit?fields=quota_usage,config}
 *       (250 posts per 24 hours): a used-up quota is {@link FailureKind#QUOTA_REACHED} before anything is made;</li>
 *   <li>{@code POST /{threads-user-id}/threads} with {@code media_type=TEXT} and {@code text}; or {@code IMAGE} with
 *       {@code image_url}; or, for 2 to 20 images, one {@code IMAGE} item container per image with
 *       {@code is_carousel_item=true}, then {@code media_type=CAROUSEL} with {@code children} and {@code text}.
 *       Each container id goes to the outbox at once;</li>
 *   <li>{@code GET /{container-id}?fields=status,error_message}: {@code FINISHED} goes on, {@code IN_PROGRESS} is
 *       {@link PostResult.NotReady}, {@code ERROR} is {@link FailureKind#REJECTED}, {@code EXPIRED} is
 *       {@link FailureKind#CONTAINER_EXPIRED};</li>
 *   <li>{@code POST /{threads-user-id}/threads_publish} with {@code creation_id}: the post id goes to the outbox at
 *       once; then {@code GET /{id}?fields=permalink} for the address (the profile's address if that fails).</li>
 * </ol>
 *
 * <p>Only the last step can publish, and a container is published at most once, so the outbox reconciles by the
 * container's status ({@link Reconciliation#CONTAINER_STATUS}). Images are given by address
 * ({@link PublicMediaUrls}). The token travels in the {@code Authorization} header. Errors are classified by
 * {@link PlatformErrors#graph}. Thread-safe. The flow is Meta's, shared with the other container API:
 * {@link ContainerPublishing}; this class names what this API calls things ({@link #API}).
 *
 * <p>Contract sources: the domain brief; Meta's Threads API troubleshooting guide
 * (developers.facebook.com/docs/threads/troubleshooting) for {@code GET /{container}?fields=status,error_message}
 * and its five statuses.
 */
public final class ThreadsClient implements PlatformClient {

  /** The Threads API's names, limits and wording for {@link ContainerPublishing}. */
  static final ContainerApi API = new ContainerApi(Platform.THREADS, "THREADS", "/threads", "/threads_publish",
      "/threads_publishing_limit", "text", Optional.of("IMAGE"), 0, 20, "status", "error_message", true,
      Text.of("", ""));

  private final ContainerPublishing flow;

  /**
   * A client for one Threads profile.
   *
   * @param endpoint the Threads API base, e.g. {@code https://graph.threads.net/v1.0}, or an emulator's
   * @param userId the Threads profile's id
   * @param profileUrl the account's public address, the fallback address of a post
   * @param credentials where the account's token comes from
   * @param mediaUrls public addresses of the design's images
   * @param clock the clock (publication times, rate-limit resets)
   */
  public ThreadsClient(Endpoint endpoint, String userId, URI profileUrl, CredentialProvider credentials,
      PublicMediaUrls mediaUrls, Clock clock) {
    this.flow = new ContainerPublishing(API, endpoint, checkNotNull(userId, "userId"), profileUrl, credentials,
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
    return flow.postUrl(postId); // the profile: a Threads media id does not give the post's address
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
