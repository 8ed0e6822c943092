package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.content.Platform;
import java.net.URI;

/**
 * A {@link PlatformClient} over a one-call {@link Publisher} (such as the dry-run publisher), so that the outbox
 * can drive it: {@link PublishException#outcomeKnown()} true is {@link FailureKind#NOT_SENT}, false is
 * {@link FailureKind#AMBIGUOUS}; a publisher cannot be asked afterwards ({@link Reconciliation#NONE}), so an
 * ambiguous failure waits for a person. The publisher gets the intent id as its idempotency key. Thread-safe if the
 * publisher is.
 */
public final class PublisherClient implements PlatformClient {

  private final Publisher publisher;
  private final URI accountUrl;

  private PublisherClient(Publisher publisher, URI accountUrl) {
    this.publisher = publisher;
    this.accountUrl = accountUrl;
  }

  /**
   * A client over {@code publisher}.
   *
   * @param publisher the publisher
   * @param accountUrl the address where the account's posts can be seen (the fallback address of a post)
   * @return the client
   */
  public static PublisherClient of(Publisher publisher, URI accountUrl) {
    return new PublisherClient(checkNotNull(publisher, "publisher"), checkNotNull(accountUrl, "accountUrl"));
  }

  @Override
  public Platform platform() {
    return publisher.platform();
  }

  @Override
  public Reconciliation reconciliation() {
    return Reconciliation.NONE;
  }

  @Override
  public PostResult createPost(PostAttempt attempt, IdSink ids) {
    PublishedPost post;
    try {
      post = publisher.publish(attempt.intent().request());
    } catch (PublishException e) {
      throw new PlatformCallException(e.outcomeKnown() ? FailureKind.NOT_SENT : FailureKind.AMBIGUOUS, e.code(),
          e.text(), java.util.Optional.empty(), e);
    }
    ids.record(PlatformId.Kind.POST, post.postId());
    return new PostResult.Published(post);
  }

  @Override
  public URI postUrl(String postId) {
    return accountUrl;
  }
}
