package id.go.kpu.jdih.spring.boot;

import id.go.kpu.jdih.sop.SopKey;

/** Reads a definition's key as {@link SopKey#toString()} writes it: {@code office/number/rN}. */
final class SopKeys {

  private SopKeys() {}

  /**
   * The key in {@code text}.
   *
   * @throws IllegalArgumentException naming the expected form if {@code text} is not one
   */
  static SopKey parse(String text) {
    int first = text.indexOf('/');
    int last = text.lastIndexOf('/');
    if (first <= 0 || last <= first + 1 || last + 2 >= text.length() + 1 || text.charAt(last + 1) != 'r') {
      throw invalid(text);
    }
    try {
      int revision = Integer.parseInt(text.substring(last + 2));
      return new SopKey(text.substring(0, first), text.substring(first + 1, last), revision);
    } catch (NumberFormatException e) {
      throw invalid(text);
    }
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("kunci SOP tidak sah / invalid SOP key '" + text
        + "': expected office/number/rN, e.g. kpu-kab-kepulauan-mentawai/6 Tahun 2023/r0");
  }
}
