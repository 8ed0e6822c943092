package id.go.kpu.jdih.server.api;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.server.directory.ApiTokens.Scope;
import id.go.kpu.jdih.store.jdbc.JdbcStorage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the office's people were told: the hand-offs and reminders of the office's cases, newest first, with their
 * delivery status. Recipients' addresses appear masked only.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/offices/{office}/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
public class NotificationsController {

  /** One notification as delivered (or being delivered) on one channel. */
  public record NotificationView(String key, String kind, String caseId, Optional<Integer> activity,
      String recipient, Optional<String> maskedAddress, String channel, String status, int attempts,
      Instant recordedAt, Optional<Instant> sentAt, String subject) {

    static NotificationView of(Delivery d, Language language) {
      var n = d.notification();
      Optional<String> masked = d.channel().equals("email") ? n.recipient().maskedEmail()
          : d.channel().equals("telegram") ? n.recipient().maskedTelegram() : Optional.empty();
      return new NotificationView(n.key(), n.kind().name(), n.caseId().value(),
          n.activity().isPresent() ? Optional.of(n.activity().getAsInt()) : Optional.empty(), n.recipient().name(),
          masked, d.channel(), d.status().name(), d.attempts(), d.recordedAt(), d.sentAt(), n.subject().in(language));
    }
  }

  private final Jdih jdih;
  private final Access access;

  NotificationsController(Jdih jdih, Access access) {
    this.jdih = jdih;
    this.access = access;
  }

  /** The newest {@code limit} notifications of the office's cases. */
  @GetMapping
  public List<NotificationView> list(@PathVariable String office,
      @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit, HttpServletRequest request) {
    access.member(office, Scope.CASES_READ);
    Language language = Problems.language(request);
    if (!(jdih.storage() instanceof JdbcStorage storage)) {
      return List.of();
    }
    return storage.notifications().deliveriesOfOffice(office, limit).stream()
        .map(d -> NotificationView.of(d, language)).toList();
  }
}
