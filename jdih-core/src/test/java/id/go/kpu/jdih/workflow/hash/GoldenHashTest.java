package id.go.kpu.jdih.workflow.hash;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.testkit.hash.GoldenEvents;
import id.go.kpu.jdih.testkit.hash.GoldenHistories;
import id.go.kpu.jdih.workflow.EventDocument;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.HashFormat;
import id.go.kpu.jdih.workflow.Principal;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Fixed hash vectors of both formats over {@link GoldenEvents}. The format 1 vectors were computed by jdih 0.1
 * (commit 465ed79, by reflection over its records) before format 2 existed; the format 2 vectors were checked with
 * an independent canonicalizer written in Python. A change to either scheme, or to what the events hold, breaks
 * these tests.
 */
class GoldenHashTest {

  @Test
  void format1EventsWrittenByJdih01StillVerify() {
    List<RecordedEvent> all = GoldenHistories.legacyEvents();
    assertThat(all).extracting(RecordedEvent::expectedHash).containsExactlyElementsOf(GoldenHistories.FORMAT_1);
    assertThat(HashChain.verify(all.subList(0, 10))).isEmpty();
    assertThat(HashChain.verify(all.subList(10, 12))).isEmpty();
  }

  @Test
  void format2VectorsAreFixed() {
    List<RecordedEvent> all = GoldenHistories.currentEvents(Optional.empty());
    assertThat(all).extracting(RecordedEvent::hash).containsExactlyElementsOf(GoldenHistories.FORMAT_2);
    assertThat(all).allSatisfy(e -> assertThat(e.hashFormat()).isEqualTo(HashFormat.JCS_2));
    assertThat(HashChain.verify(all.subList(0, 10))).isEmpty();
  }

  @Test
  void aHistoryMayMixFormatsAndStillVerify() {
    List<RecordedEvent> legacy = GoldenHistories.legacyEvents().subList(0, 5);
    List<RecordedEvent> mixed = new ArrayList<>(legacy);
    GoldenEvents.Content next = GoldenEvents.contents().get(5);
    mixed.add(RecordedEvent.create(next.caseId(), next.sequence(), next.sop(), next.commandId(),
        Optional.of(Principal.of("budi.tim")), next.actor(), next.at(), activity(next), next.payload(),
        legacy.get(4).hash()));
    assertThat(HashChain.verify(mixed)).isEmpty();
    assertThat(mixed.get(5).hashFormat()).isEqualTo(HashFormat.JCS_2);
  }

  @Test
  void thePrincipalIsHashedWhenPresentAndAbsentOtherwise() {
    RecordedEvent without = GoldenHistories.currentEvents(Optional.empty()).get(0);
    RecordedEvent with = GoldenHistories.currentEvents(Optional.of(Principal.of("rina@kpu"))).get(0);
    assertThat(EventDocument.of(without)).doesNotContainKey("principal");
    assertThat(EventDocument.of(with)).containsEntry("principal", "rina@kpu");
    assertThat(with.hash()).isNotEqualTo(without.hash());
    assertThat(with.expectedHash()).isEqualTo(EventDocument.hash(EventDocument.of(with)));
  }

  @Test
  void theCanonicalTextOfTheFirstEventIsExactlyThis() {
    // The exact bytes a verifier in another language must produce for the first golden event (format 2).
    String text = EventDocument.canonical(EventDocument.of(GoldenHistories.currentEvents(Optional.empty()).get(1)));
    assertThat(text).isEqualTo("{\"activity\":2,\"actor\":{\"name\":\"Rina Kasubag\",\"nip\":\"198001012006041001\","
        + "\"roles\":[\"kasubag-hukum\",\"tim-pembina-teknis\"]},\"at\":\"2024-03-04T01:40:00Z\",\"caseId\":\"golden-1\","
        + "\"commandId\":\"cmd-2\",\"hashFormat\":2,\"payload\":{\"reason\":\"Judul terlalu panjang\","
        + "\"type\":\"rejected\"},\"previousHash\":\"" + GoldenHistories.FORMAT_2.get(0) + "\",\"sequence\":2,\"sop\":{\"number\":"
        + "\"6 Tahun 2023\",\"officeId\":\"kpu-kab-kepulauan-mentawai\",\"revision\":0}}");
  }

  @Test
  void aFormat1EventCannotNameAPrincipal() {
    RecordedEvent e = GoldenHistories.legacyEvents().get(0);
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new RecordedEvent(
        e.caseId(), e.sequence(), e.sop(), e.commandId(), Optional.of(Principal.of("x")), e.actor(), e.at(),
        e.activity(), e.payload(), e.previousHash(), e.hash(), HashFormat.LEGACY_1));
  }

  private static OptionalInt activity(GoldenEvents.Content c) {
    return c.activity().map(OptionalInt::of).orElse(OptionalInt.empty());
  }
}
