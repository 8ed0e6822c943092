package id.go.kpu.jdih.publish.dryrun;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.PublishException;
import id.go.kpu.jdih.publish.PublishRequest;
import id.go.kpu.jdih.publish.PublishedPost;
import id.go.kpu.jdih.publish.Publisher;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Publisher} that publishes nothing: it writes what the platform would receive (the API calls of the
 * platform's publishing contract, with their parameters) to {@code <folder>/<case>/<platform>.json} and answers
 * with a post id derived from the request. A repeated request with the same idempotency key is answered from the
 * file, never written twice.
 *
 * <p>Thread-safe: writes go to a temporary file that is moved into place.
 */
public final class DryRunPublisher implements Publisher {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Platform platform;
  private final Path folder;
  private final Clock clock;

  /** A dry-run publisher for {@code platform} writing into {@code folder}. */
  public DryRunPublisher(Platform platform, Path folder, Clock clock) {
    this.platform = checkNotNull(platform, "platform");
    this.folder = checkNotNull(folder, "folder");
    this.clock = checkNotNull(clock, "clock");
  }

  /** One dry-run publisher per platform, all writing into {@code folder}. */
  public static Map<Platform, Publisher> forAll(Path folder, Clock clock) {
    Map<Platform, Publisher> m = new EnumMap<>(Platform.class);
    for (Platform p : Platform.values()) {
      m.put(p, new DryRunPublisher(p, folder, clock));
    }
    return m;
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public PublishedPost publish(PublishRequest request) {
    checkNotNull(request, "request");
    if (request.platform() != platform) {
      throw new IllegalArgumentException("a request for " + request.platform() + " sent to " + platform);
    }
    Path file = folder.resolve(request.caseId().value()).resolve(platform.name().toLowerCase(Locale.ROOT) + ".json");
    String postId = "dryrun-" + Hashing.sha256().hashString(request.idempotencyKey(), StandardCharsets.UTF_8)
        .toString().substring(0, 16);
    URI url = file.toUri();
    try {
      if (Files.exists(file)) {
        ObjectNode existing = (ObjectNode) JSON.readTree(file.toFile());
        if (request.idempotencyKey().equals(existing.path("idempotencyKey").asText())) {
          return new PublishedPost(platform, existing.path("postId").asText(), url,
              Instant.parse(existing.path("publishedAt").asText()));
        }
      }
      Instant now = clock.instant();
      ObjectNode root = JSON.createObjectNode();
      root.put("platform", platform.displayName());
      root.put("case", request.caseId().value());
      root.put("idempotencyKey", request.idempotencyKey());
      root.put("postId", postId);
      root.put("publishedAt", now.toString());
      root.put("text", request.text());
      ArrayNode media = root.putArray("media");
      for (MediaItem m : request.media()) {
        media.addObject().put("fileRef", m.fileRef()).put("mediaType", m.mediaType()).put("width", m.width())
            .put("height", m.height()).put("bytes", m.bytes()).put("sha256", m.sha256());
      }
      root.set("calls", PlatformCalls.of(platform, request, JSON));
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".dryrun-", ".tmp");
      try {
        Files.writeString(tmp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return new PublishedPost(platform, postId, url, now);
    } catch (IOException e) {
      throw new PublishException(Text.of("Gagal menulis hasil uji coba ke " + file,
          "Could not write the dry run to " + file), true, e);
    }
  }
}
