package id.go.kpu.jdih.publish;

import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseRuleViolation;
import id.go.kpu.jdih.workflow.CommandResult;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.Principal;
import id.go.kpu.jdih.workflow.TamperedHistoryException;
import java.util.Optional;

/**
 * What the outbox needs of the cases: a case's verified state and definition, and recording a post on it. The
 * runtime's {@code Cases} implements it; the outbox depends on this port only, so publishing sits below the
 * application layer. Implementations are thread-safe.
 */
public interface OutboxCases {

  /**
   * The case's current state, from a verified history.
   *
   * @throws TamperedHistoryException if its history does not verify
   */
  ContentCase get(CaseId id);

  /** The definition the case runs under. */
  SopDefinition definitionOf(CaseId id);

  /**
   * Records a post on its case, with the person (and principal, if any) the upload is recorded as.
   *
   * @throws CaseRuleViolation if the case refuses it (another post recorded, the wrong role, a closed case)
   * @throws TamperedHistoryException if the case's history does not verify
   */
  CommandResult recordPublication(CaseCommand.RecordPublication command, Optional<Principal> principal);
}
