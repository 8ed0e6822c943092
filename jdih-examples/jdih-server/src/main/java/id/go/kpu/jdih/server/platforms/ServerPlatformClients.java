package id.go.kpu.jdih.server.platforms;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.publish.PlatformClients;
import id.go.kpu.jdih.publish.PublisherClient;
import id.go.kpu.jdih.publish.dryrun.DryRunPublisher;
import id.go.kpu.jdih.publish.facebook.FacebookClient;
import id.go.kpu.jdih.publish.http.CredentialProvider;
import id.go.kpu.jdih.publish.http.Endpoint;
import id.go.kpu.jdih.publish.instagram.InstagramClient;
import id.go.kpu.jdih.publish.telegram.TelegramClient;
import id.go.kpu.jdih.publish.threads.ThreadsClient;
import id.go.kpu.jdih.publish.x.XClient;
import id.go.kpu.jdih.server.ServerProperties;
import id.go.kpu.jdih.server.directory.PlatformAccounts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each office's clients: for a platform where the office has an account, the platform's real adapter with the
 * account's id and a provider that reads the token from its reference at each call; elsewhere the dry-run publisher,
 * which writes what it would post under {@code <folder>/<office>}. A client is kept per office and platform for as
 * long as the account's row is unchanged, so a changed account takes effect at the next call. Thread-safe.
 */
public final class ServerPlatformClients implements PlatformClients {

  private static final Logger LOG = LoggerFactory.getLogger(ServerPlatformClients.class);

  /** The real APIs' bases. */
  static final Map<Platform, String> DEFAULT_BASES = Map.of(
      Platform.INSTAGRAM, "https://graph.facebook.com/v21.0",
      Platform.FACEBOOK, "https://graph.facebook.com/v21.0",
      Platform.THREADS, "https://graph.threads.net/v1.0",
      Platform.X, "https://api.x.com",
      Platform.TELEGRAM, "https://api.telegram.org");

  private record Built(PlatformAccounts.Account account, PlatformClient client) {}

  private final PlatformAccounts accounts;
  private final Path dryRunRoot;
  private final MediaStore media;
  private final SignedMediaUrls mediaUrls;
  private final Clock clock;
  private final Map<Platform, Endpoint> endpoints = new EnumMap<>(Platform.class);
  private final Map<String, Map<Platform, PlatformClient>> dryRun = new ConcurrentHashMap<>();
  private final Map<String, Built> real = new ConcurrentHashMap<>();

  /**
   * Clients of the accounts in {@code accounts}.
   *
   * @param dryRunRoot the folder of the dry run's output, one sub-folder per office
   */
  public ServerPlatformClients(PlatformAccounts accounts, ServerProperties properties, Path dryRunRoot,
      MediaStore media, SignedMediaUrls mediaUrls, Clock clock) {
    this.accounts = checkNotNull(accounts, "accounts");
    this.dryRunRoot = checkNotNull(dryRunRoot, "dryRunRoot");
    this.media = checkNotNull(media, "media");
    this.mediaUrls = checkNotNull(mediaUrls, "mediaUrls");
    this.clock = checkNotNull(clock, "clock");
    for (Platform p : Platform.values()) {
      String base = properties.platformBase().getOrDefault(p.name().toLowerCase(Locale.ROOT), DEFAULT_BASES.get(p));
      endpoints.put(p, Endpoint.of(base));
      if (!base.equals(DEFAULT_BASES.get(p))) {
        LOG.info("{}: API di / API at {}", p.displayName(), LogSafe.of(base));
      }
    }
  }

  @Override
  public Optional<PlatformClient> client(String officeId, Platform platform) {
    Optional<PlatformAccounts.Account> account = accounts.find(officeId, platform);
    String key = officeId + "/" + platform.name();
    if (account.isEmpty()) {
      real.remove(key);
      return Optional.ofNullable(dryRun(officeId).get(platform));
    }
    Built built = real.compute(key, (k, old) -> old != null && old.account().equals(account.get()) ? old
        : new Built(account.get(), build(account.get())));
    return Optional.of(built.client());
  }

  private Map<Platform, PlatformClient> dryRun(String officeId) {
    return dryRun.computeIfAbsent(officeId, o -> {
      Path folder = dryRunRoot.resolve(o);
      Map<Platform, PlatformClient> clients = new EnumMap<>(Platform.class);
      DryRunPublisher.forAll(folder, clock).forEach((p, publisher) -> clients.put(p,
          PublisherClient.of(publisher, folder.toUri())));
      return clients;
    });
  }

  private PlatformClient build(PlatformAccounts.Account a) {
    Endpoint endpoint = endpoints.get(a.platform());
    CredentialProvider credentials = a.secretRef().provider();
    LOG.info("kantor / office {}: akun / account {} {} ({})", LogSafe.of(a.officeId()), a.platform().displayName(),
        LogSafe.of(a.accountId()), LogSafe.of(a.secretRef().value()));
    return switch (a.platform()) {
      case TELEGRAM -> new TelegramClient(endpoint, a.accountId(), a.displayUrl(), credentials, media, clock);
      case X -> new XClient(endpoint, a.accountId(), a.xUsername(), credentials, media, clock);
      case INSTAGRAM -> new InstagramClient(endpoint, a.accountId(), a.displayUrl(), credentials, mediaUrls, clock);
      case THREADS -> new ThreadsClient(endpoint, a.accountId(), a.displayUrl(), credentials, mediaUrls, clock);
      case FACEBOOK -> new FacebookClient(endpoint, a.accountId(), URI.create("https://www.facebook.com/"),
          credentials, mediaUrls, clock);
    };
  }
}
