package id.go.kpu.jdih.runtime;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.notify.TickReport;
import id.go.kpu.jdih.publish.DeliveryReport;
import java.time.Instant;

/**
 * What one {@link Jdih#runDue} pass did.
 *
 * @param at the time of the pass
 * @param intentsRecovered intents recorded for cases found at their upload activity without them (first pass only)
 * @param deliveries what the outbox did
 * @param notifications what the notifications did
 */
public record RunReport(Instant at, int intentsRecovered, DeliveryReport deliveries, TickReport notifications) {

  /** All fields are required. */
  public RunReport {
    checkNotNull(at, "at");
    checkArgument(intentsRecovered >= 0, "intentsRecovered must not be negative");
    checkNotNull(deliveries, "deliveries");
    checkNotNull(notifications, "notifications");
  }

  /** Counts only. */
  @Override
  public String toString() {
    return "run " + at + ": " + intentsRecovered + " intents recovered, " + deliveries.handled().size()
        + " intents handled; " + notifications;
  }
}
