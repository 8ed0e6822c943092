package id.go.kpu.jdih.calendar.file;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.time.DayOff;
import id.go.kpu.jdih.time.DayOffCsv;
import id.go.kpu.jdih.time.DayOffKind;
import id.go.kpu.jdih.time.HolidayCalendar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads days off from a CSV file (UTF-8, comma-separated, one header line {@code date,kind,name,source}; fields
 * with commas in double quotes). {@code kind} is {@code NATIONAL_HOLIDAY}, {@code CUTI_BERSAMA}, {@code VOTING_DAY},
 * or {@code REMOVE} to take a date off the calendar (when amending). Lines starting with {@code #} and blank lines
 * are skipped.
 *
 * <pre>
 * date,kind,name,source
 * 2024-04-15,REMOVE,,"Keppres perubahan cuti bersama"
 * 2024-04-17,CUTI_BERSAMA,Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah,"Keppres perubahan cuti bersama"
 * </pre>
 *
 * <p>Every bad line is reported at once, with its line number; nothing is applied when any line is bad.
 * Stateless and thread-safe.
 */
public final class CalendarFile {

  private static final String HEADER = DayOffCsv.HEADER;

  private CalendarFile() {}

  /** A calendar of exactly the days in {@code file} (REMOVE lines are refused). */
  public static HolidayCalendar read(Path file) throws IOException {
    Parsed p = parse(file);
    if (!p.removed.isEmpty()) {
      throw new InvalidCalendarFileException(file, List.of(Text.of("REMOVE hanya untuk perubahan (amend)",
          "REMOVE is only for amendments")));
    }
    return HolidayCalendar.of(p.added);
  }

  /** {@code base} amended by {@code file}: REMOVE lines take dates off, the other lines add days off. */
  public static HolidayCalendar amend(HolidayCalendar base, Path file) throws IOException {
    checkNotNull(base, "base");
    Parsed p = parse(file);
    return base.amend(p.added, p.removed);
  }

  private record Parsed(List<DayOff> added, List<LocalDate> removed) {}

  private static Parsed parse(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Text> problems = new ArrayList<>();
    List<DayOff> added = new ArrayList<>();
    List<LocalDate> removed = new ArrayList<>();
    if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").trim().equals(HEADER)) {
      throw new InvalidCalendarFileException(file, List.of(Text.of(
          "baris 1: kepala kolom harus '" + HEADER + "'", "line 1: the header must be '" + HEADER + "'")));
    }
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      int no = i + 1;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> f = split(line);
      if (f.size() != 4) {
        problems.add(Text.of("baris " + no + ": harus 4 kolom, ada " + f.size(),
            "line " + no + ": needs 4 fields, has " + f.size()));
        continue;
      }
      LocalDate date;
      try {
        date = LocalDate.parse(f.get(0).trim());
      } catch (DateTimeParseException e) {
        problems.add(Text.of("baris " + no + ": tanggal '" + f.get(0) + "' tidak sah (YYYY-MM-DD)",
            "line " + no + ": date '" + f.get(0) + "' is invalid (YYYY-MM-DD)"));
        continue;
      }
      String kind = f.get(1).trim();
      if (kind.equals("REMOVE")) {
        removed.add(date);
        continue;
      }
      DayOffKind k;
      try {
        k = DayOffKind.valueOf(kind);
      } catch (IllegalArgumentException e) {
        problems.add(Text.of("baris " + no + ": jenis '" + kind + "' tidak dikenal",
            "line " + no + ": unknown kind '" + kind + "'"));
        continue;
      }
      if (f.get(2).isBlank() || f.get(3).isBlank()) {
        problems.add(Text.of("baris " + no + ": nama dan sumber wajib diisi",
            "line " + no + ": name and source are required"));
        continue;
      }
      added.add(new DayOff(date, k, f.get(2).trim(), f.get(3).trim()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidCalendarFileException(file, problems);
    }
    return new Parsed(added, removed);
  }

  /**
   * The fields of one line of the format, split RFC 4180-style: commas separate fields; a field in double quotes
   * may hold commas and {@code ""} for a quote. For readers of the same format from elsewhere (an upload).
   */
  public static List<String> split(String line) {
    return DayOffCsv.split(line);
  }

  /** A calendar file has bad lines; nothing was applied. */
  public static final class InvalidCalendarFileException extends JdihException {
    private static final long serialVersionUID = 1L;

    InvalidCalendarFileException(Path file, List<Text> problems) {
      super("JDIH-CAL-001", Text.of(
          "Berkas kalender " + file + " tidak sah: " + String.join("; ", problems.stream().map(Text::id).toList()),
          "Calendar file " + file + " is invalid: " + String.join("; ", problems.stream().map(Text::en).toList())));
    }
  }
}
