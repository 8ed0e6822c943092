/**
 * The content-case lifecycle: commands, events, the decider that enforces the SOP, the state as a fold of a
 * hash-chained history, and the application service.
 *
 * <p>A case moves through the activities of its definition: each command performs the current activity if the
 * actor holds its executor role, its inputs exist and its output is valid; decisions follow their branches;
 * the case ends published or withdrawn.
 */
@NullMarked
package id.go.kpu.jdih.workflow;

import org.jspecify.annotations.NullMarked;
