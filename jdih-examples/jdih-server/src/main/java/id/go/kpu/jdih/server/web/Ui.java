package id.go.kpu.jdih.server.web;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * What templates need to speak the caller's language: texts written inline in both languages, the library's
 * {@link Text}s, and times in an office's zone.
 */
public final class Ui {
  private final Language language;

  Ui(Language language) {
    this.language = language;
  }

  /** The language of the page. */
  public Language language() {
    return language;
  }

  /** {@code id} or {@code en}, for the {@code lang} attribute and the switch. */
  public String lang() {
    return language == Language.EN ? "en" : "id";
  }

  /** The text in the page's language. */
  public String t(String id, String en) {
    return language == Language.EN ? en : id;
  }

  /** A library text in the page's language. */
  public String text(Text text) {
    return text.in(language);
  }

  /** Whether the comma-separated {@code csv} (a form value) holds {@code item}. */
  public boolean in(String csv, String item) {
    return csv != null && java.util.Arrays.asList(csv.split(",")).contains(item);
  }

  /** A short name of an activity kind, for the board's column headings. */
  public String kind(id.go.kpu.jdih.sop.ActivityKind kind) {
    return switch (kind) {
      case PROPOSAL -> t("Usulan", "Proposal");
      case APPROVAL -> t("Persetujuan", "Approval");
      case MEETING -> t("Rapat tim", "Team meeting");
      case SUMMARY -> t("Rangkuman", "Summary");
      case DESIGN -> t("Desain", "Design");
      case CAPTION -> t("Keterangan", "Caption");
      case PUBLICATION -> t("Unggah", "Upload");
      case TASK -> t("Tugas", "Task");
    };
  }

  /** A date, e.g. {@code 5 Desember 2026}. */
  public String date(java.time.LocalDate date) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale()).format(date);
  }

  /** {@code instant} in {@code zone}, e.g. {@code 4 Des 2026 09.30 WIB}; a dash for none. */
  public String time(Object instant, ZoneId zone) {
    Instant i = instant instanceof Optional<?> o ? (Instant) o.orElse(null) : (Instant) instant;
    if (i == null) {
      return "–";
    }
    return DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", language.locale()).withZone(zone).format(i);
  }
}
