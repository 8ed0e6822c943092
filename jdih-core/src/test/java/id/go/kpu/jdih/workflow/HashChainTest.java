package id.go.kpu.jdih.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.TestCases;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HashChainTest {

  private ImmutableList<RecordedEvent> history;

  @BeforeEach
  void runACase() {
    InMemoryCaseStore store = new InMemoryCaseStore();
    Cases service = TestCases.of(SopRegistry.withReference(), ReferenceSop.definition().key(), store,
        MutableClock.at("2024-03-04T01:00:00Z"), OutputRules.acceptAll());
    CaseId id = CaseId.of("rantai");
    Fixtures.happyPath(id, Fixtures.produkHukum(), java.time.Instant.parse("2024-03-05T03:00:00Z"))
        .forEach(service::handleTrusted);
    history = store.load(id);
  }

  private static RecordedEvent withPayload(RecordedEvent e, CaseEvent payload) {
    return new RecordedEvent(e.caseId(), e.sequence(), e.sop(), e.commandId(),
        e.principal(), e.actor(), e.at(), e.activity(),
        payload, e.previousHash(), e.hash(), e.hashFormat());
  }

  @Test
  void intactHistoryVerifies() {
    assertThat(history).hasSize(7);
    assertThat(HashChain.verify(history)).isEmpty();
    assertThat(HashChain.verify(history, history.get(6).hash())).isEmpty();
    assertThat(history.get(0).previousHash()).isEqualTo(HashChain.GENESIS);
    assertThat(history.get(3).hash()).matches("[0-9a-f]{64}");
  }

  @Test
  void alteredEventIsDetected() {
    List<RecordedEvent> altered = new ArrayList<>(history);
    altered.set(3, withPayload(history.get(3), new CaseEvent.Summarized("Rangkuman yang diubah")));
    assertThat(HashChain.verify(altered)).contains(new HashChain.Break(3, HashChain.Reason.ALTERED));
    // A changed actor is an alteration too.
    RecordedEvent e = history.get(1);
    altered = new ArrayList<>(history);
    altered.set(1, new RecordedEvent(e.caseId(), e.sequence(), e.sop(), e.commandId(),
        e.principal(), Fixtures.STAF, e.at(),
        e.activity(), e.payload(), e.previousHash(), e.hash(), e.hashFormat()));
    assertThat(HashChain.verify(altered)).contains(new HashChain.Break(1, HashChain.Reason.ALTERED));
  }

  @Test
  void anEventRebuiltFromItsFieldsIsEqualAndComputesTheSameHash() {
    for (RecordedEvent e : history) {
      RecordedEvent copy = new RecordedEvent(e.caseId(), e.sequence(), e.sop(), e.commandId(),
          e.principal(), e.actor(), e.at(),
          e.activity(), e.payload(), e.previousHash(), e.hash(), e.hashFormat());
      // create() remembers its hash; the copy recomputes it from the fields: both must agree.
      assertThat(copy).isEqualTo(e).hasSameHashCodeAs(e);
      assertThat(copy.expectedHash()).isEqualTo(e.expectedHash()).isEqualTo(e.hash());
    }
    // A copy carrying a wrong hash is not equal and its fields still tell the right one.
    RecordedEvent e = history.get(2);
    RecordedEvent wrong = new RecordedEvent(e.caseId(), e.sequence(), e.sop(), e.commandId(),
        e.principal(), e.actor(), e.at(),
        e.activity(), e.payload(), e.previousHash(), Fixtures.sha(7), e.hashFormat());
    assertThat(wrong).isNotEqualTo(e);
    assertThat(wrong.expectedHash()).isEqualTo(e.hash());
  }

  @Test
  void alteredAndRehashedEventBreaksTheNextLink() {
    RecordedEvent e = history.get(3);
    RecordedEvent forged = RecordedEvent.create(e.caseId(), e.sequence(), e.sop(), e.commandId(), e.actor(), e.at(),
        e.activity(), new CaseEvent.Summarized("palsu"), e.previousHash());
    List<RecordedEvent> altered = new ArrayList<>(history);
    altered.set(3, forged);
    assertThat(HashChain.verify(altered)).contains(new HashChain.Break(4, HashChain.Reason.BROKEN_LINK));
  }

  @Test
  void removedInsertedAndReorderedEventsAreDetected() {
    List<RecordedEvent> removed = new ArrayList<>(history);
    removed.remove(2);
    assertThat(HashChain.verify(removed)).contains(new HashChain.Break(2, HashChain.Reason.MISSING_EVENT));

    List<RecordedEvent> inserted = new ArrayList<>(history);
    inserted.add(2, history.get(1));
    assertThat(HashChain.verify(inserted)).contains(new HashChain.Break(2, HashChain.Reason.OUT_OF_ORDER));

    List<RecordedEvent> reordered = new ArrayList<>(history);
    Collections.swap(reordered, 4, 5);
    assertThat(HashChain.verify(reordered)).contains(new HashChain.Break(4, HashChain.Reason.MISSING_EVENT));

    // Renumbered to hide the removal: the link breaks.
    List<RecordedEvent> renumbered = new ArrayList<>(history.subList(0, 2));
    for (int i = 3; i < history.size(); i++) {
      RecordedEvent e = history.get(i);
      renumbered.add(new RecordedEvent(e.caseId(), e.sequence() - 1, e.sop(), e.commandId(),
          e.principal(), e.actor(), e.at(),
          e.activity(), e.payload(), e.previousHash(), e.hash(), e.hashFormat()));
    }
    assertThat(HashChain.verify(renumbered)).contains(new HashChain.Break(2, HashChain.Reason.BROKEN_LINK));

    List<RecordedEvent> truncated = history.subList(0, 5);
    assertThat(HashChain.verify(truncated)).isEmpty();
    assertThat(HashChain.verify(truncated, history.get(6).hash()))
        .contains(new HashChain.Break(5, HashChain.Reason.HEAD_MISMATCH));
  }

  @Test
  void equalEventsHashEquallyWhateverTheSetOrder() {
    RecordedEvent meeting = history.get(2);
    CaseEvent.MeetingRecorded m = (CaseEvent.MeetingRecorded) meeting.payload();
    Meeting reordered = new Meeting(m.meeting().date(), m.meeting().attendees(), m.meeting().conclusions(),
        m.meeting().minutes(), com.google.common.collect.ImmutableSet.copyOf(
            m.meeting().equipmentConfirmed().asList().reverse()));
    assertThat(withPayload(meeting, new CaseEvent.MeetingRecorded(reordered)).expectedHash())
        .isEqualTo(meeting.hash());
    assertThat(Optional.of(withPayload(meeting, new CaseEvent.Summarized("x")).expectedHash()))
        .isNotEqualTo(Optional.of(meeting.hash()));
  }
}
