package id.go.kpu.jdih.sop;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A pelaksana: a role that executes activities, drawn as a lane of the flowchart.
 *
 * @param id the stable id, e.g. {@code tim-pembina-teknis}
 * @param name the display name as the SOP writes it, e.g. {@code Tim Pembina/Teknis}
 */
public record Role(@NotNull @Valid RoleId id, @NotBlank String name) {}
