package id.go.kpu.jdih.publish;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import java.net.URI;

/**
 * The port the {@link OutboxDelivery} publishes through: one platform's publishing steps, able to resume from the
 * ids of an earlier attempt and to answer the questions a reconciliation asks. Richer than {@link Publisher}, which
 * it does not replace.
 *
 * <p>Implementations are thread-safe, put a time-out on every call, never write a credential to a log, an
 * exception message or a {@code toString}, and classify every failure as a {@link PlatformCallException} of the
 * right {@link FailureKind}: above all, a failure after the publishing request may have reached the platform must
 * be {@link FailureKind#AMBIGUOUS}, never {@link FailureKind#NOT_SENT}.
 */
public interface PlatformClient {

  /** The platform this client posts to. */
  Platform platform();

  /** How this platform can be asked whether an ambiguous attempt published. */
  Reconciliation reconciliation();

  /**
   * Publishes the attempt's intent, continuing from {@link PostAttempt#known()}: ids known from earlier attempts are
   * reused, not made again. Each new platform id is passed to {@code ids} the moment the platform returns it.
   *
   * @param attempt the intent and what earlier attempts left
   * @param ids where new platform ids go, before the next call is made
   * @return the published post, or {@link PostResult.NotReady} while the platform is still preparing
   * @throws PlatformCallException if a call failed
   */
  PostResult createPost(PostAttempt attempt, IdSink ids);

  /**
   * The status of a container, for {@link Reconciliation#CONTAINER_STATUS} platforms.
   *
   * @param containerId the container
   * @return its status
   * @throws PlatformCallException if the platform could not be asked
   * @throws UnsupportedOperationException on other platforms
   */
  default ContainerCheck checkStatus(String containerId) {
    throw new UnsupportedOperationException(platform().displayName() + " has no publishing containers");
  }

  /**
   * The account's recent posts since {@link PostLookup#since()}, newest first as far as the platform orders them;
   * the caller picks the intent's post among them.
   *
   * @param lookup the intent and the earliest creation time of interest
   * @return the posts
   * @throws PlatformCallException if the platform could not be asked
   * @throws UnsupportedOperationException where the platform offers no such list ({@link Reconciliation#NONE})
   */
  default ImmutableList<RemotePost> findRecentPosts(PostLookup lookup) {
    throw new UnsupportedOperationException(platform().displayName() + " cannot list the account's posts");
  }

  /**
   * A public address for a post known only by its id (the id was stored but the call that would have returned the
   * address failed): the post's own address where the platform's id gives it, else the account's page.
   *
   * @param postId the platform's post id
   * @return an address where the post can be found
   */
  URI postUrl(String postId);
}
