package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Text;
import java.time.Instant;

/**
 * The latest thing that went wrong with an intent, as the platform reported it (without any credential).
 *
 * @param kind how the delivery treats it
 * @param code the platform's code, e.g. {@code GRAPH-190}, {@code HTTP-429}, {@code TELEGRAM-403}
 * @param text what went wrong and what to do, in both languages
 * @param at when
 */
public record Problem(FailureKind kind, String code, Text text, Instant at) {

  /** All fields are required. */
  public Problem {
    checkNotNull(kind, "kind");
    checkNotNull(code, "code");
    checkNotNull(text, "text");
    checkNotNull(at, "at");
  }
}
