package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * A request to read back the account's recent posts that may be an intent's post.
 *
 * @param intent the intent being reconciled
 * @param since posts created before this instant cannot be it (the first send, less an allowance for clock skew)
 */
public record PostLookup(PublicationIntent intent, Instant since) {

  /** Both fields are required. */
  public PostLookup {
    checkNotNull(intent, "intent");
    checkNotNull(since, "since");
  }
}
