package id.go.kpu.jdih.notify;

/**
 * The port for telling people about hand-offs and deadlines: one implementation per channel (e-mail, Telegram,
 * a dry run, ...). Implementations are thread-safe, put a time-out on every call, and never write a contact
 * address in full or a credential to a log, an exception message or a {@code toString} (use {@link Mask} and
 * {@link RedactedException}).
 *
 * <p>The {@link NotificationService} records one delivery per notification and channel, so a channel that fails
 * is retried without the others sending twice.
 */
public interface Notifier {

  /** A short stable name of the channel, part of each delivery's key, e.g. {@code email} or {@code telegram}. */
  String channel();

  /** True if this channel has an address for {@code contact}. */
  boolean canReach(Contact contact);

  /**
   * Sends {@code notification} to its recipient in the recipient's language.
   *
   * @throws NotificationException if it could not be sent: {@link NotificationException#permanent()} if trying
   *     again cannot help (the address does not exist), {@link NotificationException#retryAfter()} if the service
   *     said when to try again; otherwise it is retried with back-off
   */
  void send(Notification notification);
}
