package id.go.kpu.jdih.pdf;

/** The paper a page is printed on, in PDF points (1/72 inch). */
public enum PageSize {

  /** A4 upright: 595.28 × 841.89 points (210 × 297 mm). */
  A4_PORTRAIT(595.27563f, 841.8898f),

  /** A4 on its side: 841.89 × 595.28 points. */
  A4_LANDSCAPE(841.8898f, 595.27563f);

  private final float width;
  private final float height;

  PageSize(float width, float height) {
    this.width = width;
    this.height = height;
  }

  /** The width in points. */
  public float width() {
    return width;
  }

  /** The height in points. */
  public float height() {
    return height;
  }
}
