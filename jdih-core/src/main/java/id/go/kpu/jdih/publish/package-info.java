/**
 * Publishing (activity 7 of the reference SOP): what each platform accepts, the ports to the platforms, and the
 * outbox that publishes without ever posting twice.
 *
 * <p><b>Platform rules.</b> What each platform accepts in a post, as data: caption length (counted the platform's
 * way), hashtag and mention limits, media types, sizes, aspect ratios, widths and item counts, and the checks of a
 * caption and of media against them as bilingual {@link id.go.kpu.jdih.validation.Violation}s. The built-in limits
 * ({@link id.go.kpu.jdih.publish.PlatformRules#of(id.go.kpu.jdih.content.Platform)}) follow the platforms'
 * published contracts as the project's domain brief records them; an office whose platform changes a limit
 * replaces that platform's rules in a {@link id.go.kpu.jdih.publish.PlatformRuleBook} instead of waiting for a
 * release.
 *
 * <p><b>Ports.</b> {@link id.go.kpu.jdih.publish.Publisher} is the simple one-call port (the dry-run publisher);
 * {@link id.go.kpu.jdih.publish.PlatformClient} is the richer port the outbox needs: resumable publishing steps that
 * report every platform id at once, a container status check, a read-back of recent posts, and failures classified
 * by {@link id.go.kpu.jdih.publish.FailureKind}. Graph API adapters get image addresses through
 * {@link id.go.kpu.jdih.publish.PublicMediaUrls}; X and Telegram adapters upload bytes from the
 * {@link id.go.kpu.jdih.media.MediaStore}.
 *
 * <p><b>Outbox.</b> {@link id.go.kpu.jdih.publish.OutboxDelivery#requestPublication} records a
 * {@link id.go.kpu.jdih.publish.PublicationIntent} per target platform (id {@code <case>.<platform>.r<round>});
 * {@link id.go.kpu.jdih.publish.OutboxDelivery#deliverDue()}, called by the embedder, publishes, stores every
 * platform id in the {@link id.go.kpu.jdih.publish.OutboxStore} the moment it is known, retries with back-off,
 * honours rate limits, reconciles with the platform after an ambiguous failure, and records each post on its case.
 * An intent's {@link id.go.kpu.jdih.publish.IntentStatus} is PENDING, IN_PROGRESS, PUBLISHED, RETRY_SCHEDULED,
 * NEEDS_CONFIRMATION (a person must say whether the post is there) or FAILED (certainly not published).
 *
 * <p>Everything here is pure: no I/O and no threads; time comes from an injected clock.
 */
@NullMarked
package id.go.kpu.jdih.publish;

import org.jspecify.annotations.NullMarked;
