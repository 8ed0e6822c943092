package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import java.net.URI;
import java.time.Instant;

/**
 * A post as read back from a platform's list of the account's recent posts.
 *
 * @param postId the platform's id
 * @param url its public address
 * @param text its caption or text as the platform returns it (empty if it has none)
 * @param createdAt when the platform created it
 */
public record RemotePost(String postId, URI url, String text, Instant createdAt) {

  /** All fields are required. */
  public RemotePost {
    checkNotNull(postId, "postId");
    checkNotNull(url, "url");
    checkNotNull(text, "text");
    checkNotNull(createdAt, "createdAt");
  }
}
