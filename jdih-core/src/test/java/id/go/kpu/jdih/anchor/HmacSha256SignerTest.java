package id.go.kpu.jdih.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kpu.jdih.workflow.CaseId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HMAC against RFC 4231, the seal's canonical bytes, the digest's text form. */
class HmacSha256SignerTest {

  static final HexFormat HEX = HexFormat.of();

  @Test
  void matchesRfc4231TestCase6() {
    byte[] key = new byte[131];
    Arrays.fill(key, (byte) 0xaa);
    HmacSha256Signer signer = new HmacSha256Signer("rfc4231", key);
    byte[] data = "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII);
    assertThat(HEX.formatHex(signer.sign(data)))
        .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    assertThat(signer.verify(data, signer.sign(data))).isTrue();
    assertThat(signer.toString()).doesNotContain("aa");
  }

  @Test
  void refusesShortKeysAndOddKeyIds() {
    assertThatThrownBy(() -> new HmacSha256Signer("k", new byte[31])).hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> new HmacSha256Signer("a key", new byte[32])).hasMessageContaining("invalid key id");
  }

  @Test
  void aSealCoversCaseSequenceAndHead() {
    HmacSha256Signer signer = new HmacSha256Signer("k1", new byte[32]);
    String head = "ab".repeat(32);
    assertThat(new String(HeadSeal.message(CaseId.of("kasus-1"), 7, head), StandardCharsets.US_ASCII))
        .isEqualTo("jdih-head-seal-1\nkasus-1\n7\n" + head);
    HeadSeal seal = HeadSeal.of(signer, CaseId.of("kasus-1"), 7, head);
    assertThat(seal.verifiedBy(signer)).isTrue();
    assertThat(new HeadSeal(seal.caseId(), 8, head, "k1", seal.tag()).verifiedBy(signer)).isFalse();
    assertThat(new HeadSeal(CaseId.of("kasus-2"), 7, head, "k1", seal.tag()).verifiedBy(signer)).isFalse();
    assertThat(new HeadSeal(seal.caseId(), 7, "cd".repeat(32), "k1", seal.tag()).verifiedBy(signer)).isFalse();
    assertThat(seal.verifiedBy(new HmacSha256Signer("k2", new byte[32]))).as("another key id").isFalse();
  }

  @Test
  void aDigestReadsBackAndItsShaIsOfTheCaseLines() {
    HmacSha256Signer signer = new HmacSha256Signer("k1", new byte[32]);
    HeadDigest d = HeadDigest.of(signer, Instant.parse("2026-12-04T10:00:00Z"), List.of(
        new HeadDigest.Head(CaseId.of("b"), 3, "22".repeat(32)), new HeadDigest.Head(CaseId.of("a"), 7,
            "11".repeat(32))));
    assertThat(d.text()).startsWith("jdih-head-digest-1\nat 2026-12-04T10:00:00Z\nkey k1\ncases 2\na 7 " + "11"
        .repeat(32) + "\nb 3 " + "22".repeat(32) + "\nsha256 ");
    assertThat(d.sha256()).isEqualTo(HeadDigest.sha256Of(d.heads()));
    assertThat(HeadDigest.parse(d.text())).isEqualTo(d);
    assertThat(d.verifiedBy(signer)).isTrue();
    assertThat(HeadDigest.parse(d.text().replace("at 2026-12-04T10", "at 2026-12-05T10")).verifiedBy(signer))
        .isFalse();
    assertThatThrownBy(() -> HeadDigest.parse("hello\n")).isInstanceOf(IllegalArgumentException.class);
  }
}
