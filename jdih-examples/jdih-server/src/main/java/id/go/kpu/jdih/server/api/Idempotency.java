package id.go.kpu.jdih.server.api;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.common.io.BaseEncoding;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key} of a command request becomes the runtime's {@link CommandId}, so a retried request is
 * applied once and answered as before. The first request's fingerprint (method, path and body) is kept per office
 * and key: the same key with a different request is refused ({@code JDIH-HTTP-003}, 422), never applied.
 * Thread-safe; works across server instances (the table's primary key decides).
 */
@Component
public class Idempotency {

  /** Keys: 1 to 100 visible ASCII characters (a UUID fits). */
  public static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");

  private final JdbcClient db;
  private final Clock clock;

  Idempotency(JdbcClient db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The id of the case a proposal under {@code key} opens in {@code officeId}: the same for every retry. */
  public static CaseId caseIdFor(String officeId, String key) {
    byte[] h = Hashing.sha256().hashString(officeId + "\n" + key, StandardCharsets.UTF_8).asBytes();
    return CaseId.of(officeId + "-" + BaseEncoding.base32().lowerCase().omitPadding().encode(h).substring(0, 16));
  }

  /**
   * The command id for {@code key}, after checking that the key was not used before for a different request.
   *
   * @throws ServerException {@code KEY_REQUIRED} without a key, {@code BAD_REQUEST} for a malformed one,
   *     {@code KEY_REUSED} if the key was used for another request
   */
  public CommandId claim(String officeId, Optional<String> key, CaseId caseId, String method, String path,
      byte[] body) {
    String k = key.orElseThrow(() -> new ServerException(ServerException.Kind.KEY_REQUIRED, Text.of(
        "Perintah membutuhkan header Idempotency-Key", "A command needs an Idempotency-Key header")));
    if (!KEY.matcher(k).matches()) {
      throw ServerException.badField("Idempotency-Key", "Pattern", Text.of(
          "1 sampai 100 karakter ASCII yang terlihat", "1 to 100 visible ASCII characters"));
    }
    Hasher h = Hashing.sha256().newHasher().putString(method, StandardCharsets.UTF_8).putByte((byte) 0)
        .putString(path, StandardCharsets.UTF_8).putByte((byte) 0).putBytes(body);
    String fingerprint = h.hash().toString();
    try {
      db.sql("INSERT INTO jdih_idempotency (office_id, idem_key, fingerprint, case_id, created_at)"
              + " VALUES (?, ?, ?, ?, ?)").params(officeId, k, fingerprint, caseId.value(), clock.millis()).update();
    } catch (DuplicateKeyException e) {
      String first = db.sql("SELECT fingerprint FROM jdih_idempotency WHERE office_id = ? AND idem_key = ?")
          .params(officeId, k).query(String.class).single();
      if (!first.equals(fingerprint)) {
        throw new ServerException(ServerException.Kind.KEY_REUSED, Text.of(
            "Idempotency-Key ini sudah dipakai untuk permintaan lain; tidak ada yang dijalankan",
            "This Idempotency-Key was used for another request; nothing was done"));
      }
    }
    return CommandId.of("http:" + k);
  }
}
