package id.go.kpu.jdih.calendar.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kpu.jdih.sop.TimeStandard;
import id.go.kpu.jdih.time.DayOffKind;
import id.go.kpu.jdih.time.HolidayCalendar;
import id.go.kpu.jdih.time.WorkingCalendar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarFileTest {

  @TempDir Path dir;

  @Test
  void anAmendmentFileChangesDeadlinesWithoutARebuild() throws IOException {
    WorkingCalendar wib = WorkingCalendar.defaults(ZoneId.of("Asia/Jakarta"));
    Path file = Files.writeString(dir.resolve("perubahan.csv"), String.join("\n",
        "date,kind,name,source",
        "# cuti bersama 15 April dipindah ke 17 April",
        "2024-04-15,REMOVE,,\"Keppres perubahan, contoh\"",
        "2024-04-17,CUTI_BERSAMA,Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah,\"Keppres perubahan, contoh\"",
        ""));
    HolidayCalendar amended = CalendarFile.amend(wib.holidays(), file);
    assertThat(amended.dayOff(LocalDate.of(2024, 4, 17)).orElseThrow().source()).isEqualTo("Keppres perubahan, contoh");
    assertThat(amended.isDayOff(LocalDate.of(2024, 4, 15))).isFalse();
    var friday = ZonedDateTime.of(2024, 4, 5, 10, 0, 0, 0, ZoneId.of("Asia/Jakarta")).toInstant();
    assertThat(wib.due(friday, TimeStandard.workingDays(1)).atZone(ZoneId.of("Asia/Jakarta")).toLocalDate())
        .isEqualTo(LocalDate.of(2024, 4, 16));
    assertThat(wib.withHolidays(amended).due(friday, TimeStandard.workingDays(1))
        .atZone(ZoneId.of("Asia/Jakarta")).toLocalDate()).isEqualTo(LocalDate.of(2024, 4, 15));
  }

  @Test
  void aReplacementFileIsTheWholeCalendar() throws IOException {
    Path file = Files.writeString(dir.resolve("kalender.csv"),
        "date,kind,name,source\n2027-01-01,NATIONAL_HOLIDAY,Tahun Baru 2027 Masehi,SKB 2026\n");
    HolidayCalendar c = CalendarFile.read(file);
    assertThat(c.all()).hasSize(1);
    assertThat(c.all().get(0).kind()).isEqualTo(DayOffKind.NATIONAL_HOLIDAY);
  }

  @Test
  void everyBadLineIsReportedAndNothingApplied() throws IOException {
    Path file = Files.writeString(dir.resolve("rusak.csv"), String.join("\n",
        "date,kind,name,source",
        "2024-13-01,CUTI_BERSAMA,x,y",
        "2024-04-17,LIBUR,x,y",
        "2024-04-18,CUTI_BERSAMA,,y",
        "2024-04-19,CUTI_BERSAMA,x"));
    assertThatThrownBy(() -> CalendarFile.amend(HolidayCalendar.none(), file))
        .isInstanceOf(CalendarFile.InvalidCalendarFileException.class)
        .hasMessageContaining("JDIH-CAL-001")
        .hasMessageContaining("baris 2: tanggal '2024-13-01' tidak sah")
        .hasMessageContaining("line 3: unknown kind 'LIBUR'")
        .hasMessageContaining("line 4: name and source are required")
        .hasMessageContaining("line 5: needs 4 fields, has 3");
    Path noHeader = Files.writeString(dir.resolve("tanpa-kepala.csv"), "2024-01-01,CUTI_BERSAMA,x,y\n");
    assertThatThrownBy(() -> CalendarFile.read(noHeader)).hasMessageContaining("line 1: the header must be");
  }
}
