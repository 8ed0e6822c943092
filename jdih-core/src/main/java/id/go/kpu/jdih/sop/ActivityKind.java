package id.go.kpu.jdih.sop;

import com.google.common.collect.ImmutableSet;

/**
 * What kind of work an activity is. The kind decides which command performs the activity and which artifacts it
 * produces, so that a variant SOP can reorder, add or remove activities without code changes.
 */
public enum ActivityKind {
  /** Propose the material and category of the content (activity 1 of the reference SOP). */
  PROPOSAL(ImmutableSet.of(Artifact.WRITTEN_MATERIAL)),
  /** Approve or reject a draft; its flow transition must be a {@link Transition.Decision}. */
  APPROVAL(ImmutableSet.of(Artifact.DECISION)),
  /** Hold a meeting; records the conclusions and the minutes. */
  MEETING(ImmutableSet.of(Artifact.MEETING_CONCLUSIONS, Artifact.MINUTES)),
  /** Summarise the meeting's results. */
  SUMMARY(ImmutableSet.of(Artifact.SUMMARY)),
  /** Design the content (media items). */
  DESIGN(ImmutableSet.of(Artifact.DESIGN)),
  /** Write the caption. */
  CAPTION(ImmutableSet.of(Artifact.CAPTION)),
  /** Upload the content to the social-media platforms. */
  PUBLICATION(ImmutableSet.of(Artifact.PUBLISHED_CONTENT)),
  /** Any other task a variant adds; completed with a written result. */
  TASK(ImmutableSet.of(Artifact.TASK_RESULT));

  private final ImmutableSet<Artifact> produces;

  ActivityKind(ImmutableSet<Artifact> produces) {
    this.produces = produces;
  }

  /** The artifacts an activity of this kind produces when it is done. */
  public ImmutableSet<Artifact> produces() {
    return produces;
  }
}
