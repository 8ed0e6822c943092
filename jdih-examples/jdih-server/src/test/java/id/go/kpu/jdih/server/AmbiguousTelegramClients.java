package id.go.kpu.jdih.server;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.IdSink;
import id.go.kpu.jdih.publish.PlatformCallException;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.publish.PlatformClients;
import id.go.kpu.jdih.publish.PostAttempt;
import id.go.kpu.jdih.publish.PostResult;
import id.go.kpu.jdih.publish.PublisherClient;
import id.go.kpu.jdih.publish.Reconciliation;
import id.go.kpu.jdih.publish.dryrun.DryRunPublisher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Platform clients for tests of "needs confirmation": Telegram times out on every send after the request left (an
 * ambiguous outcome it cannot check), the other platforms post to the dry run.
 */
final class AmbiguousTelegramClients {

  private AmbiguousTelegramClients() {}

  /** The clients; each Telegram send counts in {@code sends}. */
  static PlatformClients clients(Clock clock, AtomicInteger sends) throws IOException {
    Path folder = Files.createTempDirectory("jdih-published");
    Map<Platform, PlatformClient> clients = new HashMap<>();
    DryRunPublisher.forAll(folder, clock).forEach((p, publisher) -> clients.put(p,
        PublisherClient.of(publisher, folder.toUri())));
    clients.put(Platform.TELEGRAM, new PlatformClient() {
      @Override
      public Platform platform() {
        return Platform.TELEGRAM;
      }

      @Override
      public Reconciliation reconciliation() {
        return Reconciliation.NONE;
      }

      @Override
      public PostResult createPost(PostAttempt attempt, IdSink ids) {
        sends.incrementAndGet();
        throw new PlatformCallException(FailureKind.AMBIGUOUS, "timeout", Text.of(
            "Waktu habis setelah permintaan terkirim", "Timed out after the request was sent"));
      }

      @Override
      public URI postUrl(String postId) {
        return URI.create("https://t.me/jdih_uji/" + postId);
      }
    });
    return (officeId, platform) -> Optional.ofNullable(clients.get(platform));
  }
}
