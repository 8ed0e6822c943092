package id.go.kpu.jdih.sop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * An item of the SOP's Peralatan/Perlengkapan list.
 *
 * @param id a stable id that activities' equipment requirements refer to, e.g. {@code komputer-laptop}
 * @param name the name as the SOP writes it, e.g. {@code Perangkat Komputer/Laptop}
 */
public record Equipment(@NotBlank @Pattern(regexp = SopKey.ID_PATTERN, message = "lower-case id") String id,
    @NotBlank String name) {}
