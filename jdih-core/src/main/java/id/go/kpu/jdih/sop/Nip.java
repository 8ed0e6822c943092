package id.go.kpu.jdih.sop;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A civil servant's identity number (Nomor Induk Pegawai): 18 digits, written with spaces as
 * {@code 19800908 200604 1 008} (birth date, appointment month, sex, sequence).
 *
 * <p>The number is stored as digits only; spaces in the input are ignored. It is validated when the object it
 * belongs to is validated, so that an invalid NIP is reported with every other violation at once.
 *
 * @param value the 18 digits, without spaces
 */
public record Nip(@NotNull @Pattern(regexp = "\\d{18}", message = "18 digits") String value) {

  /** Removes the spaces a NIP is usually written with. */
  public Nip {
    value = value == null ? null : value.replace(" ", "");
  }

  /** A NIP from its written form, with or without spaces. */
  public static Nip of(String written) {
    return new Nip(written);
  }

  /** True if this NIP has exactly 18 digits. */
  public boolean isWellFormed() {
    return value != null && value.matches("\\d{18}");
  }

  /** The written form with spaces, {@code 19800908 200604 1 008}; the raw value if it is not well formed. */
  public String formatted() {
    if (!isWellFormed()) {
      return String.valueOf(value);
    }
    return value.substring(0, 8) + " " + value.substring(8, 14) + " " + value.charAt(14) + " " + value.substring(15);
  }

  @Override
  public String toString() {
    return formatted();
  }
}
