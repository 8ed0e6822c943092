package id.go.kpu.jdih.workflow.property;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.Instant;

/** The decision function under test; the real one is {@code CaseDecider::decide}, a broken copy can stand in. */
@FunctionalInterface
interface Decide {
  ImmutableList<RecordedEvent> decide(ContentCase state, CaseCommand command, Instant now);
}
