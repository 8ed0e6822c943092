package id.go.kpu.jdih.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8785 as this library needs it: member order, string escapes, integers, and what is refused. */
class CanonicalJsonTest {

  @Test
  void membersAreSortedByUtf16CodeUnitsAndNothingElseIsAdded() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1L);
    m.put("a", List.of(true, false, -3));
    m.put("\ud83d\ude00", "emoji key"); // a surrogate pair sorts before U+FFFD by code unit, after it by code point
    m.put("\ufffd", "replacement");
    m.put("A", Map.of());
    assertThat(CanonicalJson.write(m)).isEqualTo(
        "{\"A\":{},\"a\":[true,false,-3],\"b\":1,\"\ud83d\ude00\":\"emoji key\",\"\ufffd\":\"replacement\"}");
  }

  @Test
  void stringsAreEscapedAsEcmaScriptDoes() {
    String all = "\"\\/\b\t\n\f\r\u0000\u001f\u007f\u2028 \u00e9\ud83d\uddf3 \ud800x";
    assertThat(CanonicalJson.write(List.of(all))).isEqualTo(
        "[\"\\\"\\\\/\\b\\t\\n\\f\\r\\u0000\\u001f\u007f\u2028 \u00e9\ud83d\uddf3 \\ud800x\"]");
  }

  /**
   * Every string of up to five characters over an alphabet of plain, escaped and surrogate characters (37,449
   * strings) is written as the character-by-character rule of RFC 8785 section 3.2.2.2 writes it: whatever comes
   * before the first character that needs care is copied at once, the rest goes one character at a time.
   */
  @Test
  void everyShortStringIsWrittenAsTheRuleSays() {
    char[] alphabet = {'a', '\u00e9', '"', '\\', '\n', '\u001f', '\ud83d', '\ude00'};
    int checked = 0;
    for (int length = 0; length <= 5; length++) {
      int[] digits = new int[length];
      for (int n = 0; n < Math.pow(alphabet.length, length); n++) {
        int rest = n;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
          digits[i] = rest % alphabet.length;
          rest /= alphabet.length;
          s.append(alphabet[digits[i]]);
        }
        assertThat(CanonicalJson.write(List.of(s.toString()))).as("%s", Arrays.toString(digits))
            .isEqualTo("[" + byTheRule(s.toString()) + "]");
        checked++;
      }
    }
    assertThat(checked).isEqualTo(37_449);
  }

  /** The escaping rule, one character at a time, as the RFC states it (with this library's unpaired surrogates). */
  private static String byTheRule(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  @Test
  void whatIsNotAValueOfTheFormatIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(List.of(1.5)));
    assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(List.of(1L << 53)));
    assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(Map.of(1, "a")));
    assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(Map.of("a", Arrays.asList(1, null))))
        .withMessageContaining("a[1]");
    assertThat(CanonicalJson.write(List.of((1L << 53) - 1, -(1L << 53) + 1)))
        .isEqualTo("[9007199254740991,-9007199254740991]");
  }
}
