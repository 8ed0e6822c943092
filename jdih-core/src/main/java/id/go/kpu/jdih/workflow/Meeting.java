package id.go.kpu.jdih.workflow;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.DocumentRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The output of the meeting activity (rapat pengelolaan akun media sosial): its conclusions (kesimpulan rapat) and
 * its minutes (notulen rapat), which the summary activity needs.
 *
 * @param date the meeting's date
 * @param attendees who attended
 * @param conclusions the conclusions
 * @param minutes the stored minutes document
 * @param equipmentConfirmed ids of the equipment of the activity's Kelengkapan confirmed as available
 */
public record Meeting(
    @NotNull LocalDate date,
    @NotEmpty ImmutableList<@NotBlank String> attendees,
    @NotBlank String conclusions,
    @NotNull @Valid DocumentRef minutes,
    @NotNull ImmutableSet<@NotBlank String> equipmentConfirmed) {}
