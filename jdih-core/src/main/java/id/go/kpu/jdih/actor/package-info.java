/**
 * Who acts: the {@link id.go.kpu.jdih.actor.ActorDirectory} port that resolves an authenticated
 * {@link id.go.kpu.jdih.workflow.Principal} to a person and the roles they hold now.
 */
@NullMarked
package id.go.kpu.jdih.actor;

import org.jspecify.annotations.NullMarked;
