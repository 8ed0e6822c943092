package id.go.kpu.jdih.workflow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.UUID;

/**
 * Identifies one command so that a repeated delivery (a retry after a time-out, a double click) is applied once and
 * answered as before. 1 to 128 printable characters.
 *
 * @param value the id
 */
public record CommandId(String value) {

  /** Checks the format. */
  public CommandId {
    checkNotNull(value, "value");
    checkArgument(!value.isEmpty() && value.length() <= 128 && value.chars().allMatch(c -> c > 32 && c < 127),
        "id perintah tidak sah / invalid command id: '%s'", value);
  }

  /** A command id. */
  public static CommandId of(String value) {
    return new CommandId(value);
  }

  /** A new random command id. */
  public static CommandId random() {
    return new CommandId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
