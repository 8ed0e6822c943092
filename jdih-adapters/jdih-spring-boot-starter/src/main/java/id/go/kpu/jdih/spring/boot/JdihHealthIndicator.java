package id.go.kpu.jdih.spring.boot;

import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.store.jdbc.JdbcStorage;
import id.go.kpu.jdih.time.DayOff;
import id.go.kpu.jdih.time.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The runtime's health: whether its storage answers, how far the outbox is behind, how many publications wait for
 * a person to confirm them, and whether the working calendar knows the current year's holidays.
 *
 * <ul>
 *   <li>{@code DOWN} when the storage does not answer;
 *   <li>{@link #DEGRADED} when the earliest due intent is older than the tolerated backlog age (no worker is
 *       delivering), or the calendar has no day off in the current year (its holidays are not loaded: deadlines
 *       would count holidays as working days);
 *   <li>{@code UP} otherwise. Intents waiting for confirmation are reported, not judged: they wait for a person.
 * </ul>
 *
 * <p>Details never hold a secret: counts, times and the calendar's last covered date only.
 */
public final class JdihHealthIndicator extends AbstractHealthIndicator {

  /** The status when the runtime works but needs attention; served with HTTP 200 unless mapped otherwise. */
  public static final Status DEGRADED = new Status("DEGRADED", "jdih needs attention");

  private final Jdih jdih;
  private final WorkingCalendar calendar;
  private final Duration maxBacklogAge;

  /** Health of {@code jdih}, whose default office works on {@code calendar}. */
  public JdihHealthIndicator(Jdih jdih, WorkingCalendar calendar, Duration maxBacklogAge) {
    super("jdih health check failed");
    this.jdih = jdih;
    this.calendar = calendar;
    this.maxBacklogAge = maxBacklogAge;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Instant now = jdih.clock().instant();
    boolean degraded = false;
    Optional<Instant> nextDue = jdih.storage().outbox().nextDueAt();
    Duration backlog = nextDue.filter(now::isAfter).map(d -> Duration.between(d, now)).orElse(Duration.ZERO);
    builder.withDetail("outboxBacklogSeconds", backlog.toSeconds());
    nextDue.ifPresent(d -> builder.withDetail("outboxNextDueAt", d.toString()));
    if (backlog.compareTo(maxBacklogAge) > 0) {
      degraded = true;
      builder.withDetail("outboxBehind", "earliest due intent waits longer than " + maxBacklogAge);
    }
    if (jdih.storage() instanceof JdbcStorage jdbc) {
      Map<String, Long> counts = new TreeMap<>();
      jdbc.outbox().countByStatus(Optional.empty()).forEach((s, n) -> counts.put(s.name(), n));
      builder.withDetail("intents", counts);
      builder.withDetail("intentsWaitingForConfirmation",
          counts.getOrDefault(IntentStatus.NEEDS_CONFIRMATION.name(), 0L));
    }
    LocalDate today = now.atZone(calendar.zone()).toLocalDate();
    Optional<LocalDate> coveredUntil = calendar.holidays().all().stream().map(DayOff::date)
        .max(LocalDate::compareTo);
    builder.withDetail("calendarZone", calendar.zone().getId());
    coveredUntil.ifPresent(d -> builder.withDetail("calendarCoveredUntil", d.toString()));
    if (coveredUntil.isEmpty() || coveredUntil.get().getYear() < today.getYear()) {
      degraded = true;
      builder.withDetail("calendarNotCovered", "no day off known in " + today.getYear());
    }
    builder.status(degraded ? DEGRADED : Status.UP);
  }
}
