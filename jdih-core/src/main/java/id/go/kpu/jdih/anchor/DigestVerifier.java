package id.go.kpu.jdih.anchor;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks today's histories against a {@link HeadDigest} exported earlier: the digest must be signed by the key, and
 * every case it names must still have a history whose chain verifies and whose event at the digest's sequence has
 * the digest's head hash (events appended since are fine). This detects any rewriting, truncation or deletion of
 * what the digest covers, by someone who holds the database, and by someone who obtained the seal key after the
 * digest was exported, since they cannot change the exported copy. It cannot see cases or events written after the
 * digest: that is the seals' work, and the next digest's.
 */
public final class DigestVerifier {

  private DigestVerifier() {}

  /**
   * Checks {@code digest} with {@code signer}'s key against the histories {@code histories} loads.
   *
   * @param histories a case's events as stored (empty if the case has none)
   * @return the findings; empty if everything the digest covers is intact
   */
  public static ImmutableList<Finding> verify(HeadDigest digest, HeadSigner signer,
      Function<CaseId, ? extends List<RecordedEvent>> histories) {
    checkNotNull(digest, "digest");
    checkNotNull(signer, "signer");
    checkNotNull(histories, "histories");
    ImmutableList.Builder<Finding> findings = ImmutableList.builder();
    if (!digest.verifiedBy(signer)) {
      findings.add(new Finding(Optional.empty(), Problem.DIGEST_NOT_SIGNED));
    }
    for (HeadDigest.Head h : digest.heads()) {
      List<RecordedEvent> events = histories.apply(h.caseId());
      if (events.isEmpty()) {
        findings.add(new Finding(Optional.of(h.caseId()), Problem.CASE_MISSING));
      } else if (events.size() < h.sequence()) {
        findings.add(new Finding(Optional.of(h.caseId()), Problem.TRUNCATED));
      } else if (HashChain.verify(events).isPresent()) {
        findings.add(new Finding(Optional.of(h.caseId()), Problem.CHAIN_BROKEN));
      } else if (!events.get((int) h.sequence() - 1).hash().equals(h.headHash())) {
        findings.add(new Finding(Optional.of(h.caseId()), Problem.REWRITTEN));
      }
    }
    return findings.build();
  }

  /**
   * One thing the digest shows.
   *
   * @param caseId the case; empty for the digest itself
   * @param problem what
   */
  public record Finding(Optional<CaseId> caseId, Problem problem) {}

  /** What a digest shows. */
  public enum Problem {
    /** The digest's SHA-256 or tag does not verify with the key: it was altered, or another key signed it. */
    DIGEST_NOT_SIGNED(Text.of("digest tidak ditandatangani kunci ini", "the digest is not signed by this key")),
    /** The case the digest names has no events any more. */
    CASE_MISSING(Text.of("kasus sudah tidak ada", "the case is gone")),
    /** The case has fewer events than the digest recorded. */
    TRUNCATED(Text.of("peristiwa di ujung riwayat dihapus", "events were removed from the end")),
    /** The case's chain does not verify. */
    CHAIN_BROKEN(Text.of("rantai hash terputus", "the hash chain is broken")),
    /** The chain verifies, but not through the head the digest recorded: the history was rewritten. */
    REWRITTEN(Text.of("riwayat ditulis ulang sejak digest", "the history was rewritten since the digest"));

    private final Text text;

    Problem(Text text) {
      this.text = text;
    }

    /** What the problem means. */
    public Text text() {
      return text;
    }
  }
}
