package id.go.kpu.jdih.server.directory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.validation.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each office's accounts on the platforms: the account's id, its public address and a {@link SecretRef} to its
 * token (never the token). Thread-safe.
 */
@Component
public class PlatformAccounts {

  /**
   * An office's account on a platform. Its {@code toString} shows the reference, which is not secret.
   *
   * @param officeId the office
   * @param platform the platform
   * @param accountId the Graph or X user id, the Facebook page id, the Telegram chat ({@code @channel} or its id)
   * @param displayUrl the account's public address
   * @param secretRef where its token is
   * @param createdAt when the account was first set
   * @param updatedAt when it was last set: clients built from an older row are rebuilt
   */
  public record Account(String officeId, Platform platform, String accountId, URI displayUrl, SecretRef secretRef,
      Instant createdAt, Instant updatedAt) {

    /** For X: the handle in the address {@code https://x.com/<handle>}. */
    public String xUsername() {
      Matcher m = X_PROFILE.matcher(displayUrl.toString());
      if (!m.matches()) {
        throw new IllegalStateException("not an X profile address");
      }
      return m.group(1);
    }
  }

  /** The ids each platform's adapter accepts. */
  static final Pattern GRAPH_ID = Pattern.compile("[0-9]{1,32}");
  static final Pattern X_ID = Pattern.compile("[0-9]{1,25}");
  static final Pattern TELEGRAM_CHAT = Pattern.compile("@[A-Za-z0-9_]{5,32}|-?[0-9]{1,20}");
  static final Pattern X_PROFILE = Pattern.compile("https://(?:www\\.)?(?:x|twitter)\\.com/([A-Za-z0-9_]{1,15})/?");

  private final JdbcClient db;
  private final Clock clock;

  /** The accounts in the server's tables. */
  public PlatformAccounts(JdbcClient db, Clock clock, ServerSchema schema) {
    this.db = checkNotNull(db, "db");
    this.clock = checkNotNull(clock, "clock");
    checkNotNull(schema, "schema");
  }

  /** The platform named {@code name} (e.g. {@code TELEGRAM}); 400 naming {@code platform} otherwise. */
  public static Platform platform(String name) {
    try {
      return Platform.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ServerException.badField("platform", "Platform", Text.of(
          "harus INSTAGRAM, FACEBOOK, THREADS, X atau TELEGRAM", "must be INSTAGRAM, FACEBOOK, THREADS, X or TELEGRAM"));
    }
  }

  /**
   * Checks an account's fields as the platform's adapter will: the id's form, an {@code https} address (for X,
   * the profile's), and a reference rather than a token.
   *
   * @throws ServerException {@code BAD_REQUEST} naming every field at fault (never quoting the reference)
   */
  public static void check(Platform platform, String accountId, String displayUrl, String secretRef) {
    List<Violation> errors = new ArrayList<>();
    Pattern id = switch (platform) {
      case TELEGRAM -> TELEGRAM_CHAT;
      case X -> X_ID;
      default -> GRAPH_ID;
    };
    if (accountId == null || !id.matcher(accountId).matches()) {
      errors.add(new Violation("accountId", "AccountId", platform == Platform.TELEGRAM
          ? Text.of("harus @kanal (5-32 huruf, angka, _) atau id obrolan numerik",
              "must be @channel (5-32 letters, digits, _) or a numeric chat id")
          : Text.of("harus id numerik akun %s", "must be the numeric id of the %s account")
              .format(platform.displayName())));
    }
    if (displayUrl == null || displayUrl.length() > 500 || !https(displayUrl)) {
      errors.add(new Violation("displayUrl", "HttpsUrl", Text.of("harus alamat https:// (paling banyak 500 karakter)",
          "must be an https:// address (at most 500 characters)")));
    } else if (platform == Platform.X && !X_PROFILE.matcher(displayUrl).matches()) {
      errors.add(new Violation("displayUrl", "XProfile", Text.of("harus https://x.com/<nama-akun>",
          "must be https://x.com/<handle>")));
    }
    Optional<Text> ref = SecretRef.problem(secretRef);
    if (ref.isPresent()) {
      errors.add(new Violation("secretRef", secretRef != null && SecretRef.looksLikeToken(secretRef) ? "NotARawToken"
          : "SecretRef", ref.get()));
    }
    if (!errors.isEmpty()) {
      throw new ServerException(ServerException.Kind.BAD_REQUEST, Text.of("Permintaan tidak sah: %s",
          "Invalid request: %s").format(errors.stream().map(Violation::path).distinct()
          .reduce((a, b) -> a + ", " + b).orElse("")), errors);
    }
  }

  private static boolean https(String value) {
    try {
      URI u = new URI(value);
      return "https".equals(u.getScheme()) && u.getHost() != null && u.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The office's accounts, by platform. */
  public ImmutableList<Account> list(String officeId) {
    return ImmutableList.copyOf(db.sql("SELECT office_id, platform, account_id, display_url, secret_ref, created_at,"
        + " updated_at FROM jdih_platform_account WHERE office_id = ? ORDER BY platform").param(officeId)
        .query(PlatformAccounts::row).list());
  }

  /** The office's account on {@code platform}. */
  public Optional<Account> find(String officeId, Platform platform) {
    return db.sql("SELECT office_id, platform, account_id, display_url, secret_ref, created_at, updated_at"
        + " FROM jdih_platform_account WHERE office_id = ? AND platform = ?").params(officeId, platform.name())
        .query(PlatformAccounts::row).optional();
  }

  /** Sets the office's account on {@code platform} (checked first, see {@link #check}). */
  @Transactional
  public Account put(String officeId, Platform platform, String accountId, String displayUrl, String secretRef) {
    check(platform, accountId, displayUrl, secretRef);
    long now = clock.millis();
    // updated_at strictly increases, so that a change within one millisecond still rebuilds the clients.
    long updated = Math.max(now, find(officeId, platform).map(a -> a.updatedAt().toEpochMilli() + 1).orElse(now));
    int n = db.sql("UPDATE jdih_platform_account SET account_id = ?, display_url = ?, secret_ref = ?, updated_at = ?"
        + " WHERE office_id = ? AND platform = ?")
        .params(accountId, displayUrl, secretRef, updated, officeId, platform.name()).update();
    if (n == 0) {
      db.sql("INSERT INTO jdih_platform_account (office_id, platform, account_id, display_url, secret_ref, created_at,"
          + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(officeId, platform.name(), accountId, displayUrl, secretRef, now, now).update();
    }
    return find(officeId, platform).orElseThrow();
  }

  /** Removes the office's account on {@code platform}; false if there was none. */
  public boolean delete(String officeId, Platform platform) {
    return db.sql("DELETE FROM jdih_platform_account WHERE office_id = ? AND platform = ?")
        .params(officeId, platform.name()).update() > 0;
  }

  private static Account row(java.sql.ResultSet r, int i) throws java.sql.SQLException {
    return new Account(r.getString(1), Platform.valueOf(r.getString(2)), r.getString(3), URI.create(r.getString(4)),
        new SecretRef(r.getString(5)), Instant.ofEpochMilli(r.getLong(6)), Instant.ofEpochMilli(r.getLong(7)));
  }
}
