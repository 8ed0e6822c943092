/**
 * Hand-offs and reminders: every arrow between lanes of the SOP's flowchart tells the next person, the moment the
 * embedder's tick sees it, that the work is theirs and by when; late work reaches the Kasubag Hukum.
 *
 * <ul>
 *   <li>{@link id.go.kpu.jdih.notify.NotificationPolicy} decides who is told what, from the definition;
 *   <li>{@link id.go.kpu.jdih.notify.NotificationTemplates} (default
 *       {@link id.go.kpu.jdih.notify.PlaceholderTemplates}) words it, in Indonesian and English;
 *   <li>{@link id.go.kpu.jdih.notify.PersonDirectory} (port) says who holds which role and how to reach them
 *       ({@link id.go.kpu.jdih.notify.Contact});
 *   <li>{@link id.go.kpu.jdih.notify.NotificationLedger} (port; {@link
 *       id.go.kpu.jdih.notify.InMemoryNotificationLedger}) records each delivery under a stable key, so none is
 *       sent twice and a failed one is retried;
 *   <li>{@link id.go.kpu.jdih.notify.Notifier} (port, one per channel; {@link
 *       id.go.kpu.jdih.notify.DryRunNotifier} in core, e-mail and Telegram in adapter modules) sends;
 *   <li>{@link id.go.kpu.jdih.notify.NotificationService#tick} ties them together without a thread of its own.
 * </ul>
 *
 * <p>Contact addresses are masked ({@link id.go.kpu.jdih.notify.Mask}) in every log line, exception message and
 * {@code toString} of this package. Error codes: {@code JDIH-NOTIFY-001} send failed (retried),
 * {@code -002} rate limited (retried after the wait asked for), {@code -003} refused for good, {@code -004} invalid
 * contact, {@code -005} invalid template.
 */
@NullMarked
package id.go.kpu.jdih.notify;

import org.jspecify.annotations.NullMarked;
