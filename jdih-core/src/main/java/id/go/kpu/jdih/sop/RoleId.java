package id.go.kpu.jdih.sop;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The stable identifier of a role (a lane of the flowchart), e.g. {@code kasubag-hukum}.
 *
 * @param value lower-case letters, digits and single hyphens
 */
public record RoleId(@NotNull @Pattern(regexp = SopKey.ID_PATTERN, message = "lower-case id") String value)
    implements Comparable<RoleId> {

  /** A role id. */
  public static RoleId of(String value) {
    return new RoleId(value);
  }

  @Override
  public int compareTo(RoleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
