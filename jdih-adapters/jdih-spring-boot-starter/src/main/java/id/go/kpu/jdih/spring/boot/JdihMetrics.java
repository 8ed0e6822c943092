package id.go.kpu.jdih.spring.boot;

import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.runtime.RunReport;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.store.jdbc.CaseSummary;
import id.go.kpu.jdih.store.jdbc.JdbcCaseStore;
import id.go.kpu.jdih.store.jdbc.JdbcStorage;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.workflow.CaseStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runtime's metrics, fed by the {@link JdihWorker}'s passes:
 *
 * <ul>
 *   <li>{@code jdih.deliveries} (counter, tag {@code outcome}: the intent's status after the attempt, e.g.
 *       {@code PUBLISHED}, {@code RETRY_SCHEDULED}, {@code NEEDS_CONFIRMATION}, {@code FAILED});
 *   <li>{@code jdih.notifications} (counter, tag {@code outcome}: {@code sent}, {@code retrying}, {@code failed},
 *       {@code unreachable});
 *   <li>{@code jdih.passes} (counter, tag {@code result}: {@code ok} or {@code failed});
 *   <li>with the JDBC storage, {@code jdih.cases} (gauge, tags {@code office}, {@code status}, {@code activity}:
 *       how many cases stand there) and {@code jdih.cases.overdue} (gauge, tag {@code office}: open cases past the
 *       time standard of their current activity on the office's calendar), refreshed after a pass at most once per
 *       refresh interval.
 * </ul>
 *
 * <p>Thread-safe: the worker's thread writes, the registry's readers read.
 */
public final class JdihMetrics implements MeterBinder, RunListener {

  private final Jdih jdih;
  private final OfficeCalendars calendars;
  private final Duration refreshEvery;
  private MeterRegistry registry;
  private MultiGauge cases;
  private MultiGauge overdue;
  private volatile Instant refreshedAt = Instant.MIN;

  /** Metrics of {@code jdih}; the case gauges are recounted at most every {@code refreshEvery}. */
  public JdihMetrics(Jdih jdih, OfficeCalendars calendars, Duration refreshEvery) {
    this.jdih = jdih;
    this.calendars = calendars;
    this.refreshEvery = refreshEvery;
  }

  @Override
  public synchronized void bindTo(MeterRegistry meters) {
    this.registry = meters;
    this.cases = MultiGauge.builder("jdih.cases").description("Cases by office, status and current activity")
        .register(meters);
    this.overdue = MultiGauge.builder("jdih.cases.overdue")
        .description("Open cases past the time standard of their current activity").register(meters);
  }

  @Override
  public void passed(RunReport report) {
    MeterRegistry meters = registry;
    if (meters == null) {
      return;
    }
    for (IntentState s : report.deliveries().handled()) {
      Counter.builder("jdih.deliveries").tag("outcome", s.status().name()).register(meters).increment();
    }
    count(meters, "sent", report.notifications().sent().size());
    count(meters, "retrying", report.notifications().retrying().size());
    count(meters, "failed", report.notifications().failed().size());
    count(meters, "unreachable", report.notifications().unreachable().size());
    Counter.builder("jdih.passes").tag("result", "ok").register(meters).increment();
    Instant now = report.at();
    if (Duration.between(refreshedAt, now).compareTo(refreshEvery) >= 0 || refreshedAt.equals(Instant.MIN)) {
      refreshedAt = now;
      refresh(now);
    }
  }

  @Override
  public void failed(RuntimeException failure) {
    MeterRegistry meters = registry;
    if (meters != null) {
      Counter.builder("jdih.passes").tag("result", "failed").register(meters).increment();
    }
  }

  /** Recounts the case gauges now (the JDBC storage only). */
  public synchronized void refresh(Instant now) {
    if (cases == null || !(jdih.storage() instanceof JdbcStorage jdbc)) {
      return;
    }
    JdbcCaseStore store = jdbc.cases();
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (JdbcCaseStore.CaseCount c : store.countByOfficeStatusAndActivity()) {
      String activity = c.activity().isPresent() ? Integer.toString(c.activity().getAsInt()) : "none";
      rows.add(MultiGauge.Row.of(Tags.of("office", c.office(), "status", c.status().name(), "activity", activity),
          c.count()));
    }
    cases.register(rows, true);
    Map<String, Long> late = new HashMap<>();
    Map<SopKey, Optional<SopDefinition>> definitions = new HashMap<>();
    Map<String, Optional<Deadlines>> deadlines = new HashMap<>();
    try (Stream<CaseSummary> open = store.casesByStatus(CaseStatus.OPEN)) {
      open.forEach(c -> {
        if (c.currentActivity().isEmpty() || c.availableSince().isEmpty()) {
          return;
        }
        String office = c.sop().officeId();
        late.putIfAbsent(office, 0L);
        Optional<Instant> due = definitions.computeIfAbsent(c.sop(), jdih.definitions()::find)
            .flatMap(d -> d.activity(c.currentActivity().getAsInt()))
            .flatMap(a -> deadlines.computeIfAbsent(office, o -> calendars.forOffice(o).map(Deadlines::new))
                .flatMap(d -> d.due(a, c.availableSince().get())));
        if (due.isPresent() && now.isAfter(due.get())) {
          late.merge(office, 1L, Long::sum);
        }
      });
    }
    List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
    late.forEach((office, n) -> overdueRows.add(MultiGauge.Row.of(Tags.of("office", office), n)));
    overdue.register(overdueRows, true);
  }

  private static void count(MeterRegistry meters, String outcome, int n) {
    if (n > 0) {
      Counter.builder("jdih.notifications").tag("outcome", outcome).register(meters).increment(n);
    }
  }
}
