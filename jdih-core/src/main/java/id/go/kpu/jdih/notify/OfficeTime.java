package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.i18n.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Instants as an office writes them: in its zone, with the Indonesian zone name (WIB, WITA, WIT), e.g.
 * {@code Selasa, 5 Maret 2024 pukul 09.30 WIB} or {@code Tuesday, 5 March 2024 at 09:30 WIB}. Day and month names
 * are the library's own, so the text is the same on every JVM.
 */
final class OfficeTime {

  private static final ImmutableSet<String> INDONESIAN_ZONES = ImmutableSet.of("Asia/Jakarta", "Asia/Pontianak",
      "Asia/Makassar", "Asia/Jayapura");
  private static final String[] HARI = {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"};
  private static final String[] BULAN = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
      "September", "Oktober", "November", "Desember"};
  private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
      "Sunday"};
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};

  private OfficeTime() {}

  /**
   * The zone's name at {@code at}: {@code WIB} (UTC+7), {@code WITA} (UTC+8) or {@code WIT} (UTC+9) for the
   * Indonesian zones, {@code UTC+hh:mm} otherwise.
   */
  static String zoneName(ZoneId zone, Instant at) {
    checkNotNull(zone, "zone");
    checkNotNull(at, "at");
    ZoneOffset offset = zone.getRules().getOffset(at);
    if (INDONESIAN_ZONES.contains(zone.getId())) {
      switch (offset.getTotalSeconds()) {
        case 7 * 3600 -> {
          return "WIB";
        }
        case 8 * 3600 -> {
          return "WITA";
        }
        case 9 * 3600 -> {
          return "WIT";
        }
        default -> { }
      }
    }
    return offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
  }

  /** {@code at} in {@code zone}, written in {@code language} with the zone's name. */
  static String format(Instant at, ZoneId zone, Language language) {
    checkNotNull(language, "language");
    ZonedDateTime z = at.atZone(checkNotNull(zone, "zone"));
    int day = z.getDayOfWeek().getValue() - 1;
    int month = z.getMonthValue() - 1;
    if (language == Language.EN) {
      return String.format(Locale.ROOT, "%s, %d %s %d at %02d:%02d %s", DAYS[day], z.getDayOfMonth(), MONTHS[month],
          z.getYear(), z.getHour(), z.getMinute(), zoneName(zone, at));
    }
    return String.format(Locale.ROOT, "%s, %d %s %d pukul %02d.%02d %s", HARI[day], z.getDayOfMonth(), BULAN[month],
        z.getYear(), z.getHour(), z.getMinute(), zoneName(zone, at));
  }
}
