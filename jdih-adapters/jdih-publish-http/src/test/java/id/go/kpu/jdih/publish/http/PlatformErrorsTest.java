package id.go.kpu.jdih.publish.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.PlatformCallException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Graph API error codes of the domain brief, each to its failure kind. */
class PlatformErrorsTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-04T02:00:00Z"), ZoneOffset.UTC);

  private static PlatformCallException graph(int status, String body, boolean publishing, Map<String, String> h) {
    JsonNode json;
    try {
      json = HttpApi.json().readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    Map<String, List<String>> values = new java.util.HashMap<>();
    h.forEach((k, v) -> values.put(k, List.of(v)));
    HttpHeaders headers = HttpHeaders.of(values, (a, b) -> true);
    return PlatformErrors.graph(Platform.INSTAGRAM, new ApiResponse(status, headers, body, json), publishing, CLOCK);
  }

  private static String error(int code, int sub, boolean isTransient) {
    return "{\"error\":{\"message\":\"m\",\"type\":\"OAuthException\",\"code\":" + code
        + (sub > 0 ? ",\"error_subcode\":" + sub : "") + ",\"is_transient\":" + isTransient
        + ",\"fbtrace_id\":\"A\"}}";
  }

  @Test
  void classifiesEveryCodeOfTheBrief() {
    assertThat(graph(400, error(190, 463, false), true, Map.of()).kind()).isEqualTo(FailureKind.AUTH);
    assertThat(graph(400, error(190, 0, true), true, Map.of()).kind()).as("temporary").isEqualTo(FailureKind.NOT_SENT);
    assertThat(graph(403, error(10, 0, false), true, Map.of()).kind()).isEqualTo(FailureKind.AUTH);
    assertThat(graph(403, error(200, 0, false), true, Map.of()).kind()).isEqualTo(FailureKind.AUTH);
    assertThat(graph(403, error(299, 0, false), true, Map.of()).kind()).isEqualTo(FailureKind.AUTH);
    for (int code : new int[] {4, 17, 32, 613}) {
      assertThat(graph(400, error(code, 0, true), true, Map.of()).kind()).isEqualTo(FailureKind.RATE_LIMITED);
    }
    assertThat(graph(400, error(9, 2207042, false), true, Map.of()).kind()).isEqualTo(FailureKind.QUOTA_REACHED);
    assertThat(graph(400, error(9, 2207051, false), true, Map.of()).kind()).isEqualTo(FailureKind.AMBIGUOUS);
    assertThat(graph(400, error(506, 0, false), true, Map.of()).kind()).isEqualTo(FailureKind.DUPLICATE);
    assertThat(graph(500, error(2, 0, true), true, Map.of()).kind()).isEqualTo(FailureKind.AMBIGUOUS);
    assertThat(graph(500, error(2, 0, true), false, Map.of()).kind()).isEqualTo(FailureKind.NOT_SENT);
    assertThat(graph(400, error(100, 0, false), true, Map.of()).kind()).isEqualTo(FailureKind.REJECTED);
  }

  @Test
  void theExpiredTokenMessageSaysWhatToDoInBothLanguages() {
    PlatformCallException e = graph(400, error(190, 463, false), true, Map.of());
    assertThat(e.code()).isEqualTo("JDIH-PUBLISH-014");
    assertThat(e.platformCode()).isEqualTo("GRAPH-190-463");
    assertThat(e.text().id()).contains("kedaluwarsa").contains("perbarui token");
    assertThat(e.text().en()).contains("expired").contains("renew");
  }

  @Test
  void aThrottledBusinessSaysWhenAccessReturns() {
    PlatformCallException e = graph(400, error(32, 0, true), false, Map.of("x-business-use-case-usage",
        "{\"123\":[{\"type\":\"pages\",\"call_count\":100,\"estimated_time_to_regain_access\":7}]}"));
    assertThat(e.retryAt()).contains(CLOCK.instant().plusSeconds(7 * 60));
  }

  @Test
  void readsGraphTimeStamps() {
    assertThat(PlatformErrors.graphTime("2024-03-04T02:00:05+0000")).contains(Instant.parse("2024-03-04T02:00:05Z"));
    assertThat(PlatformErrors.graphTime("2024-03-04T02:00:05Z")).contains(Instant.parse("2024-03-04T02:00:05Z"));
    assertThat(PlatformErrors.graphTime("kemarin")).isEmpty();
  }

  @Test
  void aPlatformMessageCannotBreakTheLinesOfAMessageOrALog() {
    String body = "{\"error\":{\"message\":\"ditolak\\n[main] ERROR Audit - palsu\\r\\u2028x\",\"code\":100}}";
    PlatformCallException e = graph(400, body, true, Map.of());
    assertThat(e.text().en()).doesNotContain("\n", "\r", "\u2028").contains("ditolak\\n[main] ERROR Audit");
    assertThat(e.getMessage()).doesNotContain("\n", "\r");
  }
}
