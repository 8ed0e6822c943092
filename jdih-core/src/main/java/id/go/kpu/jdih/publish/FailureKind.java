package id.go.kpu.jdih.publish;

/**
 * How a failed call to a platform is treated. An adapter classifies every failure into one of these; the
 * {@link OutboxDelivery} acts on the kind alone, so the never-twice guarantee does not depend on platform details.
 */
public enum FailureKind {
  /**
   * The platform certainly did not publish (the connection was never made, a preparatory call failed, a 5xx on a
   * call that cannot publish): retried with exponential back-off.
   */
  NOT_SENT("JDIH-PUBLISH-010"),
  /**
   * The post may have gone out: a time-out or a reset after the publishing request left, a 5xx or a transient error
   * on the publishing call, Instagram's 2207051. The delivery reconciles with the platform before anything else.
   */
  AMBIGUOUS("JDIH-PUBLISH-011"),
  /** Refused for a rate limit (HTTP 429, Graph codes 4, 17, 32, 613): not published; retried after the reset. */
  RATE_LIMITED("JDIH-PUBLISH-012"),
  /** The account's publishing quota is used up (Graph 9 / 2207042): not published; retried later. */
  QUOTA_REACHED("JDIH-PUBLISH-013"),
  /** A dead or expired token or a missing permission: not published; stops as FAILED until a person acts. */
  AUTH("JDIH-PUBLISH-014"),
  /** The platform refused the post itself (bad parameters, a media container in ERROR): not published; FAILED. */
  REJECTED("JDIH-PUBLISH-015"),
  /**
   * The platform says the same content was just posted (X 403 duplicate content, Graph 506): the delivery looks for
   * the existing post instead of sending again.
   */
  DUPLICATE("JDIH-PUBLISH-016"),
  /** The Instagram or Threads container expired unpublished (24 h): a new container is made. */
  CONTAINER_EXPIRED("JDIH-PUBLISH-017");

  private final String code;

  FailureKind(String code) {
    this.code = code;
  }

  /** The stable code of a {@link PlatformCallException} of this kind. */
  public String code() {
    return code;
  }
}
