package id.go.kpu.jdih.definition.json;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A definition could not be read from or written to its file or stream: the file is missing, unreadable, the
 * folder is not writable, and so on. Problems with the content of a definition are
 * {@link id.go.kpu.jdih.sop.InvalidDefinitionException}s instead.
 *
 * <p>When writing a file fails, the file is left as it was (see {@link SopDefinitionJson#write(
 * id.go.kpu.jdih.sop.SopDefinition, Path)}).
 */
public final class DefinitionIoException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The stable code of this exception. */
  public static final String CODE = "JDIH-JSON-001";

  // Path is not Serializable; a deserialized copy has no file (its message still names it).
  private final transient Path file;

  private DefinitionIoException(Text text, Path file, IOException cause) {
    super(CODE, text, cause);
    this.file = file;
  }

  static DefinitionIoException reading(Path file, IOException cause) {
    return file == null
        ? new DefinitionIoException(Text.of("definisi SOP tidak dapat dibaca: %s",
            "cannot read the SOP definition: %s").format(describe(cause)), null, cause)
        : new DefinitionIoException(Text.of("berkas definisi SOP %s tidak dapat dibaca: %s",
            "cannot read the SOP definition file %s: %s").format(file, describe(cause)), file, cause);
  }

  static DefinitionIoException writing(Path file, IOException cause) {
    return file == null
        ? new DefinitionIoException(Text.of("definisi SOP tidak dapat ditulis: %s",
            "cannot write the SOP definition: %s").format(describe(cause)), null, cause)
        : new DefinitionIoException(Text.of("berkas definisi SOP %s tidak dapat ditulis: %s",
            "cannot write the SOP definition file %s: %s").format(file, describe(cause)), file, cause);
  }

  private static String describe(IOException e) {
    // Several java.nio exceptions carry only the file name as their message; the class name says what happened.
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
  }

  /** The file that could not be read or written; empty when a stream failed. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The I/O failure. */
  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
