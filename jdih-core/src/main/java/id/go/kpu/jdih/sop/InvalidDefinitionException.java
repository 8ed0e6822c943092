package id.go.kpu.jdih.sop;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.validation.Violation;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An SOP definition broke one or more rules. Lists every violation at once, each with its field path and rule;
 * no part of the definition is returned.
 */
public final class InvalidDefinitionException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The stable code of this exception. */
  public static final String CODE = "JDIH-DEF-001";

  private final ImmutableList<Violation> violations;

  /** An exception listing {@code violations}, which must not be empty. */
  public InvalidDefinitionException(Iterable<Violation> violations) {
    this(ImmutableList.copyOf(violations), null);
  }

  /** An exception listing {@code violations}, caused by {@code cause} (e.g. a JSON parse error). */
  public InvalidDefinitionException(ImmutableList<Violation> violations, @Nullable Throwable cause) {
    super(CODE, summary(violations), cause);
    this.violations = violations;
  }

  private static Text summary(ImmutableList<Violation> violations) {
    checkArgument(!violations.isEmpty(), "an invalid definition has at least one violation");
    String idLines = violations.stream().map(v -> "\n  - " + v.describe(id.go.kpu.jdih.i18n.Language.ID))
        .collect(Collectors.joining());
    String enLines = violations.stream().map(v -> "\n  - " + v.describe(id.go.kpu.jdih.i18n.Language.EN))
        .collect(Collectors.joining());
    return Text.of(
        "Definisi SOP tidak sah (" + violations.size() + " pelanggaran):" + idLines,
        "Invalid SOP definition (" + violations.size() + " violations):" + enLines);
  }

  /** Every violation, sorted by path. */
  public ImmutableList<Violation> violations() {
    return violations;
  }

  @Override
  public String getMessage() {
    return code() + ": " + text().id() + "\n" + text().en();
  }
}
