package id.go.kpu.jdih.anchor;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.workflow.CaseId;
import java.util.Locale;

/**
 * {@code JDIH-CASE-011}: a case's history verifies as a hash chain, but its head carries no valid seal of the
 * runtime's key: the history was rewritten (or events were appended) by someone who could write the database but
 * did not hold the key, or the runtime runs with another key than the one that sealed the case. No command is
 * accepted on it and nothing of it is published until a person restores the history from a trusted copy (an
 * archive, a backup, checked against an exported {@link HeadDigest}) and seals it again.
 */
public final class HeadSealException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The stable code. */
  public static final String CODE = "JDIH-CASE-011";

  private final transient CaseId caseId;
  private final long sequence;
  private final Problem problem;

  /** The head of {@code caseId} at {@code sequence} has {@code problem}. */
  public HeadSealException(CaseId caseId, long sequence, Problem problem) {
    super(CODE, message(caseId, sequence, problem));
    this.caseId = caseId;
    this.sequence = sequence;
    this.problem = problem;
  }

  private static Text message(CaseId caseId, long sequence, Problem problem) {
    String id = String.format(Locale.ROOT, "Segel ujung riwayat kasus %s (peristiwa ke-%s) tidak cocok (%s): "
        + "riwayatnya ditulis ulang dengan akses ke basis data; perintah ditolak dan tidak ada yang diterbitkan. "
        + "Pulihkan riwayat dari salinan terpercaya dan periksa dengan digest yang diekspor", caseId, sequence,
        problem.text().id());
    String en = String.format(Locale.ROOT, "The head seal of case %s (event %s) does not match (%s): its history was "
        + "rewritten with database access; the command is refused and nothing is published. Restore the history from "
        + "a trusted copy and check it against an exported digest", caseId, sequence, problem.text().en());
    return Text.of(id, en);
  }

  /** The case. */
  public CaseId caseId() {
    return caseId;
  }

  /** The number of events of the history whose head is not sealed. */
  public long sequence() {
    return sequence;
  }

  /** What is wrong. */
  public Problem problem() {
    return problem;
  }

  /** What is wrong with the head's seal. */
  public enum Problem {
    /** No seal is stored for this head: the events were rewritten, or appended, without the key. */
    NO_SEAL(Text.of("tidak ada segel untuk ujung ini", "no seal for this head")),
    /** A seal names this head but its tag does not verify with the runtime's key: forged, or another key. */
    BAD_TAG(Text.of("tanda segel tidak sah untuk kunci ini", "the seal's tag does not verify with this key"));

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
