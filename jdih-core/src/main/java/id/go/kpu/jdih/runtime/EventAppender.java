package id.go.kpu.jdih.runtime;

import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.List;

/**
 * How {@link CaseService} stores the events a command produced. The default appends them to the case store; the
 * runtime's appender also records, in the same atomic step, what the new state calls for (the publication intents
 * of a case that reached its upload activity).
 *
 * <p>Implementations are thread-safe, and must store all or nothing with the case store's optimistic concurrency
 * ({@link id.go.kpu.jdih.store.VersionConflictException} when {@code before} is no longer the stored version).
 */
@FunctionalInterface
interface EventAppender {

  /**
   * Stores {@code events}, which take the case from {@code before} to {@code after}.
   *
   * @param definition the definition the case runs under
   * @param before the state the command was decided on (its version is the expected version)
   * @param after the state after the events
   * @param events the new events, in order
   */
  void append(SopDefinition definition, ContentCase before, ContentCase after, List<RecordedEvent> events);
}
