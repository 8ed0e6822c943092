package id.go.kpu.jdih.pdf;

/** The horizontal alignment of each line of a block of text within its width. */
public enum Align {
  /** Against the left edge. */
  LEFT,
  /** Centred. */
  CENTER,
  /** Against the right edge. */
  RIGHT
}
