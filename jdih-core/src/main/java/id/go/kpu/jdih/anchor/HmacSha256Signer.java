package id.go.kpu.jdih.anchor;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link HeadSigner} with HMAC-SHA-256 (RFC 2104, FIPS 198-1) from a key given as bytes. Loading the key (from a
 * file readable only by the application's account, an environment secret, a KMS) is the application's work: the
 * core does no I/O. The key must be at least 32 bytes (the hash's output size, RFC 2104 section 3), e.g. 32 bytes
 * from {@code SecureRandom} or {@code openssl rand 32}.
 *
 * <p>Thread-safe: each call uses its own {@link Mac}.
 */
public final class HmacSha256Signer implements HeadSigner {

  /** The shortest key accepted, in bytes. */
  public static final int MIN_KEY_BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final String keyId;
  private final SecretKeySpec key;

  /**
   * A signer with {@code key}, named {@code keyId}.
   *
   * @throws IllegalArgumentException if the key is shorter than {@value #MIN_KEY_BYTES} bytes or the id is not
   *     letters, digits, {@code - _ .} (1 to 64)
   */
  public HmacSha256Signer(String keyId, byte[] key) {
    checkNotNull(keyId, "keyId");
    checkNotNull(key, "key");
    checkArgument(KEY_ID.matcher(keyId).matches(), "invalid key id '%s' (letters, digits, - _ ., 1-64)", keyId);
    checkArgument(key.length >= MIN_KEY_BYTES, "an HMAC-SHA-256 key needs at least %s bytes, not %s",
        MIN_KEY_BYTES, key.length);
    this.keyId = keyId;
    this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), ALGORITHM);
  }

  @Override
  public String keyId() {
    return keyId;
  }

  @Override
  public byte[] sign(byte[] message) {
    checkNotNull(message, "message");
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e); // every JDK has it
    }
  }

  @Override
  public String toString() {
    return "HmacSha256Signer[" + keyId + "]"; // never the key
  }
}
