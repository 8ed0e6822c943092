package id.go.kpu.jdih.workflow;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.MediaItem;
import java.util.Optional;

/**
 * What happened in a case: the payload of a {@link RecordedEvent}. The state of a case is a fold of its events.
 */
public sealed interface CaseEvent {

  /**
   * The content was proposed (or re-proposed after a rejection).
   *
   * @param proposal the proposal
   */
  record Proposed(ContentProposal proposal) implements CaseEvent {}

  /**
   * The draft was approved.
   *
   * @param note the approver's note, if any
   */
  record Approved(Optional<String> note) implements CaseEvent {}

  /**
   * The draft was not approved; the flow returns for revision.
   *
   * @param reason why
   */
  record Rejected(String reason) implements CaseEvent {}

  /**
   * The meeting was held.
   *
   * @param meeting conclusions and minutes
   */
  record MeetingRecorded(Meeting meeting) implements CaseEvent {}

  /**
   * The meeting's results were summarised.
   *
   * @param summary the summary
   */
  record Summarized(String summary) implements CaseEvent {}

  /**
   * The design was attached.
   *
   * @param items the media items
   */
  record DesignAttached(ImmutableList<MediaItem> items) implements CaseEvent {}

  /**
   * The caption was written.
   *
   * @param caption the caption
   */
  record CaptionWritten(Caption caption) implements CaseEvent {}

  /**
   * Content was published on one or more platforms.
   *
   * @param posts the posts
   */
  record PublicationRecorded(ImmutableList<PlatformPost> posts) implements CaseEvent {}

  /**
   * A generic task was completed.
   *
   * @param result its written result
   */
  record TaskCompleted(String result) implements CaseEvent {}

  /**
   * The case was withdrawn before publication.
   *
   * @param reason why
   */
  record Withdrawn(String reason) implements CaseEvent {}
}
