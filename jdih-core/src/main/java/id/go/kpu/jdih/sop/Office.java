package id.go.kpu.jdih.sop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.ZoneId;

/**
 * The office (satuan kerja) an SOP belongs to.
 *
 * @param id a stable identifier, lower case with hyphens, e.g. {@code kpu-kab-kepulauan-mentawai}
 * @param name the office's name as printed in the document heading, e.g.
 *     {@code KOMISI PEMILIHAN UMUM KABUPATEN KEPULAUAN MENTAWAI}
 * @param unit the unit heading the identity table, e.g.
 *     {@code SEKRETARIS KOMISI PEMILIHAN UMUM KABUPATEN KEPULAUAN MENTAWAI}
 * @param zone the office's time zone: {@code Asia/Jakarta} (WIB), {@code Asia/Makassar} (WITA) or
 *     {@code Asia/Jayapura} (WIT)
 */
public record Office(
    @NotBlank @Pattern(regexp = SopKey.ID_PATTERN, message = "lower-case id") String id,
    @NotBlank String name,
    @NotBlank String unit,
    @NotNull ZoneId zone) {}
