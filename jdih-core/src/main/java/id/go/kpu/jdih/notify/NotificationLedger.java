package id.go.kpu.jdih.notify;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.workflow.CaseId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The port for the notification outbox: every delivery is recorded under its stable key before it is sent, so
 * that none is sent twice for the same event and a failed one is retried later, not lost; and how far each case
 * was read ({@link CaseProgress}). An office keeps it in its database to survive restarts;
 * {@link InMemoryNotificationLedger} is the in-memory one.
 *
 * <p>Contract: implementations are thread-safe (and, shared between processes, atomic per call); {@link #record}
 * adds a key at most once; {@link #claimDue} hands each due delivery to one caller only until its lease ends;
 * {@link #deliveries()} lists in recording order.
 */
public interface NotificationLedger {

  /**
   * Records {@code delivery} (status {@link DeliveryStatus#PENDING}) unless its key is known.
   *
   * @return true if it was new
   */
  boolean record(Delivery delivery);

  /**
   * Claims at most {@code max} deliveries that are due at {@code now} (pending with {@code nextAttemptAt <= now},
   * or sending with an ended lease), earliest first and then in recording order: each becomes
   * {@link DeliveryStatus#SENDING} until {@code now + lease}, with one more attempt counted.
   *
   * @return the claimed deliveries, as they are after the claim
   */
  ImmutableList<Delivery> claimDue(Instant now, int max, Duration lease);

  /** The claimed delivery {@code key} was sent at {@code at}. */
  void markSent(String key, Instant at);

  /**
   * The claimed delivery {@code key} failed at {@code at} with {@code error} (masked); it is due again at
   * {@code retryAt}, or, if that is empty, {@link DeliveryStatus#FAILED} for good.
   */
  void markFailed(String key, Instant at, String error, Optional<Instant> retryAt);

  /**
   * Returns the claimed delivery {@code key} to {@link DeliveryStatus#PENDING}, due at {@code until}, as if this
   * claim had not happened: the attempt it counted is taken back and its last error kept. For a delivery that may
   * not be sent yet (a reminder held until the office opens); it stays recorded, so it is never lost.
   */
  void release(String key, Instant until);

  /** The delivery with {@code key}, if recorded. */
  Optional<Delivery> find(String key);

  /** Every delivery, in recording order. */
  ImmutableList<Delivery> deliveries();

  /** How far {@code caseId} was read; empty if never. */
  Optional<CaseProgress> progress(CaseId caseId);

  /** Saves how far {@code caseId} was read. */
  void saveProgress(CaseId caseId, CaseProgress progress);
}
