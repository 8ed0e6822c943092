package id.go.kpu.jdih.publish;

/**
 * The publishing status of an Instagram or Threads media container, as the Graph API's IG Container
 * {@code status_code} field and the Threads container {@code status} field report it.
 */
public enum ContainerStatus {
  /** Not published within 24 hours; it can no longer be published. */
  EXPIRED,
  /** The container could not be prepared (for example the image could not be downloaded). */
  ERROR,
  /** Ready to publish. */
  FINISHED,
  /** Still being prepared. */
  IN_PROGRESS,
  /** Its media object has been published. */
  PUBLISHED
}
