package id.go.kpu.jdih.sop;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Identifies one exact SOP definition: the office, the SOP number and the revision. A case pins the key of the
 * definition it runs under.
 *
 * @param officeId the office's {@link Office#id()}
 * @param number the SOP number as written, e.g. {@code 6 Tahun 2023}
 * @param revision the revision, 0 for the original
 */
public record SopKey(String officeId, String number, int revision) {

  /** Identifiers of offices and roles: lower-case letters, digits and single hyphens. */
  public static final String ID_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

  /** Checks the parts. */
  public SopKey {
    checkNotNull(officeId, "officeId");
    checkNotNull(number, "number");
    checkArgument(!number.isBlank(), "number must not be blank");
    checkArgument(revision >= 0, "revision must be >= 0 but was %s", revision);
  }

  /** {@code office/number/rN}, e.g. {@code kpu-kab-kepulauan-mentawai/6 Tahun 2023/r0}. */
  @Override
  public String toString() {
    return officeId + "/" + number + "/r" + revision;
  }
}
