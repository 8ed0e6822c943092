package id.go.kpu.jdih.server.directory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.hash.Hashing;
import com.google.common.io.BaseEncoding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * API tokens for machine clients such as an office's PHP JDIH site. A token is {@code jdih_<id>_<secret>}: the id
 * finds the row, and only the SHA-256 of the secret is stored, compared in constant time. A token acts as the
 * person of its account in its office, limited to its scopes; it is shown once, when issued. Thread-safe.
 */
@Component
public class ApiTokens {

  /** What a token may do. */
  public enum Scope {
    /** Read cases, timelines, events, media. */
    CASES_READ("cases:read"),
    /** Propose content and perform activities (as the token's person, with that person's roles). */
    CASES_WRITE("cases:write"),
    /** Read the SOP, its lint and exports. */
    SOP_READ("sop:read"),
    /** Compliance report, monitoring form and archives. */
    REPORTS_READ("reports:read");

    private final String value;

    Scope(String value) {
      this.value = value;
    }

    /** The scope as written in requests and responses, e.g. {@code cases:read}. */
    public String value() {
      return value;
    }

    /** The scope written {@code value}. */
    public static Optional<Scope> of(String value) {
      return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
  }

  /** A token as listed: never its secret. */
  public record TokenInfo(String id, String username, String officeId, String label, ImmutableSet<Scope> scopes,
      Instant createdAt, Optional<Instant> expiresAt, Optional<Instant> revokedAt) {}

  /** What a presented token grants. */
  public record Grant(String tokenId, String username, String officeId, ImmutableSet<Scope> scopes) {}

  private static final Pattern FORMAT = Pattern.compile("jdih_([a-z2-7]{16})_([a-z2-7]{52})");
  private static final BaseEncoding BASE32 = BaseEncoding.base32().lowerCase().omitPadding();

  private final JdbcClient db;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** Tokens in the server's tables. */
  public ApiTokens(JdbcClient db, Clock clock, ServerSchema schema) {
    this.db = checkNotNull(db, "db");
    this.clock = checkNotNull(clock, "clock");
    checkNotNull(schema, "schema");
  }

  /** Issues a token; the returned string is the only time the secret is seen. */
  public String issue(String username, String officeId, String label, Set<Scope> scopes, Optional<Instant> expires) {
    checkArgument(!scopes.isEmpty(), "scopes");
    String id = BASE32.encode(bytes(10));
    String secret = BASE32.encode(bytes(32)).substring(0, 52);
    db.sql("INSERT INTO jdih_api_token (token_id, secret_sha256, username, office_id, label, scopes, created_at,"
            + " expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)")
        .params(id, sha256(secret), username, officeId, label, write(scopes), clock.millis(),
            expires.map(Instant::toEpochMilli).orElse(null))
        .update();
    return "jdih_" + id + "_" + secret;
  }

  /** What {@code token} grants now: empty if it is malformed, unknown, revoked, expired or its secret is wrong. */
  public Optional<Grant> authenticate(String token) {
    Matcher m = FORMAT.matcher(token);
    if (!m.matches()) {
      return Optional.empty();
    }
    String id = m.group(1);
    byte[] presented = sha256(m.group(2)).getBytes(StandardCharsets.US_ASCII);
    long now = clock.millis();
    return db.sql("SELECT secret_sha256, username, office_id, scopes, expires_at, revoked_at FROM jdih_api_token"
            + " WHERE token_id = ?").param(id)
        .query((r, i) -> {
          boolean ok = MessageDigest.isEqual(presented, r.getString(1).getBytes(StandardCharsets.US_ASCII))
              && r.getObject(6) == null && (r.getObject(5) == null || r.getLong(5) > now);
          return ok ? Optional.of(new Grant(id, r.getString(2), r.getString(3), read(r.getString(4))))
              : Optional.<Grant>empty();
        })
        .optional().flatMap(g -> g);
  }

  /** The office's tokens, newest first. */
  public ImmutableList<TokenInfo> list(String officeId) {
    return ImmutableList.copyOf(db.sql("SELECT token_id, username, office_id, label, scopes, created_at, expires_at,"
            + " revoked_at FROM jdih_api_token WHERE office_id = ? ORDER BY created_at DESC, token_id").param(officeId)
        .query((r, i) -> new TokenInfo(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
            read(r.getString(5)), Instant.ofEpochMilli(r.getLong(6)), optionalInstant(r.getObject(7)),
            optionalInstant(r.getObject(8))))
        .list());
  }

  /** How many unrevoked tokens the office has. */
  public long activeCount(String officeId) {
    return db.sql("SELECT COUNT(*) FROM jdih_api_token WHERE office_id = ? AND revoked_at IS NULL").param(officeId)
        .query(Long.class).single();
  }

  /** Revokes the office's token {@code id}; false if the office has no such token. */
  public boolean revoke(String officeId, String id) {
    return db.sql("UPDATE jdih_api_token SET revoked_at = ? WHERE token_id = ? AND office_id = ? AND revoked_at IS NULL")
        .params(clock.millis(), id, officeId).update() == 1;
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static String sha256(String s) {
    return Hashing.sha256().hashString(s, StandardCharsets.US_ASCII).toString();
  }

  private static String write(Set<Scope> scopes) {
    return scopes.stream().sorted().map(Scope::value).collect(Collectors.joining(" "));
  }

  private static ImmutableSet<Scope> read(String scopes) {
    EnumSet<Scope> s = EnumSet.noneOf(Scope.class);
    Splitter.on(' ').omitEmptyStrings().split(scopes.toLowerCase(Locale.ROOT)).forEach(v -> Scope.of(v)
        .ifPresent(s::add));
    return ImmutableSet.copyOf(s);
  }

  private static Optional<Instant> optionalInstant(Object millis) {
    return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(((Number) millis).longValue()));
  }
}
