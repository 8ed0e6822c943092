package id.go.kpu.jdih.runtime;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.anchor.HeadSealException;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.publish.DeliveryReport;
import id.go.kpu.jdih.publish.IntentId;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.OutboxDelivery;
import id.go.kpu.jdih.publish.OutboxException;
import id.go.kpu.jdih.publish.OutboxStore;
import id.go.kpu.jdih.publish.PublicationIntents;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.Principal;
import id.go.kpu.jdih.workflow.RecordedEvent;
import id.go.kpu.jdih.workflow.TamperedHistoryException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publishing outbox of a {@link Jdih} runtime. Its intents are recorded by the runtime itself, atomically with
 * the event that brings a case to its upload activity; {@link #deliverDue()} (or the runtime's
 * {@link Jdih#runDue}) sends them, never twice (see {@link OutboxDelivery}), and records each post on its case as
 * the runtime's publishing principal.
 *
 * <p>The answers a person gives when an intent needs confirmation, and a new round after a failure, are taken on
 * behalf of a principal whose roles come from the directory: they must hold the upload activity's executor role or
 * the definition's withdrawal role (Kasubag Hukum in the reference SOP). Thread-safe.
 */
public final class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final OutboxDelivery delivery;
  private final OutboxStore store;
  private final Cases cases;
  private final CaseStore caseStore;
  private final Clock clock;

  Outbox(OutboxDelivery delivery, OutboxStore store, Cases cases, CaseStore caseStore, Clock clock) {
    this.delivery = delivery;
    this.store = store;
    this.cases = cases;
    this.caseStore = caseStore;
    this.clock = clock;
  }

  /** Sends, checks, retries or stops every intent that is due (one batch); see {@link OutboxDelivery#deliverDue}. */
  public DeliveryReport deliverDue() {
    return delivery.deliverDue();
  }

  /** When an intent next becomes due, or empty if none will without a person. */
  public Optional<Instant> nextDueAt() {
    return delivery.nextDueAt();
  }

  /** The intent with {@code id}, if any. */
  public Optional<IntentState> intent(IntentId id) {
    return delivery.intent(id);
  }

  /** Every intent of a case, ordered by id. */
  public ImmutableList<IntentState> intents(CaseId caseId) {
    return delivery.intents(caseId);
  }

  /**
   * A person confirms that the intent's content is on the platform: it becomes published and the post is recorded
   * on the case.
   *
   * @throws OutboxException if there is no such intent, it is in another status, or the person may not answer
   */
  public IntentState confirmPublished(Principal principal, IntentId id, String postId, URI url,
      Instant publishedAt) {
    return delivery.confirmPublished(id, postId, url, publishedAt, answering(principal, id));
  }

  /**
   * A person confirms that the intent's content is not on the platform: it is sent again at once.
   *
   * @throws OutboxException if there is no such intent, it is in another status, or the person may not answer
   */
  public IntentState confirmNotPublished(Principal principal, IntentId id) {
    return delivery.confirmNotPublished(id, answering(principal, id));
  }

  /**
   * Starts a new round for a failed intent after a person fixed the cause (renewed a token, restored a file).
   *
   * @throws OutboxException if the intent is unknown, not failed or not the latest round, or the person does not
   *     hold the upload activity's role
   */
  public IntentState retryFailed(Principal principal, IntentId id) {
    return delivery.retryFailed(id, cases.resolve(checkNotNull(principal, "principal")));
  }

  /**
   * Records the intents a case at its upload activity lacks: those of cases that reached it before this version of
   * the library recorded intents itself, or whose intents a crash left unrecorded in a store that records them
   * apart. The runtime does this for every case at its first {@link Jdih#runDue}; this does it for one case now.
   * Idempotent.
   *
   * @return the intents recorded now
   */
  public ImmutableList<IntentState> recover(CaseId caseId) {
    ContentCase c = cases.get(checkNotNull(caseId, "caseId"));
    SopDefinition definition = cases.definitionOf(caseId);
    if (!PublicationIntents.atUpload(definition, c)) {
      return ImmutableList.of();
    }
    List<RecordedEvent> history = cases.history(caseId);
    RecordedEvent ready = history.get(history.size() - 1);
    ImmutableList<IntentState> missing = PublicationIntents.missing(c, store.forCase(caseId), ready.actor(),
        clock.instant());
    ImmutableList.Builder<IntentState> added = ImmutableList.builder();
    for (IntentState s : missing) {
      if (store.add(s)) {
        added.add(s);
        LOG.info("intent {} recovered for case {}, which was at its upload activity without it", LogSafe.of(s.id()),
            LogSafe.of(caseId));
      }
    }
    return added.build();
  }

  /** {@link #recover(CaseId)} for every case; a case that cannot be read is logged and skipped. */
  int recoverAll() {
    int n = 0;
    List<CaseId> ids;
    try (Stream<CaseId> all = caseStore.caseIds()) {
      ids = all.toList();
    }
    for (CaseId id : ids) {
      try {
        n += recover(id).size();
      } catch (TamperedHistoryException | HeadSealException e) {
        LOG.error("case {}: {}", LogSafe.of(id), LogSafe.of(e.getMessage()));
      } catch (RuntimeException e) {
        LOG.error("case {}: its intents could not be checked: {}", LogSafe.of(id), LogSafe.of(e.toString()));
      }
    }
    return n;
  }

  /** The delivery underneath. */
  OutboxDelivery delivery() {
    return delivery;
  }

  private Person answering(Principal principal, IntentId id) {
    Person person = cases.resolve(checkNotNull(principal, "principal"));
    IntentState s = delivery.intent(checkNotNull(id, "id")).orElseThrow(() -> new OutboxException(
        OutboxException.Reason.UNKNOWN_INTENT, Text.of("Niat terbit %s tidak ada", "There is no intent %s")
            .format(id)));
    SopDefinition definition = cases.definitionOf(s.intent().caseId());
    boolean uploader = definition.activities().stream()
        .filter(a -> a.kind() == ActivityKind.PUBLICATION)
        .anyMatch(a -> person.holds(a.executor()));
    Optional<RoleId> withdrawal = definition.flow().withdrawalRole();
    if (!uploader && !(withdrawal.isPresent() && person.holds(withdrawal.get()))) {
      throw new OutboxException(OutboxException.Reason.NOT_EXECUTOR, Text.of(
          "%s tidak memegang peran unggah atau peran %s; jawaban untuk niat terbit %s ditolak",
          "%s holds neither the upload role nor the role %s; the answer for intent %s is refused").format(person,
          withdrawal.map(RoleId::value).orElse("-"), id));
    }
    return person;
  }
}
