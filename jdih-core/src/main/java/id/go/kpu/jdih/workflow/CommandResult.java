package id.go.kpu.jdih.workflow;

import com.google.common.collect.ImmutableList;

/**
 * The answer to a command.
 *
 * @param state the case after the command
 * @param events the events the command produced (for a repeated command id, the events it produced the first time)
 * @param repeated true if the command id had been applied before and nothing new was recorded
 */
public record CommandResult(ContentCase state, ImmutableList<RecordedEvent> events, boolean repeated) {}
