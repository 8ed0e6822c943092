package id.go.kpu.jdih.sop;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The official who approves (mengesahkan) an SOP: "Disahkan Oleh".
 *
 * @param position the official's position (jabatan), e.g. {@code SEKRETARIS KPU KAB. KEPULAUAN MENTAWAI}
 * @param name the official's name (nama) as printed, e.g. {@code IRMAN SUSANTO}
 * @param nip the official's NIP
 */
public record Approver(@NotBlank String position, @NotBlank String name, @NotNull @Valid Nip nip) {}
