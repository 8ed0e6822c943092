package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Text;

/** The result of a {@link PlatformClient#createPost} call that did not fail. */
public sealed interface PostResult {

  /**
   * The platform published the post.
   *
   * @param post the post
   */
  record Published(PublishedPost post) implements PostResult {
    /** The post is required. */
    public Published {
      checkNotNull(post, "post");
    }
  }

  /**
   * Nothing was published yet and nothing failed: the platform is still preparing (an Instagram or Threads
   * container {@code IN_PROGRESS}). The delivery tries again after its poll interval; the attempt resumes from the
   * stored ids.
   *
   * @param reason what is being waited for
   */
  record NotReady(Text reason) implements PostResult {
    /** The reason is required. */
    public NotReady {
      checkNotNull(reason, "reason");
    }
  }
}
