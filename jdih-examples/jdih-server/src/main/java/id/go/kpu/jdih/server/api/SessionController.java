package id.go.kpu.jdih.server.api;

import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CSRF token of a browser session, for scripts of the server's own pages that call the API with the session
 * cookie (callers with an API token need none).
 */
@RestController
public class SessionController {

  /** The header to send the token in, and the token. */
  @GetMapping(path = "/api/v1/csrf", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> csrf(CsrfToken token) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(Map.of("headerName", token.getHeaderName(), "token", token.getToken()));
  }
}
