package id.go.kpu.jdih.workflow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifies a content case. Letters, digits, {@code -} and {@code _}, 1 to 64 characters, so that it is safe as a
 * file name, a URL segment and a database key.
 *
 * @param value the id
 */
public record CaseId(String value) implements Comparable<CaseId> {

  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Checks the format. */
  public CaseId {
    checkNotNull(value, "value");
    checkArgument(FORMAT.matcher(value).matches(),
        "id kasus tidak sah / invalid case id: '%s' (letters, digits, - and _, 1-64 characters)", value);
  }

  /** A case id. */
  public static CaseId of(String value) {
    return new CaseId(value);
  }

  /** A new random case id. */
  public static CaseId random() {
    return new CaseId(UUID.randomUUID().toString());
  }

  @Override
  public int compareTo(CaseId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
