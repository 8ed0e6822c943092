package id.go.kpu.jdih.anchor;

import java.security.MessageDigest;

/**
 * The port for the key that anchors case heads: signs bytes with a key kept outside the database (a key file read
 * by the application, a KMS, an HSM) and checks a tag. {@link HmacSha256Signer} is the implementation from a key
 * given as bytes; a KMS adapter implements the same port.
 *
 * <p>Implementations are thread-safe.
 */
public interface HeadSigner {

  /**
   * A short public name of the key (not the key), recorded with every seal and digest so that a reader knows
   * which key to check with: e.g. {@code "kpu-jdih-2026"}. Letters, digits, {@code - _ .}, 1 to 64 characters.
   */
  String keyId();

  /** The tag of {@code message}. */
  byte[] sign(byte[] message);

  /** True if {@code tag} is this key's tag of {@code message}; compares in constant time. */
  default boolean verify(byte[] message, byte[] tag) {
    return MessageDigest.isEqual(sign(message), tag);
  }
}
