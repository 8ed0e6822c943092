package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.workflow.CaseId;
import java.time.Instant;

/**
 * A publication intent whose outcome is unknown (e.g. a time-out after the request left, see
 * {@link id.go.kpu.jdih.publish.PublishException#outcomeKnown()}): a person must check the platform and confirm
 * whether the post went out. The publishing outbox reports it through {@link PublicationConfirmationHook}.
 *
 * @param caseId the case
 * @param platform the platform
 * @param intentKey the publication intent's stable key (its idempotency key); one notice per intent
 * @param reason what happened, in both languages, without credentials
 * @param at when it was found
 */
public record PublicationNeedsConfirmation(CaseId caseId, Platform platform, String intentKey, Text reason,
    Instant at) {

  /** All fields are required; the intent key is not blank. */
  public PublicationNeedsConfirmation {
    checkNotNull(caseId, "caseId");
    checkNotNull(platform, "platform");
    checkNotNull(intentKey, "intentKey");
    checkArgument(!intentKey.isBlank(), "intentKey must not be blank");
    checkNotNull(reason, "reason");
    checkNotNull(at, "at");
  }
}
