package id.go.kpu.jdih.publish;

import id.go.kpu.jdih.content.Platform;
import java.util.Optional;

/**
 * Which client publishes an office's posts on a platform: every office has its own accounts. A server hosting
 * several offices gives each office its clients; one office's application simply has one client per platform.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface PlatformClients {

  /**
   * The client of {@code officeId}'s account on {@code platform}.
   *
   * @return the client, or empty if the office has no account there (its intents then wait)
   */
  Optional<PlatformClient> client(String officeId, Platform platform);
}
