package id.go.kpu.jdih.publish.http;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.PlatformCallException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The classification shared by the adapters: credentials, Graph API errors (Instagram, Facebook, Threads),
 * unreadable success responses, and Graph time stamps.
 */
public final class PlatformErrors {

  // Graph API "Handling Errors" guide (developers.facebook.com/docs/graph-api/guides/error-handling) and the domain
  // brief: 4, 17, 32 and 613 are throttling; 10 and 200-299 are permissions;
  // 190 is an expired or invalid token; 506 a duplicate post; 1 and 2 temporary problems.
  private static final Set<Integer> GRAPH_RATE_LIMITS = Set.of(4, 17, 32, 613);
  // Instagram content publishing: subcode 2207042 means the account's publishing limit is reached;
  // 2207051 means the action was blocked as spam, and the domain brief records that the post may still go out.
  private static final int IG_PUBLISH_LIMIT = 2207042;
  private static final int IG_SPAM_BLOCK = 2207051;
  private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

  private PlatformErrors() {}

  /**
   * The token for {@code platform}; a temporary credential failure (a refresh that failed for now) is
   * {@link FailureKind#NOT_SENT} and retried, a missing or revoked one is {@link FailureKind#AUTH}.
   *
   * @param credentials the provider
   * @param platform the platform
   * @return the token
   * @throws PlatformCallException if there is none
   */
  public static AccessToken token(CredentialProvider credentials, Platform platform) {
    try {
      return credentials.token(platform);
    } catch (CredentialException e) {
      throw new PlatformCallException(e.temporary() ? FailureKind.NOT_SENT : FailureKind.AUTH, e.code(), e.text(),
          Optional.empty(), e);
    }
  }

  /**
   * Classifies a Graph API error response: {@code {"error":{"message","type","code","error_subcode",
   * "error_user_title","error_user_msg","fbtrace_id","is_transient"}}}.
   *
   * @param platform Instagram, Facebook or Threads
   * @param r the response (not 2xx)
   * @param publishing true if the call can publish
   * @param clock the clock, for rate-limit reset times
   * @return the exception to throw
   */
  public static PlatformCallException graph(Platform platform, ApiResponse r, boolean publishing, Clock clock) {
    JsonNode e = r.json().path("error");
    int code = e.path("code").asInt(-1);
    int sub = e.path("error_subcode").asInt(-1);
    boolean transientError = e.path("is_transient").asBoolean(false);
    // The platform's words go into messages and log lines: no line break or other control character of theirs.
    String message = LogSafe.escape(e.path("error_user_msg").asText(e.path("message").asText(r.body())));
    if (message.length() > 300) {
      message = message.substring(0, 300) + "…";
    }
    String pc = code < 0 ? "HTTP-" + r.status() : "GRAPH-" + code + (sub > 0 ? "-" + sub : "");
    String name = platform.displayName();
    if (sub == IG_SPAM_BLOCK) {
      return new PlatformCallException(publishing ? FailureKind.AMBIGUOUS : FailureKind.REJECTED, pc, Text.of(
          "%s memblokir tindakan ini sebagai spam (%s): %s; unggahan mungkin tetap terbit, diperiksa dulu",
          "%s blocked the action as spam (%s): %s; the post may still have gone out, checking first")
          .format(name, pc, message));
    }
    if (code == 190) {
      if (transientError) {
        return new PlatformCallException(FailureKind.NOT_SENT, pc, Text.of(
            "Token %s sementara tidak dapat diperiksa (%s); dicoba lagi", "The %s token could not be checked for now "
                + "(%s); retrying").format(name, pc));
      }
      return new PlatformCallException(FailureKind.AUTH, pc, Text.of(
          "Token akses %s kedaluwarsa atau tidak sah (%s): perbarui token halaman/akun di pengaturan lalu ulangi. "
              + "Pesan platform: %s",
          "The %s access token expired or is invalid (%s): renew the page/account token in the settings and retry. "
              + "Platform message: %s").format(name, pc, message));
    }
    if (code == 10 || (code >= 200 && code <= 299)) {
      return new PlatformCallException(FailureKind.AUTH, pc, Text.of(
          "Aplikasi tidak punya izin untuk menerbitkan di %s (%s): berikan izin yang diminta pada akun lalu ulangi. "
              + "Pesan platform: %s",
          "The app lacks the permission to publish on %s (%s): grant the permission on the account and retry. "
              + "Platform message: %s").format(name, pc, message));
    }
    if (GRAPH_RATE_LIMITS.contains(code) || r.status() == 429) {
      return new PlatformCallException(FailureKind.RATE_LIMITED, pc, Text.of(
          "%s membatasi laju panggilan (%s); ditunggu", "%s is throttling calls (%s); waiting").format(name, pc),
          regainAccess(r, clock), null);
    }
    if (sub == IG_PUBLISH_LIMIT || (code == 9 && platform != Platform.FACEBOOK)) {
      return new PlatformCallException(FailureKind.QUOTA_REACHED, pc, Text.of(
          "Kuota terbit %s per 24 jam sudah habis (%s); ditunggu", "The %s 24-hour publishing quota is used up (%s); "
              + "waiting").format(name, pc));
    }
    if (code == 506) {
      return new PlatformCallException(FailureKind.DUPLICATE, pc, Text.of(
          "%s menolak unggahan duplikat (%s)", "%s refused a duplicate post (%s)").format(name, pc));
    }
    if (transientError || r.status() >= 500 || code == 1 || code == 2) {
      return new PlatformCallException(publishing ? FailureKind.AMBIGUOUS : FailureKind.NOT_SENT, pc, Text.of(
          "%s mengalami gangguan sementara (%s): %s", "%s had a temporary problem (%s): %s")
          .format(name, pc, message));
    }
    return new PlatformCallException(FailureKind.REJECTED, pc, Text.of(
        "%s menolak unggahan (%s): %s", "%s refused the post (%s): %s").format(name, pc, message));
  }

  /**
   * A success response without the expected field. For a publishing call the post may exist:
   * {@link FailureKind#AMBIGUOUS}; otherwise nothing usable was made: {@link FailureKind#NOT_SENT}.
   *
   * @param platform the platform
   * @param call the call
   * @param field what was missing
   * @return the exception to throw
   */
  public static PlatformCallException unreadable(Platform platform, ApiCall call, String field) {
    return new PlatformCallException(call.publishing() ? FailureKind.AMBIGUOUS : FailureKind.NOT_SENT,
        "RESPONSE-UNREADABLE", Text.of("Jawaban %s atas %s tidak memuat %s", "The %s answer to %s has no %s")
        .format(platform.displayName(), call, field));
  }

  /** Parses a Graph API time stamp ({@code 2024-03-04T02:00:00+0000}) or an ISO-8601 one. */
  public static Optional<Instant> graphTime(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text, GRAPH_TIME).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  // The X-Business-Use-Case-Usage header gives, per business, estimated_time_to_regain_access in minutes.
  private static Optional<Instant> regainAccess(ApiResponse r, Clock clock) {
    Optional<String> header = r.header("x-business-use-case-usage");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode root = HttpApi.json().readTree(header.get());
      int minutes = 0;
      for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
        for (JsonNode usage : it.next()) {
          minutes = Math.max(minutes, usage.path("estimated_time_to_regain_access").asInt(0));
        }
      }
      return minutes > 0 ? Optional.of(clock.instant().plusSeconds(60L * minutes)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
