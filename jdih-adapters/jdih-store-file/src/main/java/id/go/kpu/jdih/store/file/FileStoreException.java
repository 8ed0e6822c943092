package id.go.kpu.jdih.store.file;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/**
 * The file store could not do its work: the file system failed, or a case's log holds damage that is not a torn
 * last write, which the store refuses to repair on its own.
 */
public final class FileStoreException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure, each with its stable code. */
  public enum Kind {
    /** Reading, writing, syncing or locking a file failed. */
    IO_FAILURE("JDIH-FILE-001"),
    /**
     * A log is damaged before its last write: a line that is not a valid event of the case is followed by more
     * lines. Committed events may be at stake, so nothing is truncated; a person must look at the file.
     */
    CORRUPT_LOG("JDIH-FILE-002"),
    /** Another process held the case's lock for longer than the store's lock time-out; nothing was written. */
    LOCKED("JDIH-FILE-003");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    /** The stable code. */
    public String code() {
      return code;
    }
  }

  private final Kind kind;

  FileStoreException(Kind kind, Text text, Throwable cause) {
    super(kind.code(), text, cause);
    this.kind = kind;
  }

  /** What failed. */
  public Kind kind() {
    return kind;
  }
}
