package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.Person;
import java.time.Instant;

/**
 * The decision, taken when activity 7 (upload) is performed, to publish a case's content on one platform: what to
 * post, recorded as data before any call to the platform. An intent never changes; its progress is an
 * {@link IntentState}.
 *
 * @param id the stable id, {@link IntentId#of(CaseId, Platform, int)} of the other fields
 * @param caseId the case
 * @param platform the platform
 * @param round the attempt round, from 1
 * @param text the caption or text for this platform
 * @param media the media items in posting order; empty for a text-only post
 * @param requestedBy the person performing the upload activity, who is recorded as its actor on the case
 * @param requestedAt when the intent was recorded
 */
public record PublicationIntent(IntentId id, CaseId caseId, Platform platform, int round, String text,
    ImmutableList<MediaItem> media, Person requestedBy, Instant requestedAt) {

  /** Checks that every field is present and that the id is the one of the case, platform and round. */
  public PublicationIntent {
    checkNotNull(id, "id");
    checkNotNull(caseId, "caseId");
    checkNotNull(platform, "platform");
    checkNotNull(text, "text");
    checkNotNull(media, "media");
    checkNotNull(requestedBy, "requestedBy");
    checkNotNull(requestedAt, "requestedAt");
    checkArgument(id.equals(IntentId.of(caseId, platform, round)), "intent id %s does not match %s/%s/r%s", id,
        caseId, platform, round);
  }

  /** What to publish, as the {@link Publisher} port takes it; the idempotency key is the intent id. */
  public PublishRequest request() {
    return new PublishRequest(caseId, platform, text, media, id.value());
  }
}
