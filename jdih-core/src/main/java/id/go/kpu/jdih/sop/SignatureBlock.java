package id.go.kpu.jdih.sop;

import jakarta.validation.constraints.NotBlank;

/**
 * The signature block under the flowchart.
 *
 * @param organisation the organisation line, e.g. {@code Komisi Pemilihan Umum Kabupaten Kepulauan Mentawai}
 * @param position the signing position with its comma, e.g. {@code Sekretaris,}
 * @param name the signatory's name as printed, e.g. {@code IRMAN SUSANTO}
 */
public record SignatureBlock(@NotBlank String organisation, @NotBlank String position, @NotBlank String name) {}
