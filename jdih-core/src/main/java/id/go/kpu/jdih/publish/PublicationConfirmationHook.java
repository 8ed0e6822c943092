package id.go.kpu.jdih.publish;

/**
 * What the publishing outbox calls when a publication intent needs a person's confirmation. The notifications'
 * {@code NotificationService} implements it by recording a {@code NEEDS_CONFIRMATION} notice for the escalation
 * role (the Kasubag Hukum), sent on its next tick. Implementations are thread-safe, quick and idempotent per
 * {@link PublicationNeedsConfirmation#intentKey() intent key}.
 */
@FunctionalInterface
public interface PublicationConfirmationHook {

  /** A hook that does nothing, for an outbox without notifications. */
  PublicationConfirmationHook NONE = event -> { };

  /** Reports {@code event}; calling it again for the same intent key changes nothing. */
  void needsConfirmation(PublicationNeedsConfirmation event);
}
