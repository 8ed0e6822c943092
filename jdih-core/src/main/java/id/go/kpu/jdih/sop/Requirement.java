package id.go.kpu.jdih.sop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One item of an activity's Kelengkapan (the inputs and equipment it needs): either equipment from the SOP's
 * Peralatan/Perlengkapan list or a document produced by an earlier activity.
 */
public sealed interface Requirement permits Requirement.Tool, Requirement.Document {

  /** The requirement as the SOP writes it, e.g. {@code PC/Laptop} or {@code Notulen Rapat}. */
  String name();

  /** Equipment the activity needs. */
  static Tool tool(String name, String equipmentId) {
    return new Tool(name, equipmentId);
  }

  /** A document the activity needs as input. */
  static Document document(String name, Artifact artifact) {
    return new Document(name, artifact);
  }

  /**
   * Equipment: should name an item of the SOP's Peralatan list by its id (SOP lint reports it when it does not).
   *
   * @param name the name as the activity's Kelengkapan column writes it, e.g. {@code PC/Laptop}
   * @param equipmentId the id of the {@link Equipment} it refers to, e.g. {@code komputer-laptop}
   */
  record Tool(@NotBlank String name,
      @NotBlank @Pattern(regexp = SopKey.ID_PATTERN, message = "lower-case id") String equipmentId)
      implements Requirement {}

  /**
   * A document input: the case must hold the named artifact, produced by an earlier activity, before the activity
   * can be done.
   *
   * @param name the name as the Kelengkapan column writes it, e.g. {@code Notulen Rapat}
   * @param artifact the artifact that must exist, e.g. {@link Artifact#MINUTES}
   */
  record Document(@NotBlank String name, @NotNull Artifact artifact) implements Requirement {}
}
