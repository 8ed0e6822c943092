package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.workflow.CaseId;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The stable id of one {@link PublicationIntent}: the case, the platform and the attempt round, as
 * {@code <case>.<platform>.r<round>} (for example {@code kasus-7.instagram.r1}). The same case, platform and round
 * always give the same id, so the id can serve as an idempotency key and as a command id suffix.
 *
 * @param value the id
 */
public record IntentId(String value) implements Comparable<IntentId> {

  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}\\.[a-z]{1,16}\\.r[1-9][0-9]{0,5}");

  /** Checks the format. */
  public IntentId {
    checkNotNull(value, "value");
    checkArgument(FORMAT.matcher(value).matches(),
        "id niat terbit tidak sah / invalid intent id: '%s' (<case>.<platform>.r<round>)", value);
  }

  /**
   * The id of round {@code round} of publishing case {@code caseId} on {@code platform}.
   *
   * @param caseId the case
   * @param platform the platform
   * @param round the attempt round, from 1; a new round starts only after a {@link IntentStatus#FAILED} one
   * @return the id
   */
  public static IntentId of(CaseId caseId, Platform platform, int round) {
    checkNotNull(caseId, "caseId");
    checkNotNull(platform, "platform");
    checkArgument(round >= 1 && round <= 999_999, "round must be 1..999999: %s", round);
    return new IntentId(caseId.value() + "." + platform.name().toLowerCase(Locale.ROOT) + ".r" + round);
  }

  @Override
  public int compareTo(IntentId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
