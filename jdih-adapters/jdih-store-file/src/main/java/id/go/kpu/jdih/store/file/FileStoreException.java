package id.go.kpu.jdih.store.file;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/**
 * The file store could not do its work: the file system failed, a lock was held too long, or a case's log, the
 * notification journal or an outbox file holds damage that is not a torn last write, which the store refuses to
 * repair on its own.
 */
public final class FileStoreException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure, each with its stable code. */
  public enum Kind {
    /** Reading, writing, syncing or locking a file failed. */
    IO_FAILURE("JDIH-FILE-001"),
    /**
     * A log is damaged before its last write: a line that is not a valid event of the case (or, in the notification
     * journal, not a valid record) is followed by more lines. Committed records may be at stake, so nothing is
     * truncated; a person must look at the file.
     */
    CORRUPT_LOG("JDIH-FILE-002"),
    /**
     * Another process held a lock (a case's, an outbox intent's or the notification journal's) for longer than the
     * store's lock time-out; nothing was written.
     */
    LOCKED("JDIH-FILE-003"),
    /**
     * A file that is always replaced whole (an outbox intent's) does not hold a valid record: it was edited or
     * damaged outside the store. Nothing is changed; a person must look at the file.
     */
    CORRUPT_RECORD("JDIH-FILE-004");

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
