package id.go.kpu.jdih.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundled holidays are data: one file per year, read as the calendar file format (issue 20, item 1: adding a year
 * is a data change only). A year's file as a maintainer would add it, and the mistakes that must stop the build.
 */
class BundledHolidaysFileTest {

  private static final String HEADER = "date,kind,name,source";

  @Test
  void aYearFileIsReadWithQuotedSourcesCommentsAndUnverifiedDays() {
    List<DayOff> days = BundledHolidays.parse(2031, List.of(HEADER,
        "# 2031: SKB ... (an example)",
        "2031-01-01,NATIONAL_HOLIDAY,Tahun Baru 2031 Masehi,\"SKB Nomor 1, Nomor 2, Nomor 3\"",
        "",
        "2031-01-02,CUTI_BERSAMA,Cuti Bersama,\"belum terverifikasi: rancangan, \"\"usul\"\"\""));
    assertThat(days).containsExactly(
        new DayOff(LocalDate.of(2031, 1, 1), DayOffKind.NATIONAL_HOLIDAY, "Tahun Baru 2031 Masehi",
            "SKB Nomor 1, Nomor 2, Nomor 3"),
        new DayOff(LocalDate.of(2031, 1, 2), DayOffKind.CUTI_BERSAMA, "Cuti Bersama",
            "belum terverifikasi: rancangan, \"usul\""));
  }

  @Test
  void aBadFileStopsLoudlyNamingTheFileAndLine() {
    assertThatThrownBy(() -> BundledHolidays.parse(2031, List.of("tanggal,jenis")))
        .hasMessageContaining("holidays/2031.csv").hasMessageContaining("header");
    assertThatThrownBy(() -> BundledHolidays.parse(2031, List.of(HEADER, "2030-12-31,NATIONAL_HOLIDAY,X,Y")))
        .hasMessageContaining("line 2").hasMessageContaining("not in 2031");
    assertThatThrownBy(() -> BundledHolidays.parse(2031, List.of(HEADER, "2031-01-01,NATIONAL_HOLIDAY,X")))
        .hasMessageContaining("needs 4 fields");
    assertThatThrownBy(() -> BundledHolidays.parse(2031, List.of(HEADER, "# nothing")))
        .hasMessageContaining("no day off");
  }

  /** YEARS lists exactly the year files there are: a file it does not list would never be read. */
  @Test
  void theYearsListNamesEveryYearFileAndNoOther() throws Exception {
    Path dir = Path.of(BundledHolidays.class.getResource("/id/go/kpu/jdih/time/holidays/YEARS").toURI()).getParent();
    List<Integer> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4}\\.csv"))
          .map(n -> Integer.parseInt(n.substring(0, 4))).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    assertThat(BundledHolidays.years()).containsExactlyElementsOf(files);
  }

  @Test
  void theBundledFilesAreTheCalendarsCoveredYears() {
    assertThat(HolidayCalendar.bundled().coveredYears().asRanges()).hasToString("[[2023..2027)]");
    assertThat(HolidayCalendar.bundledVersion()).isEqualTo("2026-11-24");
  }
}
