package id.go.kpu.jdih.notify.email;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.notify.Mask;
import id.go.kpu.jdih.validation.Hosts;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and how to send e-mail: the SMTP server, its security, the login and the sender. Immutable;
 * {@link #toString()} never shows the password and masks the login and the sender.
 *
 * <pre>{@code
 * SmtpSettings smtp = SmtpSettings.builder("smtp.kpu-mentawai.go.id", 587)
 *     .security(SmtpSettings.Security.STARTTLS)
 *     .login("jdih@kpu-mentawai.go.id", System.getenv("JDIH_SMTP_PASSWORD"))
 *     .from("jdih@kpu-mentawai.go.id", "JDIH KPU Kab. Kepulauan Mentawai")
 *     .build();
 * }</pre>
 */
public final class SmtpSettings {

  /** How the connection is protected. */
  public enum Security {
    /** Plain SMTP: with a login, only for a server on this machine (localhost, 127.0.0.0/8, ::1). */
    NONE,
    /** SMTP upgraded with STARTTLS, which the server must offer (port 587). */
    STARTTLS,
    /** SMTP over TLS from the first byte (port 465). */
    SMTPS
  }

  private final String host;
  private final int port;
  private final Security security;
  private final Optional<String> username;
  private final Optional<String> password;
  private final String fromAddress;
  private final String fromName;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  private SmtpSettings(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.security = b.security;
    this.username = Optional.ofNullable(b.username);
    this.password = Optional.ofNullable(b.password);
    this.fromAddress = b.fromAddress;
    this.fromName = b.fromName;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
  }

  /** Settings for the server at {@code host}:{@code port}. */
  public static Builder builder(String host, int port) {
    return new Builder(host, port);
  }

  /** The server's host name. */
  public String host() {
    return host;
  }

  /** The server's port. */
  public int port() {
    return port;
  }

  /** How the connection is protected. */
  public Security security() {
    return security;
  }

  /** The login name, if the server wants a login. */
  public Optional<String> username() {
    return username;
  }

  Optional<String> password() {
    return password;
  }

  /** The sender's address. */
  public String fromAddress() {
    return fromAddress;
  }

  /** The sender's display name. */
  public String fromName() {
    return fromName;
  }

  /** The time-out for connecting. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The time-out for each read and write on the connection. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** The settings with the login masked and the password hidden. */
  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + ", " + security + ", login "
        + username.map(Mask::email).orElse("-") + ", password " + password.map(Mask::secret).orElse("-")
        + ", from " + Mask.email(fromAddress) + "]";
  }

  /** Builds {@link SmtpSettings}. */
  public static final class Builder {
    private final String host;
    private final int port;
    private Security security = Security.STARTTLS;
    private String username;
    private String password;
    private String fromAddress;
    private String fromName = "JDIH";
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(20);

    private Builder(String host, int port) {
      this.host = checkNotNull(host, "host").strip();
      this.port = port;
    }

    /** How the connection is protected (default {@link Security#STARTTLS}). */
    public Builder security(Security value) {
      this.security = checkNotNull(value, "security");
      return this;
    }

    /** The login; without it, no login is attempted. */
    public Builder login(String user, String secret) {
      this.username = checkNotNull(user, "user");
      this.password = checkNotNull(secret, "password");
      return this;
    }

    /** The sender (required). */
    public Builder from(String address, String displayName) {
      this.fromAddress = checkNotNull(address, "address").strip();
      this.fromName = checkNotNull(displayName, "displayName");
      return this;
    }

    /** The time-outs for connecting (default 10 s) and for each read and write (default 20 s). */
    public Builder timeouts(Duration connect, Duration read) {
      this.connectTimeout = checkNotNull(connect, "connect");
      this.readTimeout = checkNotNull(read, "read");
      return this;
    }

    /**
     * The settings.
     *
     * @throws InvalidSmtpSettingsException if the host, port, sender or time-outs are not usable, or a password
     *     would go unencrypted ({@link Security#NONE}) to another machine than this one
     */
    public SmtpSettings build() {
      if (host.isEmpty()) {
        throw new InvalidSmtpSettingsException(Text.of("host kosong", "the host is empty"));
      }
      if (port < 1 || port > 65_535) {
        throw new InvalidSmtpSettingsException(Text.of("port %s di luar 1-65535", "port %s is outside 1-65535")
            .format(port));
      }
      if (fromAddress == null) {
        throw new InvalidSmtpSettingsException(Text.of("alamat pengirim wajib diisi", "the sender is required"));
      }
      try {
        new InternetAddress(fromAddress, true);
      } catch (AddressException e) {
        throw new InvalidSmtpSettingsException(Text.of("alamat pengirim %s tidak sah", "the sender %s is invalid")
            .format(Mask.email(fromAddress)));
      }
      if (security == Security.NONE && password != null && !Hosts.isLoopback(host)) {
        // Without TLS the login travels readable by anyone between this machine and the server.
        throw new InvalidSmtpSettingsException(Text.of(
            "kata sandi SMTP tidak dikirim tanpa enkripsi ke %s: pakai STARTTLS (port 587) atau SMTPS (port 465); "
                + "tanpa enkripsi hanya untuk server di mesin ini (localhost)",
            "the SMTP password is not sent unencrypted to %s: use STARTTLS (port 587) or SMTPS (port 465); "
                + "unencrypted only for a server on this machine (localhost)").format(host));
      }
      for (Duration d : new Duration[] {connectTimeout, readTimeout}) {
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
          throw new InvalidSmtpSettingsException(Text.of("batas waktu %s tidak sah", "time-out %s is invalid")
              .format(d));
        }
      }
      return new SmtpSettings(this);
    }
  }
}
