package id.go.kpu.jdih.testkit.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import id.go.kpu.jdih.publish.http.HttpApi;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an emulator answers.
 *
 * @param status the HTTP status
 * @param body the body
 * @param headers extra headers
 */
public record Reply(int status, String body, Map<String, String> headers) {

  /** A JSON reply built from a map or record with Jackson. */
  public static Reply json(int status, Object body) {
    try {
      return new Reply(status, HttpApi.json().writeValueAsString(body), Map.of("Content-Type", "application/json"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A reply with a text body. */
  public static Reply text(int status, String body, String contentType) {
    return new Reply(status, body, Map.of("Content-Type", contentType));
  }

  /** The same reply with one more header. */
  public Reply header(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(status, body, h);
  }

  /** A Graph API error body with the given code and subcode (0 for none). */
  public static Reply graphError(int status, int code, int subcode, String message, boolean isTransient) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("message", message);
    e.put("type", code == 190 ? "OAuthException" : "GraphMethodException");
    e.put("code", code);
    if (subcode > 0) {
      e.put("error_subcode", subcode);
    }
    e.put("is_transient", isTransient);
    e.put("fbtrace_id", "EmuTrace" + code);
    return json(status, Map.of("error", e));
  }
}
