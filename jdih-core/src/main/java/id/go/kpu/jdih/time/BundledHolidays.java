package id.go.kpu.jdih.time;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.Multimaps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled calendar of Indonesian national holidays (hari libur nasional), civil-servant collective leave (cuti
 * bersama ASN) and election voting days, one data file per year in {@code id/go/kpu/jdih/time/holidays/YYYY.csv}
 * (2023 to 2026 now), each date with the decree it comes from, and the years bundled in {@code holidays/YEARS}, one
 * per line. Adding a year is adding its file and its line in {@code YEARS} ({@code BundledHolidaysFileTest} checks
 * that the two agree): nothing here changes. Weekend dates are included: they are still data, the calendar ignores them because weekends are off anyway.
 *
 * <p>Each year's holidays and cuti bersama are set by a joint decree (SKB) of the Menteri Agama, the Menteri
 * Ketenagakerjaan and the Menteri PANRB; cuti bersama for civil servants is confirmed by a presidential decree
 * (Keppres). Where a year was amended, the data is the final amended state and the amending decree is named in {@link
 * DayOff#source()}. Each file's comments name its decrees. A file has the calendar file's format ({@code
 * date,kind,name,source}, RFC 4180 quoting, {@code #} comment lines) and holds one year's complete list; a day not yet
 * checked against its decree says {@code belum terverifikasi} in its source.
 *
 * <p>The data's state, the date it was last checked against the decrees, is in {@code holidays/VERSION}; an amendment
 * found later is added to its year's file with a new version.
 */
final class BundledHolidays {

  private static final String DIR = "/id/go/kpu/jdih/time/holidays/";
  private static final String HEADER = DayOffCsv.HEADER;

  /** The state of the data: the date it was last checked against the decrees. */
  static final String VERSION = version();

  private static final ImmutableList<DayOff> ALL = load();
  private static final ImmutableListMultimap<Integer, DayOff> BY_YEAR = Multimaps.index(ALL, d -> d.date().getYear());

  private BundledHolidays() {}

  /**
   * Every bundled day off, sorted by date then kind. The same immutable list on every call.
   *
   * @return all entries of all years
   */
  static ImmutableList<DayOff> all() {
    return ALL;
  }

  /**
   * The bundled days off of one year, sorted by date then kind.
   *
   * @param year the calendar year
   * @return that year's entries; empty for a year that is not bundled
   */
  static ImmutableList<DayOff> year(int year) {
    return BY_YEAR.get(year);
  }

  private static String version() {
    List<String> lines = read("VERSION");
    checkState(lines != null && !lines.isEmpty(), "holidays/VERSION is missing");
    return lines.get(0).trim();
  }

  private static ImmutableList<DayOff> load() {
    // The years come from a list rather than from looking up every year from 1990 to 2100: those hundred failed
    // resource look-ups were a twentieth of a command-line command's time (BENCHMARKS.md, "Command line").
    List<DayOff> d = new ArrayList<>();
    for (int year : years()) {
      List<String> lines = read(year + ".csv");
      checkState(lines != null, "holidays/YEARS lists %s, but holidays/%s.csv is missing", year, year);
      d.addAll(parse(year, lines));
    }
    ImmutableList<DayOff> sorted = ImmutableList.sortedCopyOf(d);
    for (int i = 1; i < sorted.size(); i++) {
      checkState(sorted.get(i - 1).compareTo(sorted.get(i)) != 0, "duplicate day off: %s", sorted.get(i));
    }
    return sorted;
  }

  /** The years {@code holidays/YEARS} lists, in its order. */
  static List<Integer> years() {
    List<String> lines = read("YEARS");
    checkState(lines != null, "holidays/YEARS is missing");
    List<Integer> years = new ArrayList<>();
    for (String line : lines) {
      if (!line.isBlank() && !line.startsWith("#")) {
        years.add(Integer.parseInt(line.trim()));
      }
    }
    return years;
  }

  // A bundled file that does not parse is a defect of the build, not of the caller's input: it fails loudly.
  static List<DayOff> parse(int year, List<String> lines) {
    String file = "holidays/" + year + ".csv";
    checkState(!lines.isEmpty() && lines.get(0).trim().equals(HEADER), "%s: the header must be '%s'", file, HEADER);
    List<DayOff> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> f = DayOffCsv.split(line);
      checkState(f.size() == 4, "%s line %s: needs 4 fields, has %s", file, i + 1, f.size());
      DayOff day = new DayOff(LocalDate.parse(f.get(0).trim()), DayOffKind.valueOf(f.get(1).trim()), f.get(2).trim(),
          f.get(3).trim());
      checkState(day.date().getYear() == year, "%s line %s: %s is not in %s", file, i + 1, day.date(), year);
      out.add(day);
    }
    checkState(!out.isEmpty(), "%s lists no day off", file);
    return out;
  }

  /** The resource's lines, or {@code null} if it is not bundled. */
  private static @org.jspecify.annotations.Nullable List<String> read(String name) {
    InputStream in = BundledHolidays.class.getResourceAsStream(DIR + name);
    if (in == null) {
      return null;
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("holidays/" + name, e);
    }
  }
}
