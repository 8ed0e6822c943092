package id.go.kpu.jdih.workflow;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;
import java.util.Locale;

/**
 * {@code JDIH-CASE-010}: a case's stored history does not verify (an event was altered, removed, inserted or
 * reordered since it was written), so no command is accepted on it and nothing of it is published until a person
 * restores the history from a trusted copy (an archive's softcopy, a backup).
 */
public final class TamperedHistoryException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The stable code. */
  public static final String CODE = "JDIH-CASE-010";

  private final CaseId caseId;
  private final long sequence;
  private final HashChain.Reason reason;

  /**
   * The history of {@code caseId} breaks at the event numbered {@code sequence} (its position from 1) for
   * {@code reason}.
   */
  public TamperedHistoryException(CaseId caseId, long sequence, HashChain.Reason reason) {
    super(CODE, message(caseId, sequence, reason));
    this.caseId = caseId;
    this.sequence = sequence;
    this.reason = reason;
  }

  private static Text message(CaseId caseId, long sequence, HashChain.Reason reason) {
    String id = String.format(Locale.ROOT, "Riwayat kasus %s tidak utuh pada peristiwa ke-%s (%s); perintah ditolak "
        + "dan tidak ada yang diterbitkan. Pulihkan riwayat dari salinan terpercaya (arsip atau cadangan)", caseId,
        sequence, reason.text().id());
    String en = String.format(Locale.ROOT, "The history of case %s does not verify at event %s (%s); the command is "
        + "refused and nothing is published. Restore the history from a trusted copy (an archive or a backup)",
        caseId, sequence, reason.text().en());
    return Text.of(id, en);
  }

  /** The case. */
  public CaseId caseId() {
    return caseId;
  }

  /** The position (from 1) of the first event that does not verify. */
  public long sequence() {
    return sequence;
  }

  /** Why. */
  public HashChain.Reason reason() {
    return reason;
  }
}
