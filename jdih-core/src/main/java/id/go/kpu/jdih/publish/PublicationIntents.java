package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.Person;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which publication intents a case needs: one per target platform still waiting for its post, with the caption
 * for that platform and the design's media, unless the platform has a live (not failed) intent already. Pure: the
 * runtime records what this returns atomically with the event that brought the case to its upload activity, and
 * {@link OutboxDelivery#requestPublication} records it on request.
 */
public final class PublicationIntents {

  private PublicationIntents() {}

  /**
   * True if {@code after} waits at a {@link ActivityKind#PUBLICATION publication} activity that {@code before} did
   * not wait at: the events between them made the case ready to upload.
   */
  public static boolean reachedUpload(SopDefinition definition, ContentCase before, ContentCase after) {
    return atUpload(definition, after) && !(atUpload(definition, before)
        && before.currentActivity().equals(after.currentActivity()));
  }

  /** True if {@code c} is open at a publication activity of {@code definition}. */
  public static boolean atUpload(SopDefinition definition, ContentCase c) {
    return c.status() == CaseStatus.OPEN && c.currentActivity().isPresent()
        && definition.activity(c.currentActivity().getAsInt()).map(a -> a.kind() == ActivityKind.PUBLICATION)
            .orElse(false);
  }

  /**
   * The new intents {@code c} needs, in platform order: for each platform still waiting for its post and without a
   * live intent among {@code existing}, the next round (1, or one more than its latest failed round). Empty if the
   * case has no caption yet.
   *
   * @param c a case at its upload activity
   * @param existing the case's intents so far
   * @param requestedBy who made the case ready (or asked for the upload)
   * @param at when
   * @return the first states of the new intents
   */
  public static ImmutableList<IntentState> missing(ContentCase c, List<IntentState> existing, Person requestedBy,
      Instant at) {
    checkNotNull(c, "c");
    checkNotNull(existing, "existing");
    checkNotNull(requestedBy, "requestedBy");
    checkNotNull(at, "at");
    if (c.caption().isEmpty()) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<IntentState> out = ImmutableList.builder();
    for (Platform p : c.pendingPlatforms().stream().sorted().toList()) {
      List<IntentState> previous = existing.stream().filter(s -> s.intent().platform() == p).toList();
      Optional<IntentState> live = previous.stream().filter(s -> s.status() != IntentStatus.FAILED).findFirst();
      if (live.isPresent()) {
        continue;
      }
      int round = previous.stream().mapToInt(s -> s.intent().round()).max().orElse(0) + 1;
      PublicationIntent intent = new PublicationIntent(IntentId.of(c.id(), p, round), c.id(), p, round,
          c.caption().get().textFor(p), c.design(), requestedBy, at);
      out.add(IntentState.pending(intent, at));
    }
    return out.build();
  }
}
