package id.go.kpu.jdih.publish;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.log.LogSafe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every part of the outbox does to an intent it holds: hand out the {@link IntentWork} that saves each step
 * with a compare-and-set, schedule a retry, stop to wait for a person (and tell them), stop for good, and the
 * waits between attempts (the policy's {@link id.go.kpu.jdih.time.Backoff back-off} and jitter). Thread-safe.
 */
final class IntentSteps {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

  final OutboxStore store;
  final Clock clock;
  final OutboxPolicy policy;
  private final RandomGenerator random;
  private final PublicationConfirmationHook confirmationHook;

  IntentSteps(OutboxStore store, Clock clock, OutboxPolicy policy, RandomGenerator random,
      PublicationConfirmationHook confirmationHook) {
    this.store = store;
    this.clock = clock;
    this.policy = policy;
    this.random = random;
    this.confirmationHook = confirmationHook;
  }

  /** The work on {@code state}, which this worker holds. */
  IntentWork work(IntentState state) {
    return new IntentWork(state, store, clock);
  }

  void schedule(IntentWork w, Instant at, @Nullable Problem problem, Text note, Consumer<IntentState.Builder> more) {
    w.save(b -> {
      b.status(IntentStatus.RETRY_SCHEDULED);
      b.nextAttemptAt = Optional.of(at);
      b.problem = Optional.ofNullable(problem).or(() -> b.problem);
      more.accept(b);
      b.note(note);
    });
  }

  void needsConfirmation(IntentWork w, @Nullable Problem problem, Text note) {
    needsConfirmation(w, problem, note, b -> { });
  }

  void needsConfirmation(IntentWork w, @Nullable Problem problem, Text note, Consumer<IntentState.Builder> more) {
    w.save(b -> {
      b.status(IntentStatus.NEEDS_CONFIRMATION);
      b.problem = Optional.ofNullable(problem).or(() -> b.problem);
      more.accept(b);
      b.note(note);
    });
    LOG.warn("intent {}: needs confirmation: {}", LogSafe.of(w.state.id()), LogSafe.of(note.en()));
    tell(w.state, note);
  }

  void fail(IntentWork w, Problem problem, @Nullable Text note, Consumer<IntentState.Builder> more) {
    Text text = note == null ? problem.text() : note;
    w.save(b -> {
      b.status(IntentStatus.FAILED);
      b.problem = Optional.of(problem);
      more.accept(b);
      b.note(text);
    });
    LOG.warn("intent {}: failed: {}", LogSafe.of(w.state.id()), LogSafe.of(text.en()));
  }

  // Failures stay visible in the intent's state and the log; a person is told when their confirmation is needed.
  void tell(IntentState s, Text reason) {
    PublicationIntent intent = s.intent();
    try {
      confirmationHook.needsConfirmation(new PublicationNeedsConfirmation(intent.caseId(), intent.platform(),
          intent.id().toString(), reason, clock.instant()));
    } catch (RuntimeException e) {
      LOG.warn("intent {}: the confirmation notice failed", LogSafe.of(s.id()), e);
    }
  }

  static PlatformCallException unexpected(RuntimeException e) {
    // The client broke its contract (an unclassified exception): the request may have gone out.
    return new PlatformCallException(FailureKind.AMBIGUOUS, "UNEXPECTED", Text.of(
        "Kesalahan tak terduga di adaptor: %s", "Unexpected error in the adapter: %s")
        .format(e.getClass().getSimpleName()), Optional.empty(), e);
  }

  Duration backoff(int failures) {
    return policy.backoff().delayAfter(failures, random);
  }

  Duration jitter(Duration max) {
    long ms = max.toMillis();
    if (ms <= 0) {
      return Duration.ZERO;
    }
    synchronized (random) {
      return Duration.ofMillis(random.nextLong(ms + 1));
    }
  }
}
