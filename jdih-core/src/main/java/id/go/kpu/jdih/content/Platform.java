package id.go.kpu.jdih.content;

/** The social-media platforms a JDIH account publishes to. */
public enum Platform {
  /** Instagram (Graph API). */
  INSTAGRAM("Instagram"),
  /** A Facebook Page (Graph API). */
  FACEBOOK("Facebook"),
  /** Threads. */
  THREADS("Threads"),
  /** X (API v2). */
  X("X"),
  /** Telegram (Bot API), e.g. a channel. */
  TELEGRAM("Telegram");

  private final String displayName;

  Platform(String displayName) {
    this.displayName = displayName;
  }

  /** The platform's name as people write it. */
  public String displayName() {
    return displayName;
  }
}
