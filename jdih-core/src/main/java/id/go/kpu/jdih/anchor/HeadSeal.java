package id.go.kpu.jdih.anchor;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.workflow.CaseId;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A seal over one head of a case: the tag of {@code keyId}'s key over the canonical bytes of (case id, sequence,
 * head hash), so that whoever holds the database but not the key cannot seal another head.
 *
 * <p>The canonical bytes ({@link #message}) are the UTF-8 (here ASCII) text
 * {@code "jdih-head-seal-1\n" + caseId + "\n" + sequence + "\n" + headHash}: the sequence in decimal without leading
 * zeros, the head hash as 64 lower-case hex digits. A case id has no line break, so the form is unambiguous; it is
 * easy to recompute in any language ({@code hmac.new(key, msg, hashlib.sha256)} in Python).
 *
 * @param caseId the case
 * @param sequence the number of events the head closes (1 or more)
 * @param headHash the hash of the event numbered {@code sequence}
 * @param keyId the {@link HeadSigner#keyId()} of the key
 * @param tag the tag, lower-case hex
 */
public record HeadSeal(CaseId caseId, long sequence, String headHash, String keyId, String tag) {

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern TAG = Pattern.compile("([0-9a-f]{2}){16,128}");
  private static final HexFormat HEX = HexFormat.of();

  /** Checks the form. */
  public HeadSeal {
    checkNotNull(caseId, "caseId");
    checkArgument(sequence >= 1, "sequence must be at least 1 but was %s", sequence);
    checkArgument(headHash != null && HASH.matcher(headHash).matches(), "invalid head hash: %s", headHash);
    checkNotNull(keyId, "keyId");
    checkArgument(tag != null && TAG.matcher(tag).matches(), "invalid tag");
  }

  /** The seal of {@code signer}'s key over the head {@code headHash} of {@code caseId} at {@code sequence}. */
  public static HeadSeal of(HeadSigner signer, CaseId caseId, long sequence, String headHash) {
    checkNotNull(signer, "signer");
    byte[] tag = signer.sign(message(caseId, sequence, headHash));
    return new HeadSeal(caseId, sequence, headHash, signer.keyId(), HEX.formatHex(tag));
  }

  /** The canonical bytes a seal's tag covers. */
  public static byte[] message(CaseId caseId, long sequence, String headHash) {
    checkNotNull(caseId, "caseId");
    checkNotNull(headHash, "headHash");
    return ("jdih-head-seal-1\n" + caseId.value() + "\n" + sequence + "\n" + headHash)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** True if this seal was made by {@code signer}'s key (same key id, and the tag verifies). */
  public boolean verifiedBy(HeadSigner signer) {
    return signer.keyId().equals(keyId)
        && signer.verify(message(caseId, sequence, headHash), HEX.parseHex(tag));
  }

  /** True if this seal is over {@code headHash} at {@code sequence}, whatever its tag. */
  public boolean isFor(long sequence, String headHash) {
    return this.sequence == sequence && this.headHash.equals(headHash);
  }
}
