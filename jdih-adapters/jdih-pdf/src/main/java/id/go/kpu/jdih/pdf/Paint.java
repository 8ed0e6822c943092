package id.go.kpu.jdih.pdf;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How a shape is painted: filled with a gray, outlined in black, or both. Strokes are always black; a fill is a
 * gray from 0 (black) to 1 (white).
 *
 * <p>Immutable and thread-safe.
 */
public final class Paint {

  private final float fillGray;      // negative: not filled
  private final float strokeWidth;   // negative: not stroked

  private Paint(float fillGray, float strokeWidth) {
    this.fillGray = fillGray;
    this.strokeWidth = strokeWidth;
  }

  /** The outline only, a black line {@code lineWidth} points wide. */
  public static Paint stroke(float lineWidth) {
    checkArgument(lineWidth >= 0, "lineWidth must not be negative but was %s", lineWidth);
    return new Paint(-1, lineWidth);
  }

  /** Filled with {@code gray} (0 black .. 1 white), no outline. */
  public static Paint fill(float gray) {
    checkGray(gray);
    return new Paint(gray, -1);
  }

  /** Filled with {@code gray} (0 black .. 1 white) and outlined by a black line {@code lineWidth} points wide. */
  public static Paint fillAndStroke(float gray, float lineWidth) {
    checkGray(gray);
    checkArgument(lineWidth >= 0, "lineWidth must not be negative but was %s", lineWidth);
    return new Paint(gray, lineWidth);
  }

  private static void checkGray(float gray) {
    checkArgument(gray >= 0 && gray <= 1, "gray must be within 0..1 but was %s", gray);
  }

  boolean filled() {
    return fillGray >= 0;
  }

  boolean stroked() {
    return strokeWidth >= 0;
  }

  float fillGray() {
    return fillGray;
  }

  float strokeWidth() {
    return strokeWidth;
  }

  /** {@code Paint[fill=0.95, stroke=0.6]}. */
  @Override
  public String toString() {
    return "Paint[fill=" + (filled() ? fillGray : "none") + ", stroke=" + (stroked() ? strokeWidth : "none") + "]";
  }
}
