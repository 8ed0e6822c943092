package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.workflow.CaseId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link NotificationLedger} in memory: for tests, demos and embedders that accept losing the outbox with the
 * JVM. Keeps every delivery (sent ones too, so their keys stay known) and a queue of the open ones ordered by due
 * time, so {@link #claimDue} does not scan the sent ones.
 *
 * <p>Thread-safe: deliveries are guarded by the ledger's lock, progress lives in a concurrent map.
 */
public final class InMemoryNotificationLedger implements NotificationLedger {

  private record Due(Instant at, long seq, String key) {}

  private static final Comparator<Due> ORDER = Comparator.comparing(Due::at).thenComparingLong(Due::seq);

  private final Map<String, Delivery> deliveries = new LinkedHashMap<>();
  private final Map<String, Due> queued = new HashMap<>();
  private final Map<String, Long> sequence = new HashMap<>();
  private final TreeSet<Due> queue = new TreeSet<>(ORDER);
  private final ConcurrentMap<CaseId, CaseProgress> progress = new ConcurrentHashMap<>();
  private long nextSeq;

  /** An empty ledger. */
  public InMemoryNotificationLedger() {}

  @Override
  public synchronized boolean record(Delivery delivery) {
    checkNotNull(delivery, "delivery");
    checkArgument(delivery.status() == DeliveryStatus.PENDING, "a new delivery is pending, not %s",
        delivery.status());
    if (deliveries.containsKey(delivery.key())) {
      return false;
    }
    deliveries.put(delivery.key(), delivery);
    sequence.put(delivery.key(), nextSeq++);
    enqueue(delivery);
    return true;
  }

  @Override
  public synchronized ImmutableList<Delivery> claimDue(Instant now, int max, Duration lease) {
    checkNotNull(now, "now");
    checkArgument(max > 0, "max must be > 0");
    checkArgument(!lease.isNegative() && !lease.isZero(), "lease must be positive");
    ImmutableList.Builder<Delivery> claimed = ImmutableList.builder();
    int n = 0;
    Iterator<Due> it = queue.iterator();
    List<Delivery> updated = new ArrayList<>();
    while (it.hasNext() && n < max) {
      Due d = it.next();
      if (d.at().isAfter(now)) {
        break;
      }
      it.remove();
      queued.remove(d.key());
      Delivery before = checkNotNull(deliveries.get(d.key()), "a queued delivery is known");
      Delivery after = before.with(DeliveryStatus.SENDING, before.attempts() + 1, now.plus(lease), before.sentAt(),
          before.lastError());
      updated.add(after);
      claimed.add(after);
      n++;
    }
    for (Delivery after : updated) {
      deliveries.put(after.key(), after);
      enqueue(after);
    }
    return claimed.build();
  }

  @Override
  public synchronized void markSent(String key, Instant at) {
    Delivery before = known(key);
    dequeue(key);
    deliveries.put(key, before.with(DeliveryStatus.SENT, before.attempts(), at, Optional.of(at),
        before.lastError()));
  }

  @Override
  public synchronized void markFailed(String key, Instant at, String error, Optional<Instant> retryAt) {
    checkNotNull(error, "error");
    checkNotNull(retryAt, "retryAt");
    Delivery before = known(key);
    dequeue(key);
    Delivery after = retryAt.isPresent()
        ? before.with(DeliveryStatus.PENDING, before.attempts(), retryAt.get(), Optional.empty(), Optional.of(error))
        : before.with(DeliveryStatus.FAILED, before.attempts(), at, Optional.empty(), Optional.of(error));
    deliveries.put(key, after);
    enqueue(after);
  }

  @Override
  public synchronized void release(String key, Instant until) {
    checkNotNull(until, "until");
    Delivery before = known(key);
    dequeue(key);
    Delivery after = before.with(DeliveryStatus.PENDING, Math.max(0, before.attempts() - 1), until, Optional.empty(),
        before.lastError());
    deliveries.put(key, after);
    enqueue(after);
  }

  @Override
  public synchronized Optional<Delivery> find(String key) {
    return Optional.ofNullable(deliveries.get(checkNotNull(key, "key")));
  }

  @Override
  public synchronized ImmutableList<Delivery> deliveries() {
    return ImmutableList.copyOf(deliveries.values());
  }

  @Override
  public Optional<CaseProgress> progress(CaseId caseId) {
    return Optional.ofNullable(progress.get(checkNotNull(caseId, "caseId")));
  }

  @Override
  public void saveProgress(CaseId caseId, CaseProgress p) {
    progress.put(checkNotNull(caseId, "caseId"), checkNotNull(p, "progress"));
  }

  private Delivery known(String key) {
    Delivery d = deliveries.get(checkNotNull(key, "key"));
    checkArgument(d != null, "unknown delivery %s", key);
    return d;
  }

  private void enqueue(Delivery d) {
    if (d.status().open()) {
      long seq = checkNotNull(sequence.get(d.key()), "a known delivery has a sequence");
      Due due = new Due(d.nextAttemptAt(), seq, d.key());
      queue.add(due);
      queued.put(d.key(), due);
    }
  }

  private void dequeue(String key) {
    Due due = queued.remove(key);
    if (due != null) {
      queue.remove(due);
    }
  }
}
