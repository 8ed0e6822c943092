package id.go.kpu.jdih.publish;

import id.go.kpu.jdih.content.Platform;

/**
 * The port for publishing content to one social-media platform (activity 7 of the reference SOP). Implementations
 * are thread-safe, put a time-out on every call, and never write a credential to a log, an exception message or a
 * {@code toString}.
 */
public interface Publisher {

  /** The platform this publisher posts to. */
  Platform platform();

  /**
   * Publishes {@code request}.
   *
   * @return the platform's post
   * @throws PublishException if it failed; {@link PublishException#outcomeKnown()} tells whether the post may
   *     still have gone out
   */
  PublishedPost publish(PublishRequest request);
}
