package id.go.kpu.jdih.workflow;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.sop.ActivityKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;

/**
 * What a person asks a case to do. Every command names the acting person and carries a command id; the command
 * performs the case's current activity if that activity is of the command's {@link #kind() kind}, so the same
 * commands drive any variant of the SOP.
 */
public sealed interface CaseCommand {

  /** The command's id: a repeat with the same id is applied once and answered as before. */
  CommandId commandId();

  /** The case. */
  CaseId caseId();

  /** The acting person. */
  Person actor();

  /** The kind of activity this command performs; empty for {@link Withdraw}. */
  Optional<ActivityKind> kind();

  /**
   * The payload to validate (the activity's output), or {@code this} when the command has no separate payload.
   */
  Object output();

  /**
   * Propose the material and category of the content; opens the case, or resubmits it after a rejection.
   *
   * @param commandId the command id
   * @param caseId the case
   * @param actor the acting person
   * @param proposal the written proposal
   */
  record Propose(@NotNull CommandId commandId, @NotNull CaseId caseId, @NotNull @Valid Person actor,
      @NotNull @Valid ContentProposal proposal) implements CaseCommand {
    @Override
    public Optional<ActivityKind> kind() {
      return Optional.of(ActivityKind.PROPOSAL);
    }

    @Override
    public Object output() {
      return proposal;
    }
  }

  /**
   * Approve the draft at the current approval activity.
   *
   * @param commandId the command id
   * @param caseId the case
   * @param actor the acting person
   * @param note an optional note
   */
  record Approve(@NotNull CommandId commandId, @NotNull CaseId caseId, @NotNull @Valid Person actor,
      @NotNull Optional<String> note) implements CaseCommand {
    @Override
    public Optional<ActivityKind> kind() {
      return Optional.of(ActivityKind.APPROVAL);
    }

    @Override
    public Object output() {
      return this;
    }
  }

  /**
   * Reject the draft at the current approval activity; the flow takes the decision's rejected branch.
   *
   * @param commandId the command id
   * @param caseId the case
   * @param actor the acting person
   * @param reason why, for the proposer
   */
  record Reject(@NotNull CommandId commandId, @NotNull CaseId caseId, @NotNull @Valid Person actor,
      @NotBlank String reason) implements CaseCommand {
    @Override
    public Optional<ActivityKind> kind() {
      return Optional.of(ActivityKind.APPROVAL);
    }

    @Override
    public Object output() {
      return this;
    }
  }

  /**
   * Record the meeting: conclusions and minutes.
   *
   * @param commandId the command id
   * @param caseId the case
   * @param actor the acting person
   * @param meeting the meeting
   */
  record RecordMeeting(@NotNull CommandId commandId, @NotNull CaseId caseId, @NotNull @Valid Person actor,
      @NotNull @Valid Meeting meeting) implements CaseCommand {
    @Override
    public Optional<ActivityKind> kind() {
      return Optional.of(ActivityKind.MEETING);
    }

    @Override
    public Object output() {
      return meeting;
    }
  }

  /**
   * Summarise the meeting's results for the technical team.
   *
   * @param commandId the command id
   * @param caseId the case
   * @param actor the acting person
   * @param summary the summary (rangkuman hasil rapat)
   */
  record Summarize(@NotNull CommandId commandId, @NotNull CaseId caseId, @NotNull @Valid Person actor,
      @NotBlank String summary) implements CaseCommand {
    @Override
    public Optional<ActivityKind> kind() {
      return Optional.of(ActivityKind.SUMMARY);
    }

    @Override
    public Object output() {
      return this;
    }
  }

  /**
   * Attach the content design: one or more media items.
   *
   * @param commandId the command id
   * @param caseId the case
   * @param actor the acting person
   * @param items the media items, in posting order
   */
  record AttachDesign(@NotNull CommandId commandId, @NotNull CaseId caseId, @NotNull @Valid Person actor,
      @NotEmpty ImmutableList<@NotNull @Valid MediaItem> items) implements CaseCommand {
    /** A design command; the items are copied. */
    @SuppressWarnings("NullAway") // a null list goes on to the record: validation reports it by field name
    public AttachDesign(CommandId commandId, CaseId caseId, Person actor, List<MediaItem> items) {
      this(commandId, caseId, actor, items == null ? null : ImmutableList.copyOf(items));
    }

    @Override
    public Optional<ActivityKind> kind() {
      return Optional.of(ActivityKind.DESIGN);
    }

    @Override
    public Object output() {
      return this;
    }
  }

  /**
   * Write the caption.
   *
   * @param commandId the command id
   * @param caseId the case
   * @param actor the acting person
   * @param caption the caption, per platform where they differ
   */
  record WriteCaption(@NotNull CommandId commandId, @NotNull CaseId caseId, @NotNull @Valid Person actor,
      @NotNull @Valid Caption caption) implements CaseCommand {
    @Override
    public Optional<ActivityKind> kind() {
      return Optional.of(ActivityKind.CAPTION);
    }

    @Override
    public Object output() {
      return caption;
    }
  }

  /**
   * Record the publication on one or more target platforms. The publication activity is done when every target
   * platform has its post.
   *
   * @param commandId the command id
   * @param caseId the case
   * @param actor the acting person
   * @param posts the posts
   */
  record RecordPublication(@NotNull CommandId commandId, @NotNull CaseId caseId, @NotNull @Valid Person actor,
      @NotEmpty ImmutableList<@NotNull @Valid PlatformPost> posts) implements CaseCommand {
    /** A publication command; the posts are copied. */
    @SuppressWarnings("NullAway") // a null list goes on to the record: validation reports it by field name
    public RecordPublication(CommandId commandId, CaseId caseId, Person actor, List<PlatformPost> posts) {
      this(commandId, caseId, actor, posts == null ? null : ImmutableList.copyOf(posts));
    }

    @Override
    public Optional<ActivityKind> kind() {
      return Optional.of(ActivityKind.PUBLICATION);
    }

    @Override
    public Object output() {
      return this;
    }
  }

  /**
   * Complete a generic task a variant added.
   *
   * @param commandId the command id
   * @param caseId the case
   * @param actor the acting person
   * @param result the written result
   */
  record CompleteTask(@NotNull CommandId commandId, @NotNull CaseId caseId, @NotNull @Valid Person actor,
      @NotBlank String result) implements CaseCommand {
    @Override
    public Optional<ActivityKind> kind() {
      return Optional.of(ActivityKind.TASK);
    }

    @Override
    public Object output() {
      return this;
    }
  }

  /**
   * Withdraw (membatalkan) the case before publication.
   *
   * @param commandId the command id
   * @param caseId the case
   * @param actor the acting person; must hold the definition's withdrawal role
   * @param reason why
   */
  record Withdraw(@NotNull CommandId commandId, @NotNull CaseId caseId, @NotNull @Valid Person actor,
      @NotBlank String reason) implements CaseCommand {
    @Override
    public Optional<ActivityKind> kind() {
      return Optional.empty();
    }

    @Override
    public Object output() {
      return this;
    }
  }
}
