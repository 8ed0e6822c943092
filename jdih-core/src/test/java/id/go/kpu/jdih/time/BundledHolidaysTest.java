package id.go.kpu.jdih.time;

import static id.go.kpu.jdih.time.DayOffKind.CUTI_BERSAMA;
import static id.go.kpu.jdih.time.DayOffKind.NATIONAL_HOLIDAY;
import static id.go.kpu.jdih.time.DayOffKind.VOTING_DAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled calendar is complete, ordered, sourced, and holds the dates the decrees set. */
class BundledHolidaysTest {

  private static final List<Integer> YEARS = List.of(2023, 2024, 2025, 2026);

  private static Optional<DayOff> find(int y, int m, int d, DayOffKind kind) {
    LocalDate date = LocalDate.of(y, m, d);
    return BundledHolidays.all().stream().filter(o -> o.date().equals(date) && o.kind() == kind).findFirst();
  }

  private static List<LocalDate> datesOf(int year, DayOffKind kind, String nameContains) {
    return BundledHolidays.year(year).stream()
        .filter(o -> o.kind() == kind && o.name().contains(nameContains))
        .map(DayOff::date)
        .collect(Collectors.toList());
  }

  @Test
  void everyYearIsPresentWithHolidaysAndCutiBersama() {
    for (int year : YEARS) {
      ImmutableList<DayOff> entries = BundledHolidays.year(year);
      assertThat(entries).as("year %d", year).isNotEmpty();
      assertThat(entries).as("holidays %d", year).anyMatch(o -> o.kind() == NATIONAL_HOLIDAY);
      assertThat(entries).as("cuti bersama %d", year).anyMatch(o -> o.kind() == CUTI_BERSAMA);
    }
    assertThat(BundledHolidays.all()).allMatch(o -> YEARS.contains(o.date().getYear()));
  }

  @Test
  void countsPerYearAndKindMatchTheDecrees() {
    // 2023: 16 holidays; 8 cuti bersama in Keppres 24/2022, one more Lebaran day (Keppres 8/2023), two Idul Adha days
    // (Keppres 16/2023). 2024: 17 + 10 + 2 voting days. 2025: 17 + 10 + 18 August. 2026: 17 + 8.
    assertThat(count(2023, NATIONAL_HOLIDAY)).isEqualTo(16);
    assertThat(count(2023, CUTI_BERSAMA)).isEqualTo(11);
    assertThat(count(2024, NATIONAL_HOLIDAY)).isEqualTo(17);
    assertThat(count(2024, CUTI_BERSAMA)).isEqualTo(10);
    assertThat(count(2024, VOTING_DAY)).isEqualTo(2);
    assertThat(count(2025, NATIONAL_HOLIDAY)).isEqualTo(17);
    assertThat(count(2025, CUTI_BERSAMA)).isEqualTo(11);
    assertThat(count(2026, NATIONAL_HOLIDAY)).isEqualTo(17);
    assertThat(count(2026, CUTI_BERSAMA)).isEqualTo(8);
    for (int year : List.of(2023, 2025, 2026)) {
      assertThat(count(year, VOTING_DAY)).as("voting days %d", year).isZero();
    }
  }

  private static long count(int year, DayOffKind kind) {
    return BundledHolidays.year(year).stream().filter(o -> o.kind() == kind).count();
  }

  @Test
  void noDuplicateDateAndKind() {
    Set<String> seen = new HashSet<>();
    for (DayOff o : BundledHolidays.all()) {
      assertThat(seen.add(o.date() + " " + o.kind())).as("duplicate %s", o).isTrue();
    }
  }

  @Test
  void sortedByDateThenKindAndBuiltOnce() {
    ImmutableList<DayOff> all = BundledHolidays.all();
    assertThat(all).isSortedAccordingTo(DayOff::compareTo);
    assertThat(BundledHolidays.all()).isSameAs(all);
  }

  @Test
  void everySourceAndNameIsNonBlankAndNoneUnverified() {
    assertThat(BundledHolidays.all()).allSatisfy(o -> {
      assertThat(o.source()).isNotBlank();
      assertThat(o.name()).isNotBlank();
    });
    assertThat(BundledHolidays.all()).noneMatch(o -> o.source().contains("belum terverifikasi"));
  }

  @Test
  void idulFitri2024WithItsCutiBersama() {
    assertThat(datesOf(2024, NATIONAL_HOLIDAY, "Idul Fitri 1445"))
        .containsExactly(LocalDate.of(2024, 4, 10), LocalDate.of(2024, 4, 11));
    assertThat(datesOf(2024, CUTI_BERSAMA, "Idul Fitri 1445"))
        .containsExactly(
            LocalDate.of(2024, 4, 8), LocalDate.of(2024, 4, 9), LocalDate.of(2024, 4, 12), LocalDate.of(2024, 4, 15));
    assertThat(find(2024, 4, 10, NATIONAL_HOLIDAY).orElseThrow().name()).isEqualTo("Hari Raya Idul Fitri 1445 Hijriah");
    assertThat(find(2024, 4, 8, CUTI_BERSAMA).orElseThrow().name())
        .isEqualTo("Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah");
    assertThat(find(2024, 4, 8, CUTI_BERSAMA).orElseThrow().source()).contains("Keppres Nomor 7 Tahun 2024");
  }

  @Test
  void votingDaysOf2024() {
    DayOff pemilu = find(2024, 2, 14, VOTING_DAY).orElseThrow();
    assertThat(pemilu.source()).contains("Keppres Nomor 10 Tahun 2024");
    DayOff pilkada = find(2024, 11, 27, VOTING_DAY).orElseThrow();
    assertThat(pilkada.source()).contains("Keppres Nomor 33 Tahun 2024");
    assertThat(BundledHolidays.all().stream().filter(o -> o.kind() == VOTING_DAY).map(DayOff::date))
        .containsExactly(LocalDate.of(2024, 2, 14), LocalDate.of(2024, 11, 27));
  }

  @Test
  void lebaranCutiBersama2023AsAmendedByKeppres8Of2023() {
    List<LocalDate> lebaran = datesOf(2023, CUTI_BERSAMA, "Idul Fitri 1444");
    assertThat(lebaran)
        .containsExactly(
            LocalDate.of(2023, 4, 19),
            LocalDate.of(2023, 4, 20),
            LocalDate.of(2023, 4, 21),
            LocalDate.of(2023, 4, 24),
            LocalDate.of(2023, 4, 25));
    // 26 April was cuti bersama only in the original Keppres 24/2022.
    assertThat(find(2023, 4, 26, CUTI_BERSAMA)).isEmpty();
    for (LocalDate date : lebaran) {
      DayOff o = find(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), CUTI_BERSAMA).orElseThrow();
      assertThat(o.source()).contains("Keppres Nomor 8 Tahun 2023").contains("Nomor 327 Tahun 2023");
    }
    assertThat(datesOf(2023, NATIONAL_HOLIDAY, "Idul Fitri 1444"))
        .containsExactly(LocalDate.of(2023, 4, 22), LocalDate.of(2023, 4, 23));
  }

  @Test
  void idulAdhaCutiBersama2023AsAmendedByKeppres16Of2023() {
    assertThat(datesOf(2023, CUTI_BERSAMA, "Idul Adha 1444"))
        .containsExactly(LocalDate.of(2023, 6, 28), LocalDate.of(2023, 6, 30));
    assertThat(find(2023, 6, 28, CUTI_BERSAMA).orElseThrow().source()).contains("Keppres Nomor 16 Tahun 2023");
    assertThat(find(2023, 6, 29, NATIONAL_HOLIDAY)).isPresent();
  }

  @Test
  void cutiBersama18August2025FromTheAmendingSkb() {
    assertThat(find(2025, 8, 18, CUTI_BERSAMA).orElseThrow().source()).contains("Nomor 933 Tahun 2025");
  }

  @Test
  void christmasAndIndependenceDayEveryYear() {
    for (int year : YEARS) {
      assertThat(find(year, 12, 25, NATIONAL_HOLIDAY)).as("Christmas %d", year).isPresent();
      assertThat(find(year, 8, 17, NATIONAL_HOLIDAY)).as("17 August %d", year).isPresent();
      assertThat(find(year, 1, 1, NATIONAL_HOLIDAY)).as("New Year %d", year).isPresent();
    }
  }

  @Test
  void weekendHolidaysAreKept() {
    // 17 August 2025 is a Sunday, Nyepi 2025 a Saturday, Idul Fitri 2026 a Saturday and a Sunday.
    assertThat(find(2025, 8, 17, NATIONAL_HOLIDAY)).isPresent();
    assertThat(find(2025, 3, 29, NATIONAL_HOLIDAY)).isPresent();
    assertThat(find(2026, 3, 21, NATIONAL_HOLIDAY)).isPresent();
    assertThat(find(2026, 3, 22, NATIONAL_HOLIDAY)).isPresent();
  }

  @Test
  void cutiBersamaFallOnWeekdays() {
    assertThat(BundledHolidays.all().stream().filter(o -> o.kind() == CUTI_BERSAMA))
        .allMatch(o -> o.date().getDayOfWeek().getValue() <= 5);
  }

  @Test
  void yearReturnsOnlyThatYear() {
    ImmutableList<DayOff> y2025 = BundledHolidays.year(2025);
    assertThat(y2025).isNotEmpty().allMatch(o -> o.date().getYear() == 2025);
    assertThat(y2025)
        .containsExactlyElementsOf(
            BundledHolidays.all().stream().filter(o -> o.date().getYear() == 2025).collect(Collectors.toList()));
    assertThat(BundledHolidays.year(2022)).isEmpty();
    assertThat(BundledHolidays.year(2027)).isEmpty();
  }

  @Test
  void versionIsAnIsoDate() {
    assertThat(LocalDate.parse(BundledHolidays.VERSION)).isAfterOrEqualTo(LocalDate.of(2026, 3, 19));
  }
}
