package id.go.kpu.jdih.store.file;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.IntentId;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.PublicationIntent;
import id.go.kpu.jdih.workflow.CaseId;
import java.time.Instant;
import java.util.List;

/**
 * Publication intents for the store tests and the forked writers: text-only, so that building them needs neither the
 * reference SOP nor media fixtures (a forked JVM starts faster).
 */
final class Intents {

  static final Instant AT = Instant.parse("2024-03-04T02:00:00Z");

  private Intents() {}

  /** The first state of round 1 of publishing case {@code id} on {@code platform}. */
  static IntentState pending(CaseId id, Platform platform) {
    return IntentState.pending(new PublicationIntent(IntentId.of(id, platform, 1), id, platform, 1,
        "Tahukah kamu? " + id.value() + " #JDIH \ud83d\uddf3\ufe0f\n\"baris dua\"", ImmutableList.of(), Events.STAF,
        AT), AT);
  }

  /** The first states for X and Telegram, in id order. */
  static List<IntentState> twoFor(CaseId id) {
    return List.of(pending(id, Platform.TELEGRAM), pending(id, Platform.X));
  }
}
