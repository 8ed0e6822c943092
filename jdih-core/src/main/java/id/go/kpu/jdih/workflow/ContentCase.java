package id.go.kpu.jdih.workflow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.Artifact;
import id.go.kpu.jdih.sop.Outcome;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.sop.Target;
import id.go.kpu.jdih.sop.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The state of one content case: a fold of its events over the definition it runs under ({@link #replay}). It is
 * never changed in place; {@link #apply} returns the next state.
 *
 * @param id the case
 * @param sop the definition it runs under; empty for a {@link CaseStatus#NEW new} case
 * @param version the number of events so far
 * @param status where the case stands
 * @param currentActivity the activity available now; empty when the case is new or closed
 * @param availableSince when the current activity became available
 * @param openedAt when the case was proposed first
 * @param proposal the latest proposal
 * @param revisions how many times the draft was rejected and sent back
 * @param lastRejection the reason of the latest rejection
 * @param meeting the meeting, once held
 * @param summary the meeting's summary
 * @param design the design's media items
 * @param caption the caption
 * @param posts the publication per platform so far
 * @param taskResults results of generic tasks, by activity number
 * @param withdrawalReason why the case was withdrawn
 * @param artifacts every artifact the case holds
 * @param runs every completed activity, in order
 * @param commands the ids of every command applied
 * @param headHash the hash of the last event
 */
public record ContentCase(
    CaseId id,
    Optional<SopKey> sop,
    long version,
    CaseStatus status,
    OptionalInt currentActivity,
    Optional<Instant> availableSince,
    Optional<Instant> openedAt,
    Optional<ContentProposal> proposal,
    int revisions,
    Optional<String> lastRejection,
    Optional<Meeting> meeting,
    Optional<String> summary,
    ImmutableList<MediaItem> design,
    Optional<Caption> caption,
    ImmutableMap<Platform, PlatformPost> posts,
    ImmutableMap<Integer, String> taskResults,
    Optional<String> withdrawalReason,
    ImmutableSet<Artifact> artifacts,
    ImmutableList<ActivityRun> runs,
    ImmutableSet<CommandId> commands,
    String headHash) {

  /** The state of a case with no events. */
  public static ContentCase empty(CaseId id) {
    return new ContentCase(checkNotNull(id, "id"), Optional.empty(), 0, CaseStatus.NEW, OptionalInt.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty(),
        Optional.empty(), ImmutableList.of(), Optional.empty(), ImmutableMap.of(), ImmutableMap.of(),
        Optional.empty(), ImmutableSet.of(), ImmutableList.of(), ImmutableSet.of(), HashChain.GENESIS);
  }

  /**
   * Folds {@code events} over {@code definition}.
   *
   * @throws IllegalStateException if the history does not fit the definition (another definition's case, or a
   *     corrupted history)
   */
  public static ContentCase replay(CaseId id, SopDefinition definition, List<RecordedEvent> events) {
    ContentCase state = empty(id);
    for (RecordedEvent e : events) {
      state = state.apply(definition, e);
    }
    return state;
  }

  /** The platforms still waiting for their post. */
  public ImmutableSet<Platform> pendingPlatforms() {
    return proposal.map(p -> p.platforms().stream().filter(pl -> !posts.containsKey(pl))
        .collect(ImmutableSet.toImmutableSet())).orElse(ImmutableSet.of());
  }

  /** True if the command with {@code id} was applied already. */
  public boolean hasApplied(CommandId id) {
    return commands.contains(id);
  }

  /**
   * The state after {@code event}.
   *
   * @throws IllegalStateException if the event does not fit this state and the definition
   */
  public ContentCase apply(SopDefinition definition, RecordedEvent event) {
    checkArgument(event.caseId().equals(id), "event of case %s applied to case %s", event.caseId(), id);
    if (event.sequence() != version + 1) {
      throw new IllegalStateException("event " + event.sequence() + " follows version " + version + " of case " + id);
    }
    if (!event.sop().equals(definition.key())) {
      throw new IllegalStateException("case " + id + " runs under " + event.sop() + ", not " + definition.key());
    }
    Builder b = new Builder(this);
    b.version = event.sequence();
    b.headHash = event.hash();
    b.commands = ImmutableSet.<CommandId>builder().addAll(commands).add(event.commandId()).build();
    if (status == CaseStatus.NEW) {
      b.sop = Optional.of(event.sop());
      b.status = CaseStatus.OPEN;
      b.openedAt = Optional.of(event.at());
      b.currentActivity = OptionalInt.of(definition.flow().start());
      b.availableSince = Optional.of(event.at());
    }
    if (b.status.isClosed()) {
      throw new IllegalStateException("case " + id + " is " + b.status + " but has event " + event.sequence());
    }
    CaseEvent payload = event.payload();
    if (payload instanceof CaseEvent.Withdrawn w) {
      b.status = CaseStatus.WITHDRAWN;
      b.withdrawalReason = Optional.of(w.reason());
      b.currentActivity = OptionalInt.empty();
      b.availableSince = Optional.empty();
      return b.build();
    }
    int number = event.activity().orElseThrow(() -> new IllegalStateException("event without activity"));
    if (b.currentActivity.orElse(-1) != number) {
      throw new IllegalStateException("event " + event.sequence() + " of case " + id + " is for activity " + number
          + " but activity " + b.currentActivity + " is current");
    }
    Activity activity = definition.activity(number).orElseThrow();
    Optional<Outcome> outcome = Optional.empty();
    boolean completes = true;
    if (payload instanceof CaseEvent.Proposed p) {
      b.proposal = Optional.of(p.proposal());
    } else if (payload instanceof CaseEvent.Approved) {
      outcome = Optional.of(Outcome.APPROVED);
    } else if (payload instanceof CaseEvent.Rejected r) {
      outcome = Optional.of(Outcome.REJECTED);
      b.revisions = revisions + 1;
      b.lastRejection = Optional.of(r.reason());
    } else if (payload instanceof CaseEvent.MeetingRecorded m) {
      b.meeting = Optional.of(m.meeting());
    } else if (payload instanceof CaseEvent.Summarized s) {
      b.summary = Optional.of(s.summary());
    } else if (payload instanceof CaseEvent.DesignAttached d) {
      b.design = d.items();
    } else if (payload instanceof CaseEvent.CaptionWritten c) {
      b.caption = Optional.of(c.caption());
    } else if (payload instanceof CaseEvent.PublicationRecorded p) {
      ImmutableMap.Builder<Platform, PlatformPost> all = ImmutableMap.builder();
      all.putAll(posts);
      p.posts().forEach(post -> all.put(post.platform(), post));
      b.posts = all.buildKeepingLast();
      ContentCase partial = b.build();
      completes = partial.pendingPlatforms().isEmpty();
    } else if (payload instanceof CaseEvent.TaskCompleted t) {
      b.taskResults = ImmutableMap.<Integer, String>builder().putAll(taskResults).put(number, t.result())
          .buildKeepingLast();
    }
    if (!completes) {
      return b.build();
    }
    b.runs = ImmutableList.<ActivityRun>builder().addAll(runs).add(new ActivityRun(number, activity.kind(),
        event.actor(), b.availableSince.orElseThrow(), event.at(), outcome)).build();
    b.artifacts = ImmutableSet.<Artifact>builder().addAll(artifacts).addAll(activity.kind().produces()).build();
    Transition next = definition.transitionAfter(number);
    Target target;
    if (next instanceof Transition.Decision d) {
      Outcome o = outcome.orElseThrow(() -> new IllegalStateException("decision without outcome"));
      target = d.branch(o).orElseThrow(() -> new IllegalStateException("no " + o + " branch")).target();
    } else {
      target = ((Transition.Sequence) next).next();
    }
    if (target instanceof Target.ToActivity to) {
      b.currentActivity = OptionalInt.of(to.number());
      b.availableSince = Optional.of(event.at());
    } else {
      b.status = CaseStatus.PUBLISHED;
      b.currentActivity = OptionalInt.empty();
      b.availableSince = Optional.empty();
    }
    return b.build();
  }

  // A mutable copy used only inside apply().
  private static final class Builder {
    CaseId id;
    Optional<SopKey> sop;
    long version;
    CaseStatus status;
    OptionalInt currentActivity;
    Optional<Instant> availableSince;
    Optional<Instant> openedAt;
    Optional<ContentProposal> proposal;
    int revisions;
    Optional<String> lastRejection;
    Optional<Meeting> meeting;
    Optional<String> summary;
    ImmutableList<MediaItem> design;
    Optional<Caption> caption;
    ImmutableMap<Platform, PlatformPost> posts;
    ImmutableMap<Integer, String> taskResults;
    Optional<String> withdrawalReason;
    ImmutableSet<Artifact> artifacts;
    ImmutableList<ActivityRun> runs;
    ImmutableSet<CommandId> commands;
    String headHash;

    Builder(ContentCase c) {
      id = c.id;
      sop = c.sop;
      version = c.version;
      status = c.status;
      currentActivity = c.currentActivity;
      availableSince = c.availableSince;
      openedAt = c.openedAt;
      proposal = c.proposal;
      revisions = c.revisions;
      lastRejection = c.lastRejection;
      meeting = c.meeting;
      summary = c.summary;
      design = c.design;
      caption = c.caption;
      posts = c.posts;
      taskResults = c.taskResults;
      withdrawalReason = c.withdrawalReason;
      artifacts = c.artifacts;
      runs = c.runs;
      commands = c.commands;
      headHash = c.headHash;
    }

    ContentCase build() {
      return new ContentCase(id, sop, version, status, currentActivity, availableSince, openedAt, proposal,
          revisions, lastRejection, meeting, summary, design, caption, posts, taskResults, withdrawalReason,
          artifacts, runs, commands, headHash);
    }
  }
}
