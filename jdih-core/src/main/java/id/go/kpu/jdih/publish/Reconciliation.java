package id.go.kpu.jdih.publish;

/** How a platform can tell, after an ambiguous failure, whether a post went out. */
public enum Reconciliation {
  /**
   * Instagram and Threads: the publishing container's status ({@code EXPIRED}, {@code ERROR}, {@code FINISHED},
   * {@code IN_PROGRESS}, {@code PUBLISHED}) says whether it was published; a container is published at most once.
   */
  CONTAINER_STATUS,
  /**
   * Facebook and X: the account's recent posts are read back and compared with the intent's text (see
   * {@link PostText}).
   */
  RECENT_POSTS,
  /**
   * No way to ask (the Telegram Bot API cannot read a channel's history): an ambiguous failure always needs a
   * person's confirmation.
   */
  NONE
}
