package id.go.kpu.jdih.testkit.publish;

/**
 * What an emulated platform does with one incoming request. Emulators consume one fault per request, in order;
 * a fault that does not apply to a request (a container fault on a tweet) behaves as {@link #NONE}.
 */
public enum NetFault {
  /** Handled normally. */
  NONE,
  /** The connection is reset before the platform acts. */
  RESET_BEFORE,
  /** The platform acts, then the connection is reset before the response. */
  RESET_AFTER,
  /** The platform does not act; the response comes after the client's time-out. */
  TIMEOUT_BEFORE,
  /** The platform acts; the response comes after the client's time-out. */
  TIMEOUT_AFTER,
  /** A 5xx (the platform did not act). */
  SERVER_ERROR,
  /** Refused for a rate limit with the platform's retry signal. */
  RATE_LIMIT,
  /** Refused: the token is dead (Graph 190, X 401, Telegram 401). */
  AUTH,
  /** Refused at publish: the publishing quota is used up (Instagram, Threads only). */
  QUOTA,
  /** The container being created ends in ERROR (Instagram, Threads only). */
  CONTAINER_ERROR,
  /** The container being created expires unpublished (Instagram, Threads only). */
  CONTAINER_EXPIRED,
  /** The container being created stays IN_PROGRESS for two status checks (Instagram, Threads only). */
  CONTAINER_SLOW;

  /** True for the faults that make a client wait for its time-out (they cost real time against a server). */
  public boolean isTimeout() {
    return this == TIMEOUT_BEFORE || this == TIMEOUT_AFTER;
  }
}
