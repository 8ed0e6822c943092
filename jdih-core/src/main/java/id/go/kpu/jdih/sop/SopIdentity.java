package id.go.kpu.jdih.sop;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The identity block of an SOP in the Permenpan RB No. 35 Tahun 2012 layout.
 *
 * @param number Nomor SOP, kept as text exactly as written, e.g. {@code 6 Tahun 2023}
 * @param revision the revision number: 0 for the original, 1 for the first revision and so on
 * @param createdOn Tanggal Pembuatan
 * @param revisedOn Tanggal Revisi; empty when the SOP was never revised
 * @param approvedOn Tanggal Pengesahan (the date it takes effect)
 * @param approvedBy Disahkan Oleh
 */
public record SopIdentity(
    @NotBlank String number,
    @PositiveOrZero int revision,
    @NotNull LocalDate createdOn,
    @NotNull Optional<LocalDate> revisedOn,
    @NotNull LocalDate approvedOn,
    @NotNull @Valid Approver approvedBy) {}
