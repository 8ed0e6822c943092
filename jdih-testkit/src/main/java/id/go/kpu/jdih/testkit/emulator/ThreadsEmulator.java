package id.go.kpu.jdih.testkit.emulator;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.http.AccessToken;
import java.net.URI;
import java.time.Clock;

/**
 * An emulation of the Threads API publishing endpoints ({@link GraphApiEmulator} in Threads' dialect):
 * {@code POST /{user}/threads} (TEXT, IMAGE, carousel item, CAROUSEL) returns a container id;
 * {@code GET /{container}} gives {@code status} and {@code error_message}; {@code POST /{user}/threads_publish}
 * publishes a FINISHED container once; {@code GET /{user}/threads_publishing_limit} gives the quota;
 * {@code GET /{user}/threads} lists the profile's posts.
 *
 * <p>A Threads adapter's test starts one with the adapter's client pointed at it:
 * {@code new ThreadsEmulator(clock, (endpoint, c) -> new MyThreadsClient(endpoint, ThreadsEmulator.USER,
 * ThreadsEmulator.TOKEN, c))}.
 */
public final class ThreadsEmulator extends GraphApiEmulator {

  /** The Threads user id of the emulated profile. */
  public static final String USER = "25000000000000001";
  /** The token requests must carry. */
  public static final AccessToken TOKEN = AccessToken.of("THQWJ-emulated-secret-token");
  /** Threads' dialect of the Graph API, for {@link #USER}. */
  public static final Dialect DIALECT = new Dialect(Platform.THREADS, USER, "threads", "threads_publish",
      "threads_publishing_limit", "threads", "text", "status", "error_message", "FAILED_DOWNLOADING_IMAGE", 20, true,
      id -> URI.create("https://www.threads.net/@jdih.kpu.mentawai/post/EMU" + id), "threads");

  /**
   * Starts the emulator on a free port of 127.0.0.1.
   *
   * @param clock the clock posts are stamped with
   * @param clients makes the client of the adapter under test
   */
  public ThreadsEmulator(Clock clock, ClientFactory clients) {
    super(clock, TOKEN, DIALECT, 18_000_000, clients);
  }
}
