package id.go.kpu.jdih.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Escaping control characters in logged values. */
class LogSafeTest {

  @Test
  void lineBreaksAndOtherControlsAreEscaped() {
    assertThat(LogSafe.of("Rina\n[main] ERROR x\r\n\tend").toString()).isEqualTo("Rina\\n[main] ERROR x\\r\\n\\tend");
    assertThat(LogSafe.escape("a\u0000b\u001Bc\u007Fd\u0085e")).isEqualTo("a\\u0000b\\u001Bc\\u007Fd\\u0085e");
    assertThat(LogSafe.escape("x\u2028y\u2029z\u202Eevil\u2066")).isEqualTo("x\\u2028y\\u2029z\\u202Eevil\\u2066");
  }

  @Test
  void ordinaryTextIsKeptAsItIs() {
    String text = "Rina Marlina, S.H. \u9078\u6319 \uD83D\uDE00 caf\u00E9 \\n";
    assertThat(LogSafe.escape(text)).isSameAs(text);
    assertThat(LogSafe.of(List.of("a", 1)).toString()).isEqualTo("[a, 1]");
    assertThat(LogSafe.of(null).toString()).isEqualTo("null");
  }
}
