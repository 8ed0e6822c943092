package id.go.kpu.jdih.publish.http;

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
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Meta's two-step container publishing, shared by the Instagram Graph API and the Threads API: check the publishing
 * quota, create the container (a carousel's item containers first), read the container's status, publish it, read
 * the post's permalink; and, to reconcile, a container's status and the account's recent posts. What differs
 * between the two APIs (paths, field names, item limits, the wording of one hint) is a {@link ContainerApi}; the
 * adapters' own clients document the contract of each.
 *
 * <p>Only the publish call can publish, and a container is published at most once, so after an ambiguous failure
 * the outbox asks {@link #checkStatus} ({@link Reconciliation#CONTAINER_STATUS}) and publishes the same container
 * again only if it is not {@code PUBLISHED}. Container ids go to the outbox the moment they are known. The token
 * travels in the {@code Authorization} header, never in a URL; errors are classified by {@link PlatformErrors#graph}.
 * Thread-safe.
 */
public final class ContainerPublishing implements PlatformClient {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,64}");

  /**
   * What one container API calls things.
   *
   * @param platform the platform
   * @param codePrefix the prefix of this client's own error codes, e.g. {@code IG}
   * @param containers the path under the user that creates containers and lists posts, e.g. {@code /media}
   * @param publish the path under the user that publishes a container, e.g. {@code /media_publish}
   * @param quota the path under the user of the publishing quota, e.g. {@code /content_publishing_limit}
   * @param textField the form and post field of the text, e.g. {@code caption}
   * @param imageMediaType the {@code media_type} an image container must name, if the API wants one
   * @param minItems the fewest images a post may have (0: text posts exist)
   * @param maxItems the most images a post may have (a carousel)
   * @param statusField the container field of its status, e.g. {@code status_code}
   * @param detailField the container field that explains the status, e.g. {@code status}
   * @param recentSince whether the recent-posts call takes a {@code since} time
   * @param imageHint what to check in an image the platform could not prepare, appended to "check the image"
   *     (empty if nothing more than the image and its address)
   */
  public record ContainerApi(Platform platform, String codePrefix, String containers, String publish, String quota,
      String textField, Optional<String> imageMediaType, int minItems, int maxItems, String statusField,
      String detailField, boolean recentSince, Text imageHint) {

    /** All fields required; {@code 0 <= minItems <= maxItems}. */
    public ContainerApi {
      checkNotNull(platform, "platform");
      checkNotNull(codePrefix, "codePrefix");
      checkNotNull(containers, "containers");
      checkNotNull(publish, "publish");
      checkNotNull(quota, "quota");
      checkNotNull(textField, "textField");
      checkNotNull(imageMediaType, "imageMediaType");
      checkArgument(minItems >= 0 && minItems <= maxItems, "need 0 <= minItems <= maxItems");
      checkNotNull(statusField, "statusField");
      checkNotNull(detailField, "detailField");
      checkNotNull(imageHint, "imageHint");
    }
  }

  private final ContainerApi spec;
  private final HttpApi api;
  private final String userId;
  private final URI profileUrl;
  private final CredentialProvider credentials;
  private final PublicMediaUrls mediaUrls;
  private final Clock clock;
  private final String name;

  /**
   * A client for one account.
   *
   * @param spec what the API calls things
   * @param endpoint the API base, or an emulator's
   * @param userId the account's id (letters, digits, {@code _})
   * @param profileUrl the account's public address, the fallback address of a post
   * @param credentials where the account's token comes from
   * @param mediaUrls public addresses of the design's images
   * @param clock the clock (publication times, rate-limit resets)
   */
  public ContainerPublishing(ContainerApi spec, Endpoint endpoint, String userId, URI profileUrl,
      CredentialProvider credentials, PublicMediaUrls mediaUrls, Clock clock) {
    this.spec = checkNotNull(spec, "spec");
    this.name = spec.platform().displayName();
    this.api = new HttpApi(spec.platform(), checkNotNull(endpoint, "endpoint"));
    checkArgument(ID.matcher(checkNotNull(userId, "userId")).matches(), "invalid %s user id", name);
    this.userId = userId;
    this.profileUrl = checkNotNull(profileUrl, "profileUrl");
    this.credentials = checkNotNull(credentials, "credentials");
    this.mediaUrls = checkNotNull(mediaUrls, "mediaUrls");
    this.clock = checkNotNull(clock, "clock");
  }

  @Override
  public Platform platform() {
    return spec.platform();
  }

  @Override
  public Reconciliation reconciliation() {
    return Reconciliation.CONTAINER_STATUS;
  }

  @Override
  public URI postUrl(String postId) {
    return profileUrl; // a media id does not give the post's address
  }

  @Override
  public PostResult createPost(PostAttempt attempt, IdSink ids) {
    PublicationIntent intent = attempt.intent();
    List<MediaItem> media = intent.media();
    if (media.size() < spec.minItems() || media.size() > spec.maxItems()) {
      throw new PlatformCallException(FailureKind.REJECTED, spec.codePrefix() + "-MEDIA-COUNT", spec.minItems() > 0
          ? Text.of(name + " memerlukan %d sampai %d gambar; desain ini %d",
              name + " needs %d to %d images; this design has %d").format(spec.minItems(), spec.maxItems(), media.size())
          : Text.of(name + " menerima paling banyak %d gambar; desain ini %d",
              name + " takes at most %d images; this design has %d").format(spec.maxItems(), media.size()));
    }
    AccessToken token = PlatformErrors.token(credentials, spec.platform());
    Optional<String> known = attempt.latest(PlatformId.Kind.CONTAINER);
    String container;
    if (known.isPresent()) {
      container = known.get();
    } else {
      checkQuota(token);
      if (media.isEmpty()) {
        container = create(containerCall().form("media_type", "TEXT").form(spec.textField(), intent.text()), token);
      } else if (media.size() == 1) {
        container = create(imageCall(media.get(0)).form(spec.textField(), intent.text()), token);
      } else {
        List<String> children = new ArrayList<>(attempt.known(PlatformId.Kind.CHILD_CONTAINER));
        for (int i = children.size(); i < media.size(); i++) {
          String child = create(imageCall(media.get(i)).form("is_carousel_item", "true"), token);
          ids.record(PlatformId.Kind.CHILD_CONTAINER, child);
          children.add(child);
        }
        container = create(containerCall().form("media_type", "CAROUSEL")
            .form("children", String.join(",", children)).form(spec.textField(), intent.text()), token);
      }
      ids.record(PlatformId.Kind.CONTAINER, container);
    }
    ContainerCheck check = status(container, token);
    switch (check.status()) {
      case IN_PROGRESS:
        return new PostResult.NotReady(Text.of("Kontainer " + name + " %s masih diproses",
            name + " container %s is still being prepared").format(container));
      case ERROR:
        throw new PlatformCallException(FailureKind.REJECTED, spec.codePrefix() + "-CONTAINER-ERROR", Text.of(
            name + " gagal memproses kontainer %s (%s): periksa gambar" + spec.imageHint().id() + " dan alamatnya",
            name + " could not prepare container %s (%s): check the image" + spec.imageHint().en()
                + " and its address").format(container, check.detail().orElse("ERROR")));
      case EXPIRED:
        throw new PlatformCallException(FailureKind.CONTAINER_EXPIRED, spec.codePrefix() + "-CONTAINER-EXPIRED",
            Text.of("Kontainer " + name + " %s kedaluwarsa (lebih dari 24 jam) tanpa terbit",
                name + " container %s expired (over 24 hours) unpublished").format(container));
      case PUBLISHED:
        throw new PlatformCallException(FailureKind.AMBIGUOUS, spec.codePrefix() + "-CONTAINER-PUBLISHED", Text.of(
            "Kontainer " + name + " %s sudah terbit; dicari unggahannya",
            name + " container %s is already published; looking for the post").format(container));
      case FINISHED:
      default:
        break;
    }
    ApiCall publish = ApiCall.post("/" + userId + spec.publish()).form("creation_id", container).bearer(token)
        .publishing().build();
    ApiResponse r = api.send(publish);
    if (!r.ok()) {
      throw PlatformErrors.graph(spec.platform(), r, true, clock);
    }
    String mediaId = r.text("/id").orElseThrow(() -> PlatformErrors.unreadable(spec.platform(), publish, "id"));
    ids.record(PlatformId.Kind.POST, mediaId);
    return new PostResult.Published(new PublishedPost(spec.platform(), mediaId, permalink(mediaId, token),
        clock.instant()));
  }

  @Override
  public ContainerCheck checkStatus(String containerId) {
    return status(containerId, PlatformErrors.token(credentials, spec.platform()));
  }

  @Override
  public ImmutableList<RemotePost> findRecentPosts(PostLookup lookup) {
    AccessToken token = PlatformErrors.token(credentials, spec.platform());
    ApiCall.Builder call = ApiCall.get("/" + userId + spec.containers())
        .query("fields", "id," + spec.textField() + ",timestamp,permalink");
    if (spec.recentSince()) {
      call.query("since", String.valueOf(lookup.since().getEpochSecond()));
    }
    ApiResponse r = api.send(call.query("limit", "25").bearer(token).build());
    if (!r.ok()) {
      throw PlatformErrors.graph(spec.platform(), r, false, clock);
    }
    ImmutableList.Builder<RemotePost> out = ImmutableList.builder();
    for (JsonNode m : r.json().path("data")) {
      Optional<Instant> at = PlatformErrors.graphTime(m.path("timestamp").asText(null));
      if (m.hasNonNull("id") && at.isPresent() && !at.get().isBefore(lookup.since())) {
        String link = m.path("permalink").asText("");
        out.add(new RemotePost(m.get("id").asText(), link.isEmpty() ? profileUrl : URI.create(link),
            m.path(spec.textField()).asText(""), at.get()));
      }
    }
    return out.build();
  }

  private ApiCall.Builder containerCall() {
    return ApiCall.post("/" + userId + spec.containers());
  }

  private ApiCall.Builder imageCall(MediaItem item) {
    ApiCall.Builder call = containerCall();
    spec.imageMediaType().ifPresent(type -> call.form("media_type", type));
    return call.form("image_url", mediaUrls.publicUrl(item).toString());
  }

  private String create(ApiCall.Builder call, AccessToken token) {
    ApiCall c = call.bearer(token).build();
    ApiResponse r = api.send(c);
    if (!r.ok()) {
      throw PlatformErrors.graph(spec.platform(), r, false, clock);
    }
    return r.text("/id").orElseThrow(() -> PlatformErrors.unreadable(spec.platform(), c, "id"));
  }

  private ContainerCheck status(String container, AccessToken token) {
    ApiCall c = ApiCall.get("/" + container).query("fields", spec.statusField() + "," + spec.detailField())
        .bearer(token).build();
    ApiResponse r = api.send(c);
    if (!r.ok()) {
      throw PlatformErrors.graph(spec.platform(), r, false, clock);
    }
    String code = r.text("/" + spec.statusField())
        .orElseThrow(() -> PlatformErrors.unreadable(spec.platform(), c, spec.statusField()));
    try {
      return new ContainerCheck(ContainerStatus.valueOf(code), r.text("/" + spec.detailField()));
    } catch (IllegalArgumentException e) {
      throw PlatformErrors.unreadable(spec.platform(), c, "a known " + spec.statusField());
    }
  }

  private void checkQuota(AccessToken token) {
    ApiResponse r = api.send(ApiCall.get("/" + userId + spec.quota())
        .query("fields", "quota_usage,config").bearer(token).build());
    if (!r.ok()) {
      PlatformCallException e = PlatformErrors.graph(spec.platform(), r, false, clock);
      if (e.kind() == FailureKind.AUTH || e.kind() == FailureKind.RATE_LIMITED) {
        throw e;
      }
      return; // the pre-check is advisory: the publish call reports a used-up quota itself
    }
    JsonNode usage = r.json().path("data").path(0);
    int used = usage.path("quota_usage").asInt(0);
    int total = usage.path("config").path("quota_total").asInt(Integer.MAX_VALUE);
    if (used >= total) {
      throw new PlatformCallException(FailureKind.QUOTA_REACHED, spec.codePrefix() + "-QUOTA", Text.of(
          "Kuota terbit " + name + " sudah habis (%d dari %d dalam 24 jam); ditunggu",
          "The " + name + " publishing quota is used up (%d of %d in 24 hours); waiting").format(used, total));
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
