package id.go.kpu.jdih.server.api;

import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.store.jdbc.CaseSummary;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.OpenActivity;
import id.go.kpu.jdih.workflow.ActivityRun;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.PlatformPost;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The API's response bodies: plain records of strings, numbers and lists, so that the JSON is stable. */
public final class Views {
  private Views() {}

  /** A case as the API shows it. */
  public record CaseView(String id, String office, String sop, long version, String status,
      Optional<Integer> currentActivity, Optional<String> currentActivityName, Optional<Instant> availableSince,
      Optional<Instant> due, Optional<String> timeStatus, Optional<Instant> openedAt, Optional<ProposalView> proposal,
      int revisions, Optional<String> lastRejection, Optional<MeetingView> meeting, Optional<String> summary,
      List<MediaView> design, Optional<CaptionView> caption, List<PostView> posts, List<String> pendingPlatforms,
      Optional<String> withdrawalReason) {

    /** The view of {@code c} under {@code sop} at {@code now}. */
    public static CaseView of(ContentCase c, SopDefinition sop, Deadlines deadlines, Instant now) {
      Optional<OpenActivity> open = deadlines.open(c, sop, now);
      Optional<Integer> current = c.currentActivity().isPresent() ? Optional.of(c.currentActivity().getAsInt())
          : Optional.empty();
      return new CaseView(c.id().value(), sop.office().id(), sop.key().toString(), c.version(), c.status().name(),
          current, current.flatMap(sop::activity).map(Activity::description), c.availableSince(),
          open.flatMap(OpenActivity::due), open.map(o -> o.status().name()), c.openedAt(),
          c.proposal().map(p -> new ProposalView(p.title(), p.category().name(), p.material(),
              p.legalProduct().map(l -> l.documentType() + " " + l.number() + "/" + l.year() + " " + l.title()),
              p.platforms().stream().map(Platform::name).sorted().toList())),
          c.revisions(), c.lastRejection(),
          c.meeting().map(m -> new MeetingView(m.date().toString(), m.attendees(), m.conclusions(),
              MediaView.of(m.minutes().fileRef(), m.minutes().mediaType(), m.minutes().bytes(),
                  m.minutes().sha256()), m.equipmentConfirmed().stream().sorted().toList())),
          c.summary(), c.design().stream().map(MediaView::of).toList(),
          c.caption().map(cap -> new CaptionView(cap.text(), new TreeMap<>(cap.perPlatform().entrySet().stream()
              .collect(java.util.stream.Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue))))),
          c.posts().values().stream().map(PostView::of).toList(),
          c.pendingPlatforms().stream().map(Platform::name).sorted().toList(), c.withdrawalReason());
    }
  }

  /** The proposal. */
  public record ProposalView(String title, String category, String material, Optional<String> legalProduct,
      List<String> platforms) {}

  /** The team meeting. */
  public record MeetingView(String date, List<String> attendees, String conclusions, MediaView minutes,
      List<String> equipmentConfirmed) {}

  /** A stored file of the case (download it from {@code /cases/{id}/media/{ref}}). */
  public record MediaView(String ref, String mediaType, long bytes, String sha256, Optional<Integer> width,
      Optional<Integer> height) {
    static MediaView of(MediaItem m) {
      return new MediaView(m.fileRef(), m.mediaType(), m.bytes(), m.sha256(), Optional.of(m.width()),
          Optional.of(m.height()));
    }

    static MediaView of(String ref, String mediaType, long bytes, String sha256) {
      return new MediaView(ref, mediaType, bytes, sha256, Optional.empty(), Optional.empty());
    }
  }

  /** The caption. */
  public record CaptionView(String text, Map<String, String> perPlatform) {}

  /** A post on a platform. */
  public record PostView(String platform, String postId, String url, Instant publishedAt) {
    static PostView of(PlatformPost p) {
      return new PostView(p.platform().name(), p.postId(), p.url().toString(), p.publishedAt());
    }
  }

  /** A case in a list. */
  public record CaseItem(String id, String sop, String status, Optional<Integer> currentActivity,
      Optional<Instant> availableSince, Optional<Instant> due, Instant openedAt, long version) {
    static CaseItem of(CaseSummary s, Optional<Instant> due) {
      return new CaseItem(s.id().value(), s.sop().toString(), s.status().map(Enum::name).orElse("UNKNOWN"),
          s.currentActivity().isPresent() ? Optional.of(s.currentActivity().getAsInt()) : Optional.empty(),
          s.availableSince(), due, s.openedAt(), s.version());
    }
  }

  /** A page of cases. */
  public record CasePage(List<CaseItem> items, long total, long offset, int limit) {}

  /** One row of a case's timeline. */
  public record TimelineRow(int activity, String name, String kind, Optional<String> executorRole,
      Optional<String> doneBy, Instant availableAt, Optional<Instant> due, Optional<Instant> completedAt,
      Optional<String> outcome, String timeStatus) {

    static TimelineRow done(ActivityRun r, SopDefinition sop, Deadlines deadlines) {
      Activity a = sop.activity(r.activity()).orElseThrow();
      Optional<Instant> due = deadlines.due(a, r.availableAt());
      boolean onTime = due.map(d -> !r.completedAt().isAfter(d)).orElse(true);
      return new TimelineRow(r.activity(), a.description(), a.kind().name(), Optional.of(a.executor().value()),
          Optional.of(r.actor().name()), r.availableAt(), due, Optional.of(r.completedAt()),
          r.outcome().map(o -> o.name()), onTime ? "ON_TIME" : "LATE");
    }

    static TimelineRow open(OpenActivity o, SopDefinition sop) {
      Activity a = sop.activity(o.activity()).orElseThrow();
      return new TimelineRow(o.activity(), a.description(), a.kind().name(), Optional.of(a.executor().value()),
          Optional.empty(), o.availableAt(), o.due(), Optional.empty(), Optional.empty(), o.status().name());
    }
  }

  /** A case's timeline. */
  public record Timeline(String caseId, String sop, String zone, List<TimelineRow> rows) {}
}
