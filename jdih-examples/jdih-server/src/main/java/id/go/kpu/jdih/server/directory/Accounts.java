package id.go.kpu.jdih.server.directory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.server.ServerProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login accounts: password hashes (Spring Security's delegating encoder, bcrypt by default), the server
 * administrator flag, and the lock-out after repeated failed logins. Thread-safe.
 */
@Component
public class Accounts {

  /** User names: lower-case letters, digits, dot, dash and underscore, 3 to 64 characters. */
  public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

  /** One account. */
  public record Account(String username, Optional<String> passwordHash, boolean serverAdmin, int failedAttempts,
      Optional<Instant> lockedUntil) {

    /** Whether the account is locked at {@code now}. */
    public boolean lockedAt(Instant now) {
      return lockedUntil.map(now::isBefore).orElse(false);
    }
  }

  private final JdbcClient db;
  private final PasswordEncoder encoder;
  private final ServerProperties properties;
  private final Clock clock;

  /** Accounts in the server's tables. */
  public Accounts(JdbcClient db, PasswordEncoder encoder, ServerProperties properties, Clock clock,
      ServerSchema schema) {
    this.db = checkNotNull(db, "db");
    this.encoder = checkNotNull(encoder, "encoder");
    this.properties = checkNotNull(properties, "properties");
    this.clock = checkNotNull(clock, "clock");
    checkNotNull(schema, "schema");
  }

  /** The account, if it exists. */
  public Optional<Account> find(String username) {
    return db.sql("SELECT username, password_hash, server_admin, failed_attempts, locked_until FROM jdih_account"
            + " WHERE username = ?").param(username)
        .query((r, i) -> new Account(r.getString(1), Optional.ofNullable(r.getString(2)), r.getBoolean(3),
            r.getInt(4), Optional.ofNullable(r.getObject(5, Long.class)).map(Instant::ofEpochMilli)))
        .optional();
  }

  /** Whether no account exists yet. */
  public boolean none() {
    return db.sql("SELECT COUNT(*) FROM jdih_account").query(Long.class).single() == 0;
  }

  /**
   * Creates an account; {@code password} empty for one that logs in through OIDC only.
   *
   * @return false if the user name is taken
   */
  @Transactional
  public boolean create(String username, Optional<String> password, boolean serverAdmin) {
    checkArgument(USERNAME.matcher(username).matches(), "user name");
    if (find(username).isPresent()) {
      return false;
    }
    db.sql("INSERT INTO jdih_account (username, password_hash, server_admin, failed_attempts, locked_until,"
            + " created_at) VALUES (?, ?, ?, 0, NULL, ?)")
        .params(username, password.map(encoder::encode).orElse(null), serverAdmin, clock.millis()).update();
    return true;
  }

  /** Whether {@code password} is the account's password. */
  public boolean matches(Account account, String password) {
    return account.passwordHash().map(h -> encoder.matches(password, h)).orElse(false);
  }

  /** Sets a new password and clears any lock. */
  public void setPassword(String username, String password) {
    checkNotNull(password, "password");
    db.sql("UPDATE jdih_account SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE username = ?")
        .params(encoder.encode(password), username).update();
  }

  /**
   * Counts a failed password login; at the configured number of failures in a row the account is locked for the
   * configured time. The update is one statement, so failures on several instances at once are all counted.
   */
  public void recordFailure(String username) {
    long lockUntil = clock.instant().plus(properties.lockout()).toEpochMilli();
    db.sql("UPDATE jdih_account SET failed_attempts = failed_attempts + 1,"
            + " locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END WHERE username = ?")
        .params(properties.maxFailedLogins(), lockUntil, username).update();
  }

  /** A successful login clears the count of failures. */
  public void recordSuccess(String username) {
    db.sql("UPDATE jdih_account SET failed_attempts = 0, locked_until = NULL WHERE username = ?").param(username)
        .update();
  }

  /** The server's clock. */
  public Instant now() {
    return clock.instant();
  }
}
