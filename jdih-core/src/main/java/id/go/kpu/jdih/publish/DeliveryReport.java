package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;

/**
 * What one {@link OutboxDelivery#deliverDue()} call did.
 *
 * @param at when the call started
 * @param handled the intents it acted on, in their state after it
 */
public record DeliveryReport(Instant at, ImmutableList<IntentState> handled) {

  /** Both fields are required. */
  public DeliveryReport {
    checkNotNull(at, "at");
    checkNotNull(handled, "handled");
  }

  /** How many handled intents ended the call in {@code status}. */
  public long count(IntentStatus status) {
    return handled.stream().filter(s -> s.status() == status).count();
  }
}
