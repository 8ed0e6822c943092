/**
 * The runtime: {@link id.go.kpu.jdih.runtime.Jdih}, the single entry point an application builds once, with its
 * {@link id.go.kpu.jdih.runtime.Cases cases} (commands on behalf of an authenticated principal whose roles come from
 * the directory), its {@link id.go.kpu.jdih.runtime.Outbox outbox} and notifications, and the
 * {@link id.go.kpu.jdih.runtime.Storage storage} port the durable backends implement.
 */
@NullMarked
package id.go.kpu.jdih.runtime;

import org.jspecify.annotations.NullMarked;
