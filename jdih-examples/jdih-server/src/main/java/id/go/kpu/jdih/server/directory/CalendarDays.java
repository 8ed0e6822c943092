package id.go.kpu.jdih.server.directory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.calendar.file.CalendarFile;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.time.DayOff;
import id.go.kpu.jdih.time.DayOffKind;
import id.go.kpu.jdih.time.HolidayCalendar;
import id.go.kpu.jdih.validation.Violation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each office's amendments of the server's calendar, uploaded as the CSV of jdih-calendar-file
 * ({@code date,kind,name,source}; {@code kind} {@code NATIONAL_HOLIDAY}, {@code CUTI_BERSAMA}, {@code VOTING_DAY},
 * or {@code REMOVE} to make a bundled day off a working day; {@code #} comments and blank lines skipped; fields with
 * commas in double quotes). An upload replaces the office's rows; every bad line is reported at once and nothing is
 * stored then. Amendments are read again at most every few seconds (another instance may have stored new ones).
 * Thread-safe.
 */
@Component
public class CalendarDays {

  /** A row: a day off of the office's own, or (kind {@code REMOVE}, empty name and source) one it works on. */
  public record Row(LocalDate date, String kind, String name, String source) {}

  /** An office's amendments: days off added, bundled days off removed. */
  public record Amendments(ImmutableList<DayOff> added, ImmutableList<LocalDate> removed) {
    /** {@code base} amended. */
    public HolidayCalendar apply(HolidayCalendar base) {
      return added.isEmpty() && removed.isEmpty() ? base : base.amend(added, removed);
    }
  }

  static final String HEADER = "date,kind,name,source";
  static final int MAX_ROWS = 2000;
  private static final Duration FRESH = Duration.ofSeconds(5);

  private record Cached(Amendments amendments, Instant readAt) {}

  private final JdbcClient db;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /** The amendments in the server's tables. */
  public CalendarDays(JdbcClient db, Clock clock, ServerSchema schema) {
    this.db = checkNotNull(db, "db");
    this.clock = checkNotNull(clock, "clock");
    checkNotNull(schema, "schema");
  }

  /**
   * The rows of {@code csv}.
   *
   * @throws ServerException {@code BAD_REQUEST} with one error per bad line (field {@code line N})
   */
  public static ImmutableList<Row> parse(String csv) {
    String[] lines = csv.split("\r?\n", -1);
    List<Violation> errors = new ArrayList<>();
    if (lines.length == 0 || !lines[0].replace("\uFEFF", "").trim().equals(HEADER)) {
      throw invalid(List.of(new Violation("line 1", "Header", Text.of("kepala kolom harus '" + HEADER + "'",
          "the header must be '" + HEADER + "'"))));
    }
    List<Row> rows = new ArrayList<>();
    Set<LocalDate> seen = new HashSet<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      String at = "line " + (i + 1);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (errors.size() >= 100) {
        break;
      }
      List<String> f = CalendarFile.split(line);
      if (f.size() != 4) {
        errors.add(new Violation(at, "Fields", Text.of("harus 4 kolom, ada " + f.size(),
            "needs 4 fields, has " + f.size())));
        continue;
      }
      LocalDate date;
      try {
        date = LocalDate.parse(f.get(0).trim());
      } catch (DateTimeParseException e) {
        errors.add(new Violation(at, "Date", Text.of("tanggal tidak sah (YYYY-MM-DD)", "invalid date (YYYY-MM-DD)")));
        continue;
      }
      String kind = f.get(1).trim();
      String name = f.get(2).trim();
      String source = f.get(3).trim();
      if (!kind.equals("REMOVE")) {
        try {
          DayOffKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
          errors.add(new Violation(at, "Kind", Text.of("jenis tidak dikenal (NATIONAL_HOLIDAY, CUTI_BERSAMA,"
              + " VOTING_DAY, REMOVE)", "unknown kind (NATIONAL_HOLIDAY, CUTI_BERSAMA, VOTING_DAY, REMOVE)")));
          continue;
        }
        if (name.isEmpty() || source.isEmpty()) {
          errors.add(new Violation(at, "Required", Text.of("nama dan sumber wajib diisi",
              "name and source are required")));
          continue;
        }
      }
      if (name.length() > 200 || source.length() > 300) {
        errors.add(new Violation(at, "Size", Text.of("nama paling banyak 200, sumber 300 karakter",
            "name at most 200, source 300 characters")));
        continue;
      }
      if (!seen.add(date)) {
        errors.add(new Violation(at, "Unique", Text.of("tanggal ini sudah ada di baris sebelumnya",
            "this date is on an earlier line already")));
        continue;
      }
      rows.add(new Row(date, kind, kind.equals("REMOVE") ? "" : name, kind.equals("REMOVE") ? "" : source));
    }
    if (rows.size() > MAX_ROWS) {
      errors.add(new Violation("line " + lines.length, "Size", Text.of("paling banyak " + MAX_ROWS + " baris",
          "at most " + MAX_ROWS + " rows")));
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return ImmutableList.copyOf(rows);
  }

  private static ServerException invalid(List<Violation> errors) {
    return new ServerException(ServerException.Kind.BAD_REQUEST, Text.of(
        "Berkas kalender tidak sah: %s baris salah; tidak ada yang disimpan",
        "The calendar file is invalid: %s bad line(s); nothing was stored").format(errors.size()), errors);
  }

  /** Replaces the office's rows with {@code rows}. */
  @Transactional
  public void replace(String officeId, List<Row> rows) {
    db.sql("DELETE FROM jdih_calendar_day WHERE office_id = ?").param(officeId).update();
    for (Row r : rows) {
      db.sql("INSERT INTO jdih_calendar_day (office_id, day_iso, kind, name, source) VALUES (?, ?, ?, ?, ?)")
          .params(officeId, r.date().toString(), r.kind(), r.name(), r.source()).update();
    }
    cache.remove(officeId);
  }

  /** Forgets the office's cached amendments (after {@link #replace} committed, so that no read caches old rows). */
  public void forget(String officeId) {
    cache.remove(officeId);
  }

  /** The office's rows, by date. */
  public ImmutableList<Row> list(String officeId) {
    return ImmutableList.copyOf(db.sql("SELECT day_iso, kind, name, source FROM jdih_calendar_day WHERE office_id = ?"
        + " ORDER BY day_iso").param(officeId)
        .query((r, i) -> new Row(LocalDate.parse(r.getString(1)), r.getString(2), r.getString(3), r.getString(4)))
        .list());
  }

  /** The office's amendments (read again after a few seconds). */
  public Amendments amendments(String officeId) {
    Instant now = clock.instant();
    Cached c = cache.get(officeId);
    if (c == null || c.readAt().plus(FRESH).isBefore(now) || c.readAt().isAfter(now)) {
      List<DayOff> added = new ArrayList<>();
      List<LocalDate> removed = new ArrayList<>();
      for (Row r : list(officeId)) {
        if (r.kind().equals("REMOVE")) {
          removed.add(r.date());
        } else {
          added.add(new DayOff(r.date(), DayOffKind.valueOf(r.kind()), r.name(), r.source()));
        }
      }
      c = new Cached(new Amendments(ImmutableList.copyOf(added), ImmutableList.copyOf(removed)), now);
      cache.put(officeId, c);
    }
    return c.amendments();
  }
}
