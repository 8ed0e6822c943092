package id.go.kpu.jdih.benchmarks.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Not a benchmark, and no PostgreSQL: checks that the events the append benchmark appends, the reference case
 * chained again per case id, pass a store's {@code AppendCheck} one event at a time, as the benchmark appends them.
 */
class AppendEventsTest {

  @Test
  void theReferenceCaseChainedAgainAppendsOneEventAtATime() {
    List<RecordedEvent> template = PostgresAppendBenchmark.referenceEvents();
    InMemoryCaseStore store = new InMemoryCaseStore();
    for (long n = 0; n < 3; n++) {
      CaseId id = PostgresAppendBenchmark.caseId(n);
      List<RecordedEvent> events = PostgresAppendBenchmark.rechain(template, id);
      for (RecordedEvent e : events) {
        assertThat(store.append(id, e.sequence() - 1, List.of(e))).isEqualTo(e.sequence());
      }
      assertThat(HashChain.verify(store.load(id))).isEmpty();
      assertThat(events).extracting(RecordedEvent::payload)
          .containsExactlyElementsOf(template.stream().map(RecordedEvent::payload).toList());
    }
    assertThat(PostgresAppendBenchmark.caseId(0).value()).hasSameSizeAs("case-template");
  }
}
