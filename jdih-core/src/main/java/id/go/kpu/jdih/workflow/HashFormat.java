package id.go.kpu.jdih.workflow;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How an event's hash is computed. Each stored event records its format, so a history keeps verifying when the
 * library changes: older events are checked by the scheme they were written with, new ones by the current one.
 * The formats are specified in {@link EventDocument} in enough detail for another language to verify an archive.
 */
public enum HashFormat {
  /**
   * Format 1, written by jdih 0.1 (until December 2026): SHA-256 over a length-prefixed text encoding of the fields
   * that names each value's record type and lists its components in a fixed order. Kept, frozen, for reading the
   * histories written with it; never written any more.
   */
  LEGACY_1(1),
  /**
   * Format 2, the current one: SHA-256 over the RFC 8785 (JSON Canonicalization Scheme) form of the event's stored
   * JSON document without its hash. It depends on the stored field names only, never on Java names.
   */
  JCS_2(2);

  /** The format new events are written with. */
  public static final HashFormat CURRENT = JCS_2;

  private final int number;

  HashFormat(int number) {
    this.number = number;
  }

  /** The number stored with each event. */
  public int number() {
    return number;
  }

  /**
   * The format numbered {@code number}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static HashFormat of(int number) {
    for (HashFormat f : values()) {
      if (f.number == number) {
        return f;
      }
    }
    checkArgument(false, "unknown hash format %s (known: 1, 2)", number);
    throw new AssertionError();
  }
}
