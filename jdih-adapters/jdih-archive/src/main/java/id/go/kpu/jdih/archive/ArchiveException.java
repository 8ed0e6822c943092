package id.go.kpu.jdih.archive;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/**
 * A softcopy bundle or a hardcopy cannot be written, or a bundle is refused on import. The {@link #code() code}
 * says what kind of problem it is ({@link Problem}), {@link #entry()} which entry of the bundle: a name such as
 * {@code cases/kasus-1.jsonl} or {@code manifest.json}, or the empty string for the bundle as a whole.
 */
public final class ArchiveException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The kinds of problem, each with its stable code. */
  public enum Problem {
    /** The bundle file cannot be read, or the bundle or hardcopy cannot be written. */
    IO("JDIH-ARCH-001", Text.of("berkas tidak dapat dibaca atau ditulis", "the file cannot be read or written")),
    /** The file is not a readable ZIP archive. */
    NOT_A_ZIP("JDIH-ARCH-002", Text.of("bukan arsip ZIP yang dapat dibaca", "not a readable ZIP archive")),
    /** An entry's name could reach outside a folder it is extracted to, or is not a plain relative name. */
    UNSAFE_ENTRY_NAME("JDIH-ARCH-003", Text.of("nama entri tidak aman", "unsafe entry name")),
    /** The same entry name appears twice. */
    DUPLICATE_ENTRY("JDIH-ARCH-004", Text.of("entri ganda", "duplicate entry")),
    /** The bundle holds an entry the manifest does not list. */
    UNEXPECTED_ENTRY("JDIH-ARCH-005", Text.of("entri tidak tercantum dalam manifes",
        "entry not listed in the manifest")),
    /** An entry the manifest lists (or the manifest itself) is not in the bundle. */
    MISSING_ENTRY("JDIH-ARCH-006", Text.of("entri hilang", "entry missing")),
    /** An entry, the entry count or the bundle is over a {@linkplain BundleLimits size limit}. */
    TOO_LARGE("JDIH-ARCH-007", Text.of("melebihi batas ukuran", "over the size limit")),
    /** An entry's size differs from the manifest's. */
    SIZE_MISMATCH("JDIH-ARCH-008", Text.of("ukuran tidak sesuai manifes", "size differs from the manifest")),
    /** An entry's SHA-256 differs from the manifest's. */
    DIGEST_MISMATCH("JDIH-ARCH-009", Text.of("SHA-256 tidak sesuai manifes", "SHA-256 differs from the manifest")),
    /** The manifest is malformed, inconsistent, or not exactly as the writer produces it. */
    INVALID_MANIFEST("JDIH-ARCH-010", Text.of("manifes tidak sah", "invalid manifest")),
    /** An events file or a definition file cannot be read, or a history does not fit its definition. */
    INVALID_CONTENT("JDIH-ARCH-011", Text.of("isi entri tidak sah", "invalid entry content")),
    /** A case's hash chain is broken, or does not end at the head the manifest records. */
    BROKEN_CHAIN("JDIH-ARCH-012", Text.of("rantai hash kasus rusak", "the case's hash chain is broken")),
    /** A media file does not match the reference (hash, size or type) a case's events hold. */
    MEDIA_MISMATCH("JDIH-ARCH-013", Text.of("berkas media tidak sesuai referensinya",
        "media file does not match its reference")),
    /** A media file a case references is not in the media store (when writing). */
    MEDIA_UNAVAILABLE("JDIH-ARCH-014", Text.of("berkas media tidak tersedia di penyimpanan",
        "media file not available in the store")),
    /** What was given to write is not archivable: no case, the same case twice, a case without its definition. */
    INVALID_INPUT("JDIH-ARCH-015", Text.of("masukan arsip tidak sah", "invalid archive input"));

    private final String code;
    private final Text text;

    Problem(String code, Text text) {
      this.code = code;
      this.text = text;
    }

    /** The stable code, e.g. {@code JDIH-ARCH-009}. */
    public String code() {
      return code;
    }

    /** What the problem means. */
    public Text text() {
      return text;
    }
  }

  private final Problem problem;
  private final String entry;

  ArchiveException(Problem problem, String entry, Text detail) {
    this(problem, entry, detail, null);
  }

  ArchiveException(Problem problem, String entry, Text detail, Throwable cause) {
    super(checkNotNull(problem, "problem").code(), message(problem, checkNotNull(entry, "entry"), detail), cause);
    this.problem = problem;
    this.entry = entry;
  }

  private static Text message(Problem problem, String entry, Text detail) {
    String id = "Arsip: " + problem.text().id() + (entry.isEmpty() ? "" : " pada entri '" + entry + "'");
    String en = "Archive: " + problem.text().en() + (entry.isEmpty() ? "" : " in entry '" + entry + "'");
    if (detail != null) {
      id += ": " + detail.id();
      en += ": " + detail.en();
    }
    return Text.of(id, en);
  }

  /** What kind of problem it is. */
  public Problem problem() {
    return problem;
  }

  /** The entry concerned, e.g. {@code media/<sha256>.jpg}; empty for the bundle as a whole. */
  public String entry() {
    return entry;
  }
}
