package id.go.kpu.jdih.store;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.workflow.CaseId;

/** Another writer appended to the case first; reload and decide again. */
public final class VersionConflictException extends JdihException {
  private static final long serialVersionUID = 1L;

  private final transient CaseId caseId;
  private final long expected;
  private final long actual;

  /** A conflict: the case was at {@code actual}, not {@code expected}. */
  public VersionConflictException(CaseId caseId, long expected, long actual) {
    super("JDIH-STORE-001", Text.of("Kasus %s sudah diubah pihak lain (versi %s, bukan %s); muat ulang lalu coba lagi",
        "Case %s was changed by someone else (version %s, not %s); reload and try again")
        .format(caseId, actual, expected));
    this.caseId = caseId;
    this.expected = expected;
    this.actual = actual;
  }

  /** The case. */
  public CaseId caseId() {
    return caseId;
  }

  /** The version the writer expected. */
  public long expected() {
    return expected;
  }

  /** The version the case was at. */
  public long actual() {
    return actual;
  }
}
