package id.go.kpu.jdih.store.jdbc;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.Notification;
import id.go.kpu.jdih.notify.NotificationException;
import id.go.kpu.jdih.notify.Notifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A notification channel shared by several JVMs whose inbox is a table of the test's database: every message it
 * receives is a row (the ground truth of the multi-instance test), with the delivery key and the sending worker.
 * A send takes a few random milliseconds.
 */
final class FakeDbNotifier implements Notifier {

  static final String CHANNEL = "kotak-uji";

  static String ddl() {
    return "CREATE TABLE fake_inbox (delivery_key VARCHAR(512) NOT NULL, worker VARCHAR(64) NOT NULL)";
  }

  private final String url;
  private final String worker;
  private final boolean hangs;

  /** A notifier; one that {@code hangs} never returns from a send, as a process stuck in a call before it dies. */
  FakeDbNotifier(String url, String worker, boolean hangs) {
    this.url = url;
    this.worker = worker;
    this.hangs = hangs;
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public boolean canReach(Contact contact) {
    return true;
  }

  @Override
  public void send(Notification notification) {
    while (hangs) {
      LockSupport.park(this);
    }
    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(500_000, 4_000_000));
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement("INSERT INTO fake_inbox (delivery_key, worker) VALUES (?, ?)")) {
      ps.setString(1, notification.key() + "/via/" + CHANNEL);
      ps.setString(2, worker);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new NotificationException(Text.of(e.getMessage(), e.getMessage()), e);
    }
  }
}
