package id.go.kpu.jdih.testkit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes histories by hand, bypassing the decider, so compliance can be tested on histories that break the SOP
 * (as imported or legacy data might). Each event is chained correctly unless the test alters it afterwards.
 */
public final class HistoryBuilder {
  private final CaseId id;
  private final SopKey sop;
  private final List<RecordedEvent> events = new ArrayList<>();

  public HistoryBuilder(CaseId id, SopKey sop) {
    this.id = id;
    this.sop = sop;
  }

  /** Appends an event for {@code activity} (0 for none). */
  public HistoryBuilder event(int activity, Person actor, String isoInstant, CaseEvent payload) {
    String previous = HashChain.head(events);
    events.add(RecordedEvent.create(id, events.size() + 1, sop, CommandId.of("h" + (events.size() + 1)), actor,
        Instant.parse(isoInstant), activity == 0 ? OptionalInt.empty() : OptionalInt.of(activity), payload,
        previous));
    return this;
  }

  public ImmutableList<RecordedEvent> build() {
    return ImmutableList.copyOf(events);
  }

  // The outputs of the reference SOP's activities, for brevity.
  public static CaseEvent proposed() {
    return new CaseEvent.Proposed(Fixtures.informasiHukum(Platform.TELEGRAM));
  }

  public static CaseEvent approved() {
    return new CaseEvent.Approved(Optional.empty());
  }

  public static CaseEvent rejected() {
    return new CaseEvent.Rejected("Perbaiki");
  }

  public static CaseEvent meeting() {
    return new CaseEvent.MeetingRecorded(Fixtures.meeting());
  }

  public static CaseEvent summary() {
    return new CaseEvent.Summarized("Rangkuman");
  }

  public static CaseEvent design() {
    return new CaseEvent.DesignAttached(ImmutableList.of(Fixtures.jpeg(3)));
  }

  public static CaseEvent caption() {
    return new CaseEvent.CaptionWritten(new Caption("Keterangan", ImmutableMap.of()));
  }

  public static CaseEvent published(String isoInstant) {
    return new CaseEvent.PublicationRecorded(ImmutableList.of(Fixtures.post(Platform.TELEGRAM,
        Instant.parse(isoInstant))));
  }
}
