package id.go.kpu.jdih.sop;

import id.go.kpu.jdih.validation.NotBlankWhenPresent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.Optional;

/**
 * A kegiatan: one row of the SOP's flowchart table.
 *
 * @param number the row number (No), 1-based; unique within a definition
 * @param description the Kegiatan text exactly as the SOP writes it
 * @param executor the role (lane) that performs it
 * @param kind what kind of work it is; decides the command that performs it
 * @param quality the Mutu Baku: Kelengkapan, Waktu and Output
 * @param remarks the Ket. (keterangan) column; empty where the SOP leaves it blank
 */
public record Activity(
    @Positive int number,
    @NotBlank String description,
    @NotNull @Valid RoleId executor,
    @NotNull ActivityKind kind,
    @NotNull @Valid QualityStandard quality,
    @NotNull Optional<@NotBlankWhenPresent String> remarks) {

  /** The same activity with another number (used when a variant renumbers its rows). */
  public Activity withNumber(int newNumber) {
    return new Activity(newNumber, description, executor, kind, quality, remarks);
  }

  /** The same activity performed by another role. */
  public Activity withExecutor(RoleId newExecutor) {
    return new Activity(number, description, newExecutor, kind, quality, remarks);
  }

  /** The same activity with another time standard. */
  public Activity withTime(TimeStandard time) {
    return new Activity(number, description, executor, kind,
        new QualityStandard(quality.requirements(), Optional.of(time), quality.output()), remarks);
  }
}
