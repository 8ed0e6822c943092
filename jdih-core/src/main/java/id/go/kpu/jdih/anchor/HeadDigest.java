package id.go.kpu.jdih.anchor;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.workflow.CaseId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A signed digest of the heads of every case at one moment: each case id with its number of events and its head
 * hash, sorted by case id; the SHA-256 of that list; and the tag of a {@link HeadSigner} over the SHA-256 and the
 * moment. Exported through a {@link DigestSink} where the database's administrator cannot rewrite it (a write-once
 * file, an e-mail to the Sekretaris, a timestamping service), it later proves what every case's history was up to
 * then ({@link DigestVerifier}), even if the seal key leaks afterwards.
 *
 * <p><b>Text form</b> ({@link #text()}, read back by {@link #parse}), ASCII, one item a line, {@code \n} ended:
 * <pre>
 * jdih-head-digest-1
 * at 2026-12-04T10:00:00Z
 * key kpu-jdih-2026
 * cases 2
 * case-1 7 &lt;64 hex digits&gt;
 * case-2 3 &lt;64 hex digits&gt;
 * sha256 &lt;64 hex digits&gt;
 * tag &lt;hex&gt;
 * </pre>
 * {@code sha256} is the SHA-256 of the case lines (each with its {@code \n}) in that order; {@code tag} is the key's
 * HMAC of {@code "jdih-head-digest-1\n" + at + "\n" + sha256}. A person can recompute the SHA-256 with
 * {@code sha256sum} and keep it on paper.
 *
 * @param at the moment of the digest
 * @param heads every case's head, sorted by case id
 * @param keyId the key's id
 * @param sha256 the SHA-256 of the case lines, lower-case hex
 * @param tag the key's tag, lower-case hex
 */
public record HeadDigest(Instant at, ImmutableList<Head> heads, String keyId, String sha256, String tag) {

  private static final String MAGIC = "jdih-head-digest-1";
  private static final HexFormat HEX = HexFormat.of();
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /** Checks the form. */
  public HeadDigest {
    checkNotNull(at, "at");
    checkNotNull(heads, "heads");
    checkNotNull(keyId, "keyId");
    checkArgument(sha256 != null && HASH.matcher(sha256).matches(), "invalid sha256");
    checkArgument(tag != null && tag.matches("([0-9a-f]{2})+"), "invalid tag");
    for (int i = 1; i < heads.size(); i++) {
      checkArgument(heads.get(i - 1).caseId().compareTo(heads.get(i).caseId()) < 0,
          "heads must be sorted by case id, each once: %s", heads.get(i).caseId());
    }
  }

  /**
   * One case's head.
   *
   * @param caseId the case
   * @param sequence its number of events
   * @param headHash the hash of its last event
   */
  public record Head(CaseId caseId, long sequence, String headHash) {
    /** Checks the form. */
    public Head {
      checkNotNull(caseId, "caseId");
      checkArgument(sequence >= 1, "sequence must be at least 1 but was %s", sequence);
      checkArgument(headHash != null && HASH.matcher(headHash).matches(), "invalid head hash: %s", headHash);
    }

    String line() {
      return caseId.value() + " " + sequence + " " + headHash + "\n";
    }
  }

  /** The digest of {@code heads} (in any order, each case once) at {@code at}, signed by {@code signer}. */
  public static HeadDigest of(HeadSigner signer, Instant at, List<Head> heads) {
    checkNotNull(signer, "signer");
    checkNotNull(at, "at");
    ImmutableList<Head> sorted = ImmutableList.sortedCopyOf(Comparator.comparing(Head::caseId), heads);
    String sha = sha256Of(sorted);
    return new HeadDigest(at, sorted, signer.keyId(), sha, HEX.formatHex(signer.sign(signed(at, sha))));
  }

  /** The SHA-256 of the case lines, lower-case hex. */
  static String sha256Of(List<Head> heads) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Head h : heads) {
        md.update(h.line().getBytes(StandardCharsets.US_ASCII));
      }
      return HEX.formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }

  private static byte[] signed(Instant at, String sha256) {
    return (MAGIC + "\n" + at + "\n" + sha256).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * True if the SHA-256 is that of the heads and the tag is {@code signer}'s over it: the digest is as its signer
   * wrote it.
   */
  public boolean verifiedBy(HeadSigner signer) {
    return signer.keyId().equals(keyId) && sha256Of(heads).equals(sha256)
        && signer.verify(signed(at, sha256), HEX.parseHex(tag));
  }

  /** The text form (see the class description). */
  public String text() {
    StringBuilder b = new StringBuilder(64 + heads.size() * 100);
    b.append(MAGIC).append('\n').append("at ").append(at).append('\n').append("key ").append(keyId).append('\n')
        .append("cases ").append(heads.size()).append('\n');
    heads.forEach(h -> b.append(h.line()));
    b.append("sha256 ").append(sha256).append('\n').append("tag ").append(tag).append('\n');
    return b.toString();
  }

  /**
   * Reads the text form back. The signature is not checked here: see {@link #verifiedBy}.
   *
   * @throws IllegalArgumentException if {@code text} is not a digest's text form
   */
  public static HeadDigest parse(String text) {
    checkNotNull(text, "text");
    checkArgument(text.endsWith("\n"), "not a head digest: no final line break");
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    checkArgument(lines.length >= 6 && lines[0].equals(MAGIC), "not a head digest (%s expected)", MAGIC);
    try {
      Instant at = Instant.parse(field(lines[1], "at"));
      String keyId = field(lines[2], "key");
      int count = Integer.parseInt(field(lines[3], "cases"));
      checkArgument(count >= 0 && lines.length == 6 + count, "a head digest of %s cases has %s lines", count,
          lines.length);
      ImmutableList.Builder<Head> heads = ImmutableList.builderWithExpectedSize(count);
      for (int i = 0; i < count; i++) {
        String[] p = lines[4 + i].split(" ", -1);
        checkArgument(p.length == 3, "line %s of the digest is not 'case sequence hash'", 5 + i);
        heads.add(new Head(CaseId.of(p[0]), Long.parseLong(p[1]), p[2]));
      }
      return new HeadDigest(at, heads.build(), keyId, field(lines[4 + count], "sha256"),
          field(lines[5 + count], "tag"));
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("not a head digest: " + e.getMessage(), e);
    }
  }

  private static String field(String line, String name) {
    checkArgument(line.startsWith(name + " "), "not a head digest: '%s ...' expected", name);
    return line.substring(name.length() + 1);
  }
}
