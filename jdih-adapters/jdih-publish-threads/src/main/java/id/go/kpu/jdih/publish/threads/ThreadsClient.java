package id.go.kpu.jdih.publish.threads;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.ContainerCheck;
import id.go.kpu.jdih.publish.ContainerStatus;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * {@link PlatformErrors#graph}. Thread-safe.
 *
 * <p>Contract sources: the domain brief; Meta's Threads API troubleshooting guide
 * (developers.facebook.com/docs/threads/troubleshooting) for {@code GET /{container}?fields=status,error_message}
 * and its five statuses.
 */
public final class ThreadsClient implements PlatformClient {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
  private static final int MAX_CAROUSEL = 20;

  private final HttpApi api;
  private final String userId;
  private final URI profileUrl;
  private final CredentialProvider credentials;
  private final PublicMediaUrls mediaUrls;
  private final Clock clock;

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
    this.api = new HttpApi(Platform.THREADS, checkNotNull(endpoint, "endpoint"));
    checkArgument(ID.matcher(checkNotNull(userId, "userId")).matches(), "invalid Threads user id");
    this.userId = userId;
    this.profileUrl = checkNotNull(profileUrl, "profileUrl");
    this.credentials = checkNotNull(credentials, "credentials");
    this.mediaUrls = checkNotNull(mediaUrls, "mediaUrls");
    this.clock = checkNotNull(clock, "clock");
  }

  @Override
  public Platform platform() {
    return Platform.THREADS;
  }

  @Override
  public Reconciliation reconciliation() {
    return Reconciliation.CONTAINER_STATUS;
  }

  @Override
  public URI postUrl(String postId) {
    return profileUrl; // a Threads media id does not give the post's address
  }

  @Override
  public PostResult createPost(PostAttempt attempt, IdSink ids) {
    PublicationIntent intent = attempt.intent();
    List<MediaItem> media = intent.media();
    if (media.size() > MAX_CAROUSEL) {
      throw new PlatformCallException(FailureKind.REJECTED, "THREADS-MEDIA-COUNT", Text.of(
          "Threads menerima paling banyak %d gambar; desain ini %d", "Threads takes at most %d images; this design has %d")
          .format(MAX_CAROUSEL, media.size()));
    }
    AccessToken token = PlatformErrors.token(credentials, Platform.THREADS);
    Optional<String> known = attempt.latest(PlatformId.Kind.CONTAINER);
    String container;
    if (known.isPresent()) {
      container = known.get();
    } else {
      checkQuota(token);
      if (media.isEmpty()) {
        container = create(ApiCall.post("/" + userId + "/threads").form("media_type", "TEXT")
            .form("text", intent.text()), token);
      } else if (media.size() == 1) {
        container = create(ApiCall.post("/" + userId + "/threads").form("media_type", "IMAGE")
            .form("image_url", mediaUrls.publicUrl(media.get(0)).toString())
            .form("text", intent.text()), token);
      } else {
        List<String> children = new ArrayList<>(attempt.known(PlatformId.Kind.CHILD_CONTAINER));
        for (int i = children.size(); i < media.size(); i++) {
          String child = create(ApiCall.post("/" + userId + "/threads").form("media_type", "IMAGE")
              .form("image_url", mediaUrls.publicUrl(media.get(i)).toString())
              .form("is_carousel_item", "true"), token);
          ids.record(PlatformId.Kind.CHILD_CONTAINER, child);
          children.add(child);
        }
        container = create(ApiCall.post("/" + userId + "/threads").form("media_type", "CAROUSEL")
            .form("children", String.join(",", children)).form("text", intent.text()), token);
      }
      ids.record(PlatformId.Kind.CONTAINER, container);
    }
    ContainerCheck check = status(container, token);
    switch (check.status()) {
      case IN_PROGRESS:
        return new PostResult.NotReady(Text.of("Kontainer Threads %s masih diproses",
            "Threads container %s is still being prepared").format(container));
      case ERROR:
        throw new PlatformCallException(FailureKind.REJECTED, "THREADS-CONTAINER-ERROR", Text.of(
            "Threads gagal memproses kontainer %s (%s): periksa gambar dan alamatnya",
            "Threads could not prepare container %s (%s): check the image and its address")
            .format(container, check.detail().orElse("ERROR")));
      case EXPIRED:
        throw new PlatformCallException(FailureKind.CONTAINER_EXPIRED, "THREADS-CONTAINER-EXPIRED", Text.of(
            "Kontainer Threads %s kedaluwarsa (lebih dari 24 jam) tanpa terbit",
            "Threads container %s expired (over 24 hours) unpublished").format(container));
      case PUBLISHED:
        throw new PlatformCallException(FailureKind.AMBIGUOUS, "THREADS-CONTAINER-PUBLISHED", Text.of(
            "Kontainer Threads %s sudah terbit; dicari unggahannya", "Threads container %s is already published; "
                + "looking for the post").format(container));
      case FINISHED:
      default:
        break;
    }
    ApiCall publish = ApiCall.post("/" + userId + "/threads_publish").form("creation_id", container).bearer(token)
        .publishing().build();
    ApiResponse r = api.send(publish);
    if (!r.ok()) {
      throw PlatformErrors.graph(Platform.THREADS, r, true, clock);
    }
    String mediaId = r.text("/id").orElseThrow(() -> PlatformErrors.unreadable(Platform.THREADS, publish, "id"));
    ids.record(PlatformId.Kind.POST, mediaId);
    return new PostResult.Published(new PublishedPost(Platform.THREADS, mediaId, permalink(mediaId, token),
        clock.instant()));
  }

  @Override
  public ContainerCheck checkStatus(String containerId) {
    return status(containerId, PlatformErrors.token(credentials, Platform.THREADS));
  }

  @Override
  public ImmutableList<RemotePost> findRecentPosts(PostLookup lookup) {
    AccessToken token = PlatformErrors.token(credentials, Platform.THREADS);
    ApiResponse r = api.send(ApiCall.get("/" + userId + "/threads").query("fields", "id,text,timestamp,permalink")
        .query("since", String.valueOf(lookup.since().getEpochSecond())).query("limit", "25").bearer(token).build());
    if (!r.ok()) {
      throw PlatformErrors.graph(Platform.THREADS, r, false, clock);
    }
    ImmutableList.Builder<RemotePost> out = ImmutableList.builder();
    for (JsonNode m : r.json().path("data")) {
      Optional<java.time.Instant> at = PlatformErrors.graphTime(m.path("timestamp").asText(null));
      if (m.hasNonNull("id") && at.isPresent() && !at.get().isBefore(lookup.since())) {
        String link = m.path("permalink").asText("");
        out.add(new RemotePost(m.get("id").asText(), link.isEmpty() ? profileUrl : URI.create(link),
            m.path("text").asText(""), at.get()));
      }
    }
    return out.build();
  }

  private String create(ApiCall.Builder call, AccessToken token) {
    ApiCall c = call.bearer(token).build();
    ApiResponse r = api.send(c);
    if (!r.ok()) {
      throw PlatformErrors.graph(Platform.THREADS, r, false, clock);
    }
    return r.text("/id").orElseThrow(() -> PlatformErrors.unreadable(Platform.THREADS, c, "id"));
  }

  private ContainerCheck status(String container, AccessToken token) {
    ApiCall c = ApiCall.get("/" + container).query("fields", "status,error_message").bearer(token).build();
    ApiResponse r = api.send(c);
    if (!r.ok()) {
      throw PlatformErrors.graph(Platform.THREADS, r, false, clock);
    }
    String code = r.text("/status").orElseThrow(() -> PlatformErrors.unreadable(Platform.THREADS, c, "status"));
    try {
      return new ContainerCheck(ContainerStatus.valueOf(code), r.text("/error_message"));
    } catch (IllegalArgumentException e) {
      throw PlatformErrors.unreadable(Platform.THREADS, c, "a known status");
    }
  }

  private void checkQuota(AccessToken token) {
    ApiResponse r = api.send(ApiCall.get("/" + userId + "/threads_publishing_limit")
        .query("fields", "quota_usage,config").bearer(token).build());
    if (!r.ok()) {
      PlatformCallException e = PlatformErrors.graph(Platform.THREADS, r, false, clock);
      if (e.kind() == FailureKind.AUTH || e.kind() == FailureKind.RATE_LIMITED) {
        throw e;
      }
      return; // the pre-check is advisory: threads_publish reports a used-up quota itself
    }
    JsonNode usage = r.json().path("data").path(0);
    int used = usage.path("quota_usage").asInt(0);
    int total = usage.path("config").path("quota_total").asInt(Integer.MAX_VALUE);
    if (used >= total) {
      throw new PlatformCallException(FailureKind.QUOTA_REACHED, "THREADS-QUOTA", Text.of(
          "Kuota terbit Threads sudah habis (%d dari %d dalam 24 jam); ditunggu",
          "The Threads publishing quota is used up (%d of %d in 24 hours); waiting").format(used, total));
    }
  }

  private URI permalink(String mediaId, AccessToken token) {
    try {
      ApiResponse r = api.send(ApiCall.get("/" + mediaId).query("fields", "permalink").bearer(token).build());
      return r.ok() ? r.text("/permalink").map(URI::create).orElse(profileUrl) : profileUrl;
    } catch (PlatformCallException | IllegalArgumentException e) {
      return profileUrl; // published already; the address is a convenience
    }
  }
}
