package id.go.kpu.jdih.publish;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.workflow.CaseId;

/**
 * What to publish on one platform.
 *
 * @param caseId the case
 * @param platform the platform
 * @param text the caption or text for this platform
 * @param media the media items, in order (empty for a text-only post)
 * @param idempotencyKey a key that is the same for every attempt at this publication
 */
public record PublishRequest(CaseId caseId, Platform platform, String text, ImmutableList<MediaItem> media,
    String idempotencyKey) {}
