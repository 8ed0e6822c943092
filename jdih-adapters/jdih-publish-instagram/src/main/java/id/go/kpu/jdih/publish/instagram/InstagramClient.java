package id.go.kpu.jdih.publish.instagram;

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
 * Errors are classified by {@link PlatformErrors#graph}. Thread-safe.
 *
 * <p>Contract sources: the domain brief; Meta's IG Container reference for the five {@code status_code} values
 * (developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container) and the IG User
 * Content Publishing Limit reference for {@code quota_usage} and {@code config.quota_total}
 * (.../reference/ig-user/content_publishing_limit).
 */
public final class InstagramClient implements PlatformClient {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
  private static final int MAX_CAROUSEL = 10;

  private final HttpApi api;
  private final String igUserId;
  private final URI profileUrl;
  private final CredentialProvider credentials;
  private final PublicMediaUrls mediaUrls;
  private final Clock clock;

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
    this.api = new HttpApi(Platform.INSTAGRAM, checkNotNull(endpoint, "endpoint"));
    checkArgument(ID.matcher(checkNotNull(igUserId, "igUserId")).matches(), "invalid Instagram user id");
    this.igUserId = igUserId;
    this.profileUrl = checkNotNull(profileUrl, "profileUrl");
    this.credentials = checkNotNull(credentials, "credentials");
    this.mediaUrls = checkNotNull(mediaUrls, "mediaUrls");
    this.clock = checkNotNull(clock, "clock");
  }

  @Override
  public Platform platform() {
    return Platform.INSTAGRAM;
  }

  @Override
  public Reconciliation reconciliation() {
    return Reconciliation.CONTAINER_STATUS;
  }

  @Override
  public URI postUrl(String postId) {
    return profileUrl; // an Instagram media id does not give the post's address
  }

  @Override
  public PostResult createPost(PostAttempt attempt, IdSink ids) {
    PublicationIntent intent = attempt.intent();
    List<MediaItem> media = intent.media();
    if (media.isEmpty() || media.size() > MAX_CAROUSEL) {
      throw new PlatformCallException(FailureKind.REJECTED, "IG-MEDIA-COUNT", Text.of(
          "Instagram memerlukan 1 sampai %d gambar; desain ini %d", "Instagram needs 1 to %d images; this design has %d")
          .format(MAX_CAROUSEL, media.size()));
    }
    AccessToken token = PlatformErrors.token(credentials, Platform.INSTAGRAM);
    Optional<String> known = attempt.latest(PlatformId.Kind.CONTAINER);
    String container;
    if (known.isPresent()) {
      container = known.get();
    } else {
      checkQuota(token);
      if (media.size() == 1) {
        container = create(ApiCall.post("/" + igUserId + "/media")
            .form("image_url", mediaUrls.publicUrl(media.get(0)).toString())
            .form("caption", intent.text()), token);
      } else {
        List<String> children = new ArrayList<>(attempt.known(PlatformId.Kind.CHILD_CONTAINER));
        for (int i = children.size(); i < media.size(); i++) {
          String child = create(ApiCall.post("/" + igUserId + "/media")
              .form("image_url", mediaUrls.publicUrl(media.get(i)).toString())
              .form("is_carousel_item", "true"), token);
          ids.record(PlatformId.Kind.CHILD_CONTAINER, child);
          children.add(child);
        }
        container = create(ApiCall.post("/" + igUserId + "/media").form("media_type", "CAROUSEL")
            .form("children", String.join(",", children)).form("caption", intent.text()), token);
      }
      ids.record(PlatformId.Kind.CONTAINER, container);
    }
    ContainerCheck check = status(container, token);
    switch (check.status()) {
      case IN_PROGRESS:
        return new PostResult.NotReady(Text.of("Kontainer Instagram %s masih diproses",
            "Instagram container %s is still being prepared").format(container));
      case ERROR:
        throw new PlatformCallException(FailureKind.REJECTED, "IG-CONTAINER-ERROR", Text.of(
            "Instagram gagal memproses kontainer %s (%s): periksa gambar (JPEG, rasio 4:5 sampai 1,91:1) dan "
                + "alamatnya", "Instagram could not prepare container %s (%s): check the image (JPEG, aspect 4:5 to "
                + "1.91:1) and its address").format(container, check.detail().orElse("ERROR")));
      case EXPIRED:
        throw new PlatformCallException(FailureKind.CONTAINER_EXPIRED, "IG-CONTAINER-EXPIRED", Text.of(
            "Kontainer Instagram %s kedaluwarsa (lebih dari 24 jam) tanpa terbit",
            "Instagram container %s expired (over 24 hours) unpublished").format(container));
      case PUBLISHED:
        throw new PlatformCallException(FailureKind.AMBIGUOUS, "IG-CONTAINER-PUBLISHED", Text.of(
            "Kontainer Instagram %s sudah terbit; dicari unggahannya", "Instagram container %s is already published; "
                + "looking for the post").format(container));
      case FINISHED:
      default:
        break;
    }
    ApiCall publish = ApiCall.post("/" + igUserId + "/media_publish").form("creation_id", container).bearer(token)
        .publishing().build();
    ApiResponse r = api.send(publish);
    if (!r.ok()) {
      throw PlatformErrors.graph(Platform.INSTAGRAM, r, true, clock);
    }
    String mediaId = r.text("/id").orElseThrow(() -> PlatformErrors.unreadable(Platform.INSTAGRAM, publish, "id"));
    ids.record(PlatformId.Kind.POST, mediaId);
    return new PostResult.Published(new PublishedPost(Platform.INSTAGRAM, mediaId, permalink(mediaId, token),
        clock.instant()));
  }

  @Override
  public ContainerCheck checkStatus(String containerId) {
    return status(containerId, PlatformErrors.token(credentials, Platform.INSTAGRAM));
  }

  @Override
  public ImmutableList<RemotePost> findRecentPosts(PostLookup lookup) {
    AccessToken token = PlatformErrors.token(credentials, Platform.INSTAGRAM);
    ApiResponse r = api.send(ApiCall.get("/" + igUserId + "/media").query("fields", "id,caption,timestamp,permalink")
        .query("limit", "25").bearer(token).build());
    if (!r.ok()) {
      throw PlatformErrors.graph(Platform.INSTAGRAM, r, false, clock);
    }
    ImmutableList.Builder<RemotePost> out = ImmutableList.builder();
    for (JsonNode m : r.json().path("data")) {
      Optional<java.time.Instant> at = PlatformErrors.graphTime(m.path("timestamp").asText(null));
      if (m.hasNonNull("id") && at.isPresent() && !at.get().isBefore(lookup.since())) {
        String link = m.path("permalink").asText("");
        out.add(new RemotePost(m.get("id").asText(), link.isEmpty() ? profileUrl : URI.create(link),
            m.path("caption").asText(""), at.get()));
      }
    }
    return out.build();
  }

  private String create(ApiCall.Builder call, AccessToken token) {
    ApiCall c = call.bearer(token).build();
    ApiResponse r = api.send(c);
    if (!r.ok()) {
      throw PlatformErrors.graph(Platform.INSTAGRAM, r, false, clock);
    }
    return r.text("/id").orElseThrow(() -> PlatformErrors.unreadable(Platform.INSTAGRAM, c, "id"));
  }

  private ContainerCheck status(String container, AccessToken token) {
    ApiCall c = ApiCall.get("/" + container).query("fields", "status_code,status").bearer(token).build();
    ApiResponse r = api.send(c);
    if (!r.ok()) {
      throw PlatformErrors.graph(Platform.INSTAGRAM, r, false, clock);
    }
    String code = r.text("/status_code").orElseThrow(() -> PlatformErrors.unreadable(Platform.INSTAGRAM, c,
        "status_code"));
    try {
      return new ContainerCheck(ContainerStatus.valueOf(code), r.text("/status"));
    } catch (IllegalArgumentException e) {
      throw PlatformErrors.unreadable(Platform.INSTAGRAM, c, "a known status_code");
    }
  }

  private void checkQuota(AccessToken token) {
    ApiResponse r = api.send(ApiCall.get("/" + igUserId + "/content_publishing_limit")
        .query("fields", "quota_usage,config").bearer(token).build());
    if (!r.ok()) {
      PlatformCallException e = PlatformErrors.graph(Platform.INSTAGRAM, r, false, clock);
      if (e.kind() == FailureKind.AUTH || e.kind() == FailureKind.RATE_LIMITED) {
        throw e;
      }
      return; // the pre-check is advisory: media_publish reports a used-up quota itself
    }
    JsonNode usage = r.json().path("data").path(0);
    int used = usage.path("quota_usage").asInt(0);
    int total = usage.path("config").path("quota_total").asInt(Integer.MAX_VALUE);
    if (used >= total) {
      throw new PlatformCallException(FailureKind.QUOTA_REACHED, "IG-QUOTA", Text.of(
          "Kuota terbit Instagram sudah habis (%d dari %d dalam 24 jam); ditunggu",
          "The Instagram publishing quota is used up (%d of %d in 24 hours); waiting").format(used, total));
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
