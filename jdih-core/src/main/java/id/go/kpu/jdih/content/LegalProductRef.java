package id.go.kpu.jdih.content;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.validation.NotBlankWhenPresent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A legal product referenced by content, with the JDIHN metadata of Permenkumham No. 8 Tahun 2019 (Standar
 * Pengelolaan Dokumen dan Informasi Hukum). The number is text, never an integer: KPU numbers look like
 * {@code 533/HK.04-Kpt/03/KPU/XI/2020}.
 *
 * @param documentType tipe dokumen, e.g. {@code Peraturan Perundang-undangan}
 * @param title judul
 * @param issuingBody T.E.U. badan, e.g. {@code Komisi Pemilihan Umum}
 * @param number nomor, as written
 * @param form bentuk, e.g. {@code Keputusan Komisi Pemilihan Umum}
 * @param formShort bentuk singkat, e.g. {@code Keputusan KPU}
 * @param year tahun
 * @param placeEnacted tempat penetapan
 * @param enactedOn tanggal penetapan
 * @param promulgatedOn tanggal pengundangan, if promulgated
 * @param source sumber (e.g. the gazette)
 * @param subjects subjek
 * @param status berlaku or tidak berlaku
 * @param relations mengubah / diubah / mencabut / dicabut, each with the other product's citation
 * @param language bahasa
 * @param location lokasi (where the original is kept)
 * @param fieldOfLaw bidang hukum
 * @param attachments lampiran (names of attached files)
 */
public record LegalProductRef(
    @NotBlank String documentType,
    @NotBlank String title,
    @NotBlank String issuingBody,
    @NotBlank String number,
    @NotBlank String form,
    @NotNull Optional<@NotBlankWhenPresent String> formShort,
    @Min(1945) @Max(2100) int year,
    @NotNull Optional<@NotBlankWhenPresent String> placeEnacted,
    @NotNull Optional<LocalDate> enactedOn,
    @NotNull Optional<LocalDate> promulgatedOn,
    @NotNull Optional<@NotBlankWhenPresent String> source,
    @NotNull ImmutableList<@NotBlank String> subjects,
    @NotNull Status status,
    @NotNull ImmutableList<@NotNull @Valid Relation> relations,
    @NotNull Optional<@NotBlankWhenPresent String> language,
    @NotNull Optional<@NotBlankWhenPresent String> location,
    @NotNull Optional<@NotBlankWhenPresent String> fieldOfLaw,
    @NotNull ImmutableList<@NotBlank String> attachments) {

  /** A reference with the required fields only; everything optional is empty and the status is in force. */
  public static LegalProductRef of(String documentType, String title, String issuingBody, String number,
      String form, int year) {
    return new LegalProductRef(documentType, title, issuingBody, number, form, Optional.empty(), year,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ImmutableList.of(), Status.BERLAKU,
        ImmutableList.of(), Optional.empty(), Optional.empty(), Optional.empty(), ImmutableList.of());
  }

  /** Whether the product is in force. */
  public enum Status {
    /** In force. */
    BERLAKU,
    /** No longer in force. */
    TIDAK_BERLAKU
  }

  /**
   * A status relation to another legal product.
   *
   * @param kind how this product relates to the other
   * @param other the other product's citation, e.g. {@code Keputusan KPU Nomor 16 Tahun 2019}
   */
  public record Relation(@NotNull Kind kind, @NotBlank String other) {
    /** The kinds of relation. */
    public enum Kind {
      /** This product amends the other. */
      MENGUBAH,
      /** This product is amended by the other. */
      DIUBAH,
      /** This product revokes the other. */
      MENCABUT,
      /** This product is revoked by the other. */
      DICABUT
    }
  }
}
