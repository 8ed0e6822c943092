package id.go.kpu.jdih.publish;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * The intent a worker holds, saved with a compare-and-set at each step: if another worker changed it meanwhile,
 * {@link #save} throws {@link LeaseLost} and this worker stops acting on it. Not thread-safe: one worker's.
 */
final class IntentWork {
  IntentState state;
  private final OutboxStore store;
  private final Clock clock;

  IntentWork(IntentState state, OutboxStore store, Clock clock) {
    this.state = state;
    this.store = store;
    this.clock = clock;
  }

  /** Saves the next version of the state, made by {@code change}. */
  void save(Consumer<IntentState.Builder> change) {
    IntentState.Builder b = state.next(clock.instant());
    change.accept(b);
    IntentState next = b.build();
    if (!store.replace(state, next)) {
      throw new LeaseLost();
    }
    state = next;
  }
}
