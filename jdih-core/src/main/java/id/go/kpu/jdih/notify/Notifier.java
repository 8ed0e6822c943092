package id.go.kpu.jdih.notify;

/**
 * The port for telling people about hand-offs and deadlines (e-mail, Telegram, ...). Implementations are
 * thread-safe and never log a person's contact address in full.
 */
public interface Notifier {

  /**
   * Sends {@code notification}.
   *
   * @throws NotificationException if it could not be sent; the caller keeps it to retry later
   */
  void send(Notification notification);
}
