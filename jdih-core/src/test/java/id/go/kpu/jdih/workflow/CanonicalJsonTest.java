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
