package id.go.kpu.jdih.testkit.emulator;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.http.AccessToken;
import java.net.URI;
import java.time.Clock;

/**
 * An emulation of the Instagram Graph API content publishing endpoints ({@link GraphApiEmulator} in Instagram's
 * dialect): {@code POST /{ig}/media} (image, carousel item, carousel) returns a container id;
 * {@code GET /{container}} gives {@code status_code}; {@code POST /{ig}/media_publish} publishes a FINISHED
 * container once; {@code GET /{ig}/content_publishing_limit} gives the quota; {@code GET /{ig}/media} lists the
 * account's media.
 *
 * <p>An Instagram adapter's test starts one with the adapter's client pointed at it:
 * {@code new InstagramEmulator(clock, (endpoint, c) -> new MyInstagramClient(endpoint, InstagramEmulator.IG,
 * InstagramEmulator.TOKEN, c))}.
 */
public final class InstagramEmulator extends GraphApiEmulator {

  /** The Instagram user id of the emulated account. */
  public static final String IG = "17841400000000001";
  /** The token requests must carry. */
  public static final AccessToken TOKEN = AccessToken.of("IGQVJ-emulated-secret-token");
  /** Instagram's dialect of the Graph API, for {@link #IG}. */
  public static final Dialect DIALECT = new Dialect(Platform.INSTAGRAM, IG, "media", "media_publish",
      "content_publishing_limit", "media", "caption", "status_code", "status",
      "ERROR: the image could not be downloaded", 10, false,
      id -> URI.create("https://www.instagram.com/p/EMU" + id + "/"), "instagram");

  /**
   * Starts the emulator on a free port of 127.0.0.1.
   *
   * @param clock the clock posts are stamped with
   * @param clients makes the client of the adapter under test
   */
  public InstagramEmulator(Clock clock, ClientFactory clients) {
    super(clock, TOKEN, DIALECT, 18_000_000, clients);
  }
}
