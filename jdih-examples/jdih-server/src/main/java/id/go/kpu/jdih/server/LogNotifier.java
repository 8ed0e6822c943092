package id.go.kpu.jdih.server;

import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.Notification;
import id.go.kpu.jdih.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people through the server's log (channel {@code log}) until an office configures e-mail or Telegram, so
 * that every hand-off and reminder is recorded in the notification ledger and listed by the API. Writes one line
 * per notification, values escaped, no address and no body. Thread-safe; keeps nothing in memory.
 */
public final class LogNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(LogNotifier.class);

  @Override
  public String channel() {
    return "log";
  }

  @Override
  public boolean canReach(Contact contact) {
    return true;
  }

  @Override
  public void send(Notification n) {
    LOG.info("notification {} case {} activity {} to NIP {}", LogSafe.of(n.kind()), LogSafe.of(n.caseId()),
        n.activity().isPresent() ? n.activity().getAsInt() : "-", LogSafe.of(n.recipient().nip()));
  }
}
