package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Text;
import java.time.Instant;

/**
 * One line of an intent's history: what happened, for the people who follow it and for audit.
 *
 * @param at when
 * @param status the status after it
 * @param text what happened, in both languages
 */
public record IntentNote(Instant at, IntentStatus status, Text text) {

  /** All fields are required. */
  public IntentNote {
    checkNotNull(at, "at");
    checkNotNull(status, "status");
    checkNotNull(text, "text");
  }
}
