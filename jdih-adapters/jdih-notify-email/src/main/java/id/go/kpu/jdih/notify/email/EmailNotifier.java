package id.go.kpu.jdih.notify.email;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.Mask;
import id.go.kpu.jdih.notify.Notification;
import id.go.kpu.jdih.notify.NotificationException;
import id.go.kpu.jdih.notify.Notifier;
import id.go.kpu.jdih.notify.RedactedException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications by e-mail over SMTP (Jakarta Mail with Angus Mail), one plain-text UTF-8 message per
 * notification in the recipient's language, on channel {@value #CHANNEL}.
 *
 * <p>Each message carries the notification's key in the header {@code X-JDIH-Notification} and a
 * {@code Message-ID} derived from it, so a retry after an unclear failure has the same id and mail clients can
 * recognise it. A reply 5xx to the recipient or the message, or a malformed address, is a
 * {@linkplain NotificationException#permanent() permanent} refusal; everything else (no connection, time-out,
 * 4xx, login refused) is retried by the {@link id.go.kpu.jdih.notify.NotificationService}.
 *
 * <p>Thread-safe: each send opens its own connection. Addresses are masked and the password never appears in a
 * log line, an exception message or a {@code toString}.
 */
public final class EmailNotifier implements Notifier {

  /** The channel name. */
  public static final String CHANNEL = "email";

  private static final Logger LOG = LoggerFactory.getLogger(EmailNotifier.class);

  private final SmtpSettings settings;
  private final Session session;
  private final Clock clock;
  private final InternetAddress from;
  private final String protocol;

  /** A notifier sending through {@code settings}. */
  public EmailNotifier(SmtpSettings settings) {
    this(settings, Clock.systemUTC());
  }

  /** A notifier sending through {@code settings}, dating messages with {@code clock}. */
  public EmailNotifier(SmtpSettings settings, Clock clock) {
    this.settings = checkNotNull(settings, "settings");
    this.clock = checkNotNull(clock, "clock");
    this.protocol = settings.security() == SmtpSettings.Security.SMTPS ? "smtps" : "smtp";
    this.session = Session.getInstance(properties(settings, protocol));
    try {
      this.from = new InternetAddress(settings.fromAddress(), settings.fromName(), StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }

  private static Properties properties(SmtpSettings s, String protocol) {
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.put("mail.transport.protocol", protocol);
    props.put(p + "host", s.host());
    props.put(p + "port", Integer.toString(s.port()));
    props.put(p + "connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
    props.put(p + "timeout", Long.toString(s.readTimeout().toMillis()));
    props.put(p + "writetimeout", Long.toString(s.readTimeout().toMillis()));
    props.put(p + "from", s.fromAddress());
    props.put(p + "auth", Boolean.toString(s.username().isPresent()));
    if (s.security() == SmtpSettings.Security.STARTTLS) {
      props.put(p + "starttls.enable", "true");
      props.put(p + "starttls.required", "true");
    }
    if (s.security() != SmtpSettings.Security.NONE) {
      props.put(p + "ssl.checkserveridentity", "true");
    }
    return props;
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public boolean canReach(Contact contact) {
    return contact.email().isPresent();
  }

  @Override
  public void send(Notification notification) {
    checkNotNull(notification, "notification");
    Contact to = notification.recipient();
    String address = to.email().orElseThrow(() -> NotificationException.permanent(Text.of(
        "%s tidak punya alamat e-mail", "%s has no e-mail address").format(to), null));
    UnaryOperator<String> scrub = scrubber(address);
    try {
      MimeMessage m = new KeyedMessage(session, messageId(notification.key()));
      m.setFrom(from);
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(address, to.name(), StandardCharsets.UTF_8.name()));
      m.setSubject(notification.subjectText(), StandardCharsets.UTF_8.name());
      m.setText(notification.bodyText(), StandardCharsets.UTF_8.name());
      m.setSentDate(Date.from(clock.instant()));
      m.setHeader("X-JDIH-Notification", notification.key());
      m.setHeader("Content-Language", notification.language() == Language.EN ? "en" : "id");
      m.saveChanges();
      try (Transport t = session.getTransport(protocol)) {
        t.connect(settings.host(), settings.port(), settings.username().orElse(null),
            settings.password().orElse(null));
        t.sendMessage(m, m.getAllRecipients());
      }
      LOG.debug("e-mail {} sent to {} through {}:{}", LogSafe.of(notification.key()), LogSafe.of(Mask.email(address)),
          settings.host(),
          settings.port());
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw classify(e, Mask.email(address), scrub);
    }
  }

  private NotificationException classify(Exception e, String maskedTo, UnaryOperator<String> scrub) {
    RedactedException cause = RedactedException.of(e, scrub);
    Text detail = Text.of("e-mail ke %s melalui %s:%s gagal: %s", "e-mail to %s through %s:%s failed: %s")
        .format(maskedTo, settings.host(), settings.port(), describe(cause));
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
        return NotificationException.permanent(detail, cause);
      }
      if (t instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) {
        return NotificationException.permanent(detail, cause);
      }
      if (t instanceof AuthenticationFailedException) {
        return new NotificationException(Text.of("server SMTP %s:%s menolak login; periksa pengaturan (%s)",
            "the SMTP server %s:%s refused the login; check the settings (%s)")
            .format(settings.host(), settings.port(), describe(cause)), cause);
      }
    }
    if (e instanceof SendFailedException f && f.getInvalidAddresses() != null
        && f.getInvalidAddresses().length > 0 && f.getValidSentAddresses() == null
        && !(f.getCause() instanceof MessagingException)) {
      return NotificationException.permanent(detail, cause);
    }
    return new NotificationException(detail, cause);
  }

  /** The chain's classes and (already scrubbed) messages, e.g. {@code SendFailedException: ...; SMTP...: 550 ...}. */
  private static String describe(RedactedException chain) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = chain; t != null; t = t.getCause()) {
      RedactedException r = (RedactedException) t;
      String name = r.originalClass().substring(r.originalClass().lastIndexOf('.') + 1);
      String message = r.getMessage().substring(r.originalClass().length()).replaceFirst("^: ", "");
      sb.append(sb.length() == 0 ? "" : "; ").append(name).append(message.isEmpty() ? "" : ": " + message);
    }
    return sb.toString();
  }

  private UnaryOperator<String> scrubber(String address) {
    ImmutableMap.Builder<String, String> secrets = ImmutableMap.builder();
    secrets.put(address, Mask.email(address));
    settings.username().ifPresent(u -> secrets.put(u, Mask.email(u)));
    settings.password().filter(p -> !p.isEmpty()).ifPresent(p -> secrets.put(p, Mask.HIDDEN));
    Map<String, String> map = secrets.buildKeepingLast();
    return s -> Mask.scrub(s, map);
  }

  private String messageId(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      String domain = settings.fromAddress().substring(settings.fromAddress().lastIndexOf('@') + 1);
      return "<" + HexFormat.of().formatHex(hash, 0, 16) + ".jdih@" + domain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  @Override
  public String toString() {
    return "EmailNotifier[" + settings + "]";
  }

  /** A message whose Message-ID is fixed by its notification's key. */
  private static final class KeyedMessage extends MimeMessage {
    private final String id;

    KeyedMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
