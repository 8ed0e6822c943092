package id.go.kpu.jdih.export;

import id.go.kpu.jdih.i18n.Language;
import java.time.LocalDate;

/** Dates as an SOP writes them: {@code 6 Maret 2023}, or {@code 6 March 2023} in English. */
final class Dates {

  private static final String[] ID = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
      "September", "Oktober", "November", "Desember"};
  private static final String[] EN = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};

  private Dates() {}

  /** The day without a leading zero, the month's name and the year. */
  static String format(LocalDate date, Language language) {
    String[] months = language == Language.EN ? EN : ID;
    return date.getDayOfMonth() + " " + months[date.getMonthValue() - 1] + " " + date.getYear();
  }
}
