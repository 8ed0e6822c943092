package id.go.kpu.jdih.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.publish.PublicationIntents;
import id.go.kpu.jdih.runtime.Storage;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.store.InvalidAppendException;
import id.go.kpu.jdih.store.VersionConflictException;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseDecider;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.OutputRules;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Storage} passes: its parts are one backend, and {@link Storage#append} stores a
 * command's events and the intents they call for together or not at all, visibly to every instance on the backend.
 * An adapter's test extends this class; published in jdih-testkit. The parts themselves are checked by the
 * case store, outbox store and ledger contracts.
 */
public abstract class StorageContract {

  private static final Instant T0 = Instant.parse("2024-03-04T02:00:00Z");
  private final CaseDecider decider = new CaseDecider(ReferenceSop.definition(), OutputRules.acceptAll());
  private final List<Storage> opened = new ArrayList<>();

  /** New, empty storage on a new backend. */
  protected abstract Storage createStorage() throws Exception;

  /** Another instance on the backend of {@code storage}, as a second process would open it (default: the same). */
  protected Storage reopen(Storage storage) throws Exception {
    return storage;
  }

  private Storage storage() throws Exception {
    Storage s = createStorage();
    opened.add(s);
    return s;
  }

  private Storage other(Storage s) throws Exception {
    Storage o = reopen(s);
    if (o != s) {
      opened.add(o);
    }
    return o;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(Storage::close);
    opened.clear();
  }

  /** The events of the reference SOP's commands up to (and with) the caption, each chained to the one before. */
  private List<RecordedEvent> upToCaption(CaseId id) {
    List<RecordedEvent> out = new ArrayList<>();
    ContentCase state = ContentCase.empty(id);
    List<CaseCommand> commands = Fixtures.happyPath(id, Fixtures.informasiHukum(Platform.X, Platform.TELEGRAM), T0);
    for (CaseCommand c : commands.subList(0, 6)) {
      for (RecordedEvent e : decider.decide(state, c, T0.plusSeconds(out.size()))) {
        out.add(e);
        state = state.apply(decider.definition(), e);
      }
    }
    return out;
  }

  private ImmutableList<IntentState> intentsFor(List<RecordedEvent> events) {
    ContentCase c = ContentCase.replay(events.get(0).caseId(), decider.definition(), events);
    return PublicationIntents.missing(c, List.of(), Fixtures.KASUBAG, T0);
  }

  @Test
  void eventsAndIntentsAreStoredTogetherAndSeenByEveryInstance() throws Exception {
    Storage storage = storage();
    CaseId id = CaseId.of("bersama");
    List<RecordedEvent> events = upToCaption(id);
    storage.append(id, 0, events.subList(0, 5), List.of());
    ImmutableList<IntentState> intents = intentsFor(events);
    assertThat(intents).hasSize(2);
    storage.append(id, 5, events.subList(5, 6), intents);
    Storage again = other(storage);
    assertThat(again.cases().load(id)).isEqualTo(events);
    assertThat(again.outbox().forCase(id)).containsExactlyInAnyOrderElementsOf(intents);
    assertThat(again.outbox().due(T0, 10)).extracting(s -> s.intent().platform())
        .containsExactly(Platform.TELEGRAM, Platform.X);
    assertThat(storage.cases()).isNotNull();
    assertThat(storage.notifications().deliveries()).isEmpty();
  }

  @Test
  void aRefusedAppendRecordsNoIntent() throws Exception {
    Storage storage = storage();
    CaseId id = CaseId.of("ditolak");
    List<RecordedEvent> events = upToCaption(id);
    storage.append(id, 0, events.subList(0, 5), List.of());
    ImmutableList<IntentState> intents = intentsFor(events);
    // the wrong expected version: another writer was first
    assertThatThrownBy(() -> storage.append(id, 4, events.subList(5, 6), intents))
        .isInstanceOf(VersionConflictException.class);
    // an event that does not continue the history
    RecordedEvent e = events.get(5);
    RecordedEvent broken = new RecordedEvent(e.caseId(), e.sequence(), e.sop(), e.commandId(), e.principal(),
        e.actor(), e.at(), e.activity(), new CaseEvent.Summarized("diubah"), e.previousHash(), e.hash(),
        e.hashFormat());
    assertThatThrownBy(() -> storage.append(id, 5, List.of(broken), intents))
        .isInstanceOf(InvalidAppendException.class);
    assertThat(storage.cases().version(id)).isEqualTo(5);
    assertThat(storage.outbox().forCase(id)).isEmpty();
    assertThat(other(storage).outbox().forCase(id)).isEmpty();
  }

  @Test
  void anIntentRecordedAlreadyIsLeftAsItIs() throws Exception {
    Storage storage = storage();
    CaseId id = CaseId.of("sudah");
    List<RecordedEvent> events = upToCaption(id);
    ImmutableList<IntentState> intents = intentsFor(events);
    storage.outbox().add(intents.get(0));
    IntentState moved = storage.outbox().find(intents.get(0).id()).orElseThrow();
    storage.append(id, 0, events, intents);
    assertThat(storage.outbox().find(intents.get(0).id())).contains(moved);
    assertThat(storage.outbox().forCase(id)).hasSize(2)
        .allSatisfy(s -> assertThat(s.status()).isEqualTo(IntentStatus.PENDING));
    assertThat(storage.cases().load(id)).hasSize(6);
  }

  @Test
  void intentsOfAnotherCaseAreRefused() throws Exception {
    Storage storage = storage();
    List<RecordedEvent> events = upToCaption(CaseId.of("satu"));
    ImmutableList<IntentState> foreign = intentsFor(upToCaption(CaseId.of("dua")));
    assertThatThrownBy(() -> storage.append(CaseId.of("satu"), 0, events, foreign))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(storage.cases().version(CaseId.of("satu"))).isZero();
  }
}
