package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/** A user error of the command line: printed as one line, exit code 1. */
final class CliException extends JdihException {
  private static final long serialVersionUID = 1L;

  CliException(String id, String en) {
    super("JDIH-CLI-001", Text.of(id, en));
  }

  CliException(String id, String en, Throwable cause) {
    super("JDIH-CLI-001", Text.of(id, en), cause);
  }
}
