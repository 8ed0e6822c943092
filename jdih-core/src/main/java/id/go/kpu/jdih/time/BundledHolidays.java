package id.go.kpu.jdih.time;

import static com.google.common.base.Preconditions.checkState;
import static id.go.kpu.jdih.time.DayOffKind.CUTI_BERSAMA;
import static id.go.kpu.jdih.time.DayOffKind.NATIONAL_HOLIDAY;
import static id.go.kpu.jdih.time.DayOffKind.VOTING_DAY;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.Multimaps;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled calendar of Indonesian national holidays (hari libur nasional), civil-servant collective leave (cuti
 * bersama ASN) and election voting days for 2023 to 2026, each date with the decree it comes from. Weekend dates are
 * included: they are still data, the calendar ignores them because weekends are off anyway.
 *
 * <p>Each year's holidays and cuti bersama are set by a joint decree (SKB) of the Menteri Agama, the Menteri
 * Ketenagakerjaan and the Menteri PANRB; cuti bersama for civil servants is confirmed by a presidential decree
 * (Keppres). Where a year was amended, the data is the final amended state and the amending decree is named in {@link
 * DayOff#source()}. Names follow the decree named in the source. The decrees, per year:
 *
 * <ul>
 *   <li><b>2023</b>: SKB Nomor 1066 Tahun 2022, Nomor 3 Tahun 2022, Nomor 3 Tahun 2022 (16 holidays); amended by SKB
 *       Nomor 327 Tahun 2023, Nomor 1 Tahun 2023, Nomor 1 Tahun 2023 (Lebaran cuti bersama moved from 21, 24, 25, 26
 *       April to 19, 20, 21, 24, 25 April) and by SKB Nomor 624 Tahun 2023, Nomor 2 Tahun 2023, Nomor 2 Tahun 2023
 *       (perubahan kedua: cuti bersama Idul Adha 28 and 30 June added). For civil servants: Keppres Nomor 24 Tahun 2022
 *       tentang Cuti Bersama Pegawai ASN Tahun 2023, amended by Keppres Nomor 8 Tahun 2023 (Lebaran) and Keppres Nomor 16
 *       Tahun 2023 (perubahan kedua, Idul Adha).
 *   <li><b>2024</b>: SKB Nomor 855 Tahun 2023, Nomor 3 Tahun 2023, Nomor 4 Tahun 2023; Keppres Nomor 7 Tahun 2024
 *       tentang Cuti Bersama Pegawai ASN Tahun 2024; Keppres Nomor 8 Tahun 2024 tentang Hari-Hari Libur (renames the
 *       "Isa Al Masih" holidays to "Yesus Kristus"; the 2024 holiday names follow it, the cuti bersama names follow
 *       Keppres 7/2024, which it did not amend); Keppres Nomor 10 Tahun 2024 (Pemilu, 14 February) and Keppres Nomor 33
 *       Tahun 2024 (Pilkada serentak, 27 November), each declaring the voting day a national holiday.
 *   <li><b>2025</b>: SKB Nomor 1017 Tahun 2024, Nomor 2 Tahun 2024, Nomor 2 Tahun 2024; amended by SKB Nomor 933 Tahun
 *       2025, Nomor 1 Tahun 2025, Nomor 3 Tahun 2025 (cuti bersama 18 August for the 80th Independence Day); Keppres
 *       Nomor 2 Tahun 2025 tentang Cuti Bersama Pegawai ASN Tahun 2025.
 *   <li><b>2026</b>: SKB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025; Keppres Nomor 42 Tahun 2025
 *       tentang Cuti Bersama Pegawai ASN Tahun 2026. The sidang isbat of 19 March 2026 fixed 1 Syawal 1447 H on 21 March,
 *       as the SKB had.
 * </ul>
 *
 * <p>The dates and decree numbers were checked against press reports quoting the decrees (setkab, menpan, antara,
 * okezone, detik, kompas and regional outlets). No amendment after March 2026 was found; one that exists must be added
 * here with a new {@link #VERSION}.
 */
final class BundledHolidays {

  /** The state of the data: the date it was last checked against the decrees. */
  static final String VERSION = "2026-11-24";

  private static final String SKB = "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB ";

  // 2023
  private static final String SKB_2023 = SKB + "Nomor 1066 Tahun 2022, Nomor 3 Tahun 2022, Nomor 3 Tahun 2022";
  private static final String CB_2023 =
      SKB_2023 + "; Keppres Nomor 24 Tahun 2022, sebagaimana diubah terakhir dengan Keppres Nomor 16 Tahun 2023";
  private static final String CB_2023_LEBARAN =
      SKB + "Nomor 327 Tahun 2023, Nomor 1 Tahun 2023, Nomor 1 Tahun 2023 (perubahan atas SKB Nomor 1066 Tahun 2022)"
          + "; Keppres Nomor 8 Tahun 2023 (perubahan atas Keppres Nomor 24 Tahun 2022)";
  private static final String CB_2023_IDUL_ADHA =
      SKB + "Nomor 624 Tahun 2023, Nomor 2 Tahun 2023, Nomor 2 Tahun 2023 (perubahan kedua atas SKB Nomor 1066 Tahun"
          + " 2022); Keppres Nomor 16 Tahun 2023 (perubahan kedua atas Keppres Nomor 24 Tahun 2022)";

  // 2024
  private static final String SKB_2024 = SKB + "Nomor 855 Tahun 2023, Nomor 3 Tahun 2023, Nomor 4 Tahun 2023";
  private static final String SKB_2024_RENAMED =
      SKB_2024 + "; nama menurut Keppres Nomor 8 Tahun 2024 tentang Hari-Hari Libur";
  private static final String CB_2024 = SKB_2024 + "; Keppres Nomor 7 Tahun 2024";
  private static final String PEMILU_2024 =
      "Keppres Nomor 10 Tahun 2024 tentang Hari Pemungutan Suara Pemilihan Umum Tahun 2024 sebagai Hari Libur Nasional";
  private static final String PILKADA_2024 =
      "Keppres Nomor 33 Tahun 2024 tentang Hari Pemungutan Suara Pemilihan Gubernur dan Wakil Gubernur, Bupati dan"
          + " Wakil Bupati, serta Wali Kota dan Wakil Wali Kota Tahun 2024 sebagai Hari Libur Nasional";

  // 2025
  private static final String SKB_2025 = SKB + "Nomor 1017 Tahun 2024, Nomor 2 Tahun 2024, Nomor 2 Tahun 2024";
  private static final String CB_2025 = SKB_2025 + "; Keppres Nomor 2 Tahun 2025";
  private static final String CB_2025_HUT_RI =
      SKB + "Nomor 933 Tahun 2025, Nomor 1 Tahun 2025, Nomor 3 Tahun 2025 (perubahan atas SKB Nomor 1017 Tahun 2024,"
          + " Nomor 2 Tahun 2024, Nomor 2 Tahun 2024)";

  // 2026
  private static final String SKB_2026 = SKB + "Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025";
  private static final String CB_2026 = SKB_2026 + "; Keppres Nomor 42 Tahun 2025";

  private static final ImmutableList<DayOff> ALL = build();
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

  private static ImmutableList<DayOff> build() {
    List<DayOff> d = new ArrayList<>();

    // 2023: SKB 1066/3/3 Tahun 2022, amended by SKB 327/1/1 Tahun 2023 and SKB 624/2/2 Tahun 2023;
    // Keppres 24/2022, amended by Keppres 8/2023 and Keppres 16/2023.
    d.add(nh(2023, 1, 1, "Tahun Baru 2023 Masehi", SKB_2023));
    d.add(nh(2023, 1, 22, "Tahun Baru Imlek 2574 Kongzili", SKB_2023));
    d.add(cb(2023, 1, 23, "Cuti Bersama Tahun Baru Imlek 2574 Kongzili", CB_2023));
    d.add(nh(2023, 2, 18, "Isra Mikraj Nabi Muhammad S.A.W.", SKB_2023));
    d.add(nh(2023, 3, 22, "Hari Suci Nyepi Tahun Baru Saka 1945", SKB_2023));
    d.add(cb(2023, 3, 23, "Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1945", CB_2023));
    d.add(nh(2023, 4, 7, "Wafat Isa Al Masih", SKB_2023));
    d.add(cb(2023, 4, 19, "Cuti Bersama Hari Raya Idul Fitri 1444 Hijriah", CB_2023_LEBARAN));
    d.add(cb(2023, 4, 20, "Cuti Bersama Hari Raya Idul Fitri 1444 Hijriah", CB_2023_LEBARAN));
    d.add(cb(2023, 4, 21, "Cuti Bersama Hari Raya Idul Fitri 1444 Hijriah", CB_2023_LEBARAN));
    d.add(nh(2023, 4, 22, "Hari Raya Idul Fitri 1444 Hijriah", SKB_2023));
    d.add(nh(2023, 4, 23, "Hari Raya Idul Fitri 1444 Hijriah", SKB_2023));
    d.add(cb(2023, 4, 24, "Cuti Bersama Hari Raya Idul Fitri 1444 Hijriah", CB_2023_LEBARAN));
    d.add(cb(2023, 4, 25, "Cuti Bersama Hari Raya Idul Fitri 1444 Hijriah", CB_2023_LEBARAN));
    d.add(nh(2023, 5, 1, "Hari Buruh Internasional", SKB_2023));
    d.add(nh(2023, 5, 18, "Kenaikan Isa Al Masih", SKB_2023));
    d.add(nh(2023, 6, 1, "Hari Lahir Pancasila", SKB_2023));
    d.add(cb(2023, 6, 2, "Cuti Bersama Hari Raya Waisak", CB_2023));
    d.add(nh(2023, 6, 4, "Hari Raya Waisak 2567 BE", SKB_2023));
    d.add(cb(2023, 6, 28, "Cuti Bersama Hari Raya Idul Adha 1444 Hijriah", CB_2023_IDUL_ADHA));
    d.add(nh(2023, 6, 29, "Hari Raya Idul Adha 1444 Hijriah", SKB_2023));
    d.add(cb(2023, 6, 30, "Cuti Bersama Hari Raya Idul Adha 1444 Hijriah", CB_2023_IDUL_ADHA));
    d.add(nh(2023, 7, 19, "Tahun Baru Islam 1445 Hijriah", SKB_2023));
    d.add(nh(2023, 8, 17, "Hari Kemerdekaan Republik Indonesia", SKB_2023));
    d.add(nh(2023, 9, 28, "Maulid Nabi Muhammad S.A.W.", SKB_2023));
    d.add(nh(2023, 12, 25, "Hari Raya Natal", SKB_2023));
    d.add(cb(2023, 12, 26, "Cuti Bersama Hari Raya Natal", CB_2023));

    // 2024: SKB 855/3/4 Tahun 2023; Keppres 7/2024 (cuti bersama ASN); Keppres 8/2024 (Hari-Hari Libur, names);
    // Keppres 10/2024 (Pemilu) and Keppres 33/2024 (Pilkada).
    d.add(nh(2024, 1, 1, "Tahun Baru 2024 Masehi", SKB_2024));
    d.add(nh(2024, 2, 8, "Isra Mikraj Nabi Muhammad S.A.W.", SKB_2024));
    d.add(cb(2024, 2, 9, "Cuti Bersama Tahun Baru Imlek 2575 Kongzili", CB_2024));
    d.add(nh(2024, 2, 10, "Tahun Baru Imlek 2575 Kongzili", SKB_2024));
    d.add(vd(2024, 2, 14, "Hari Pemungutan Suara Pemilihan Umum Tahun 2024", PEMILU_2024));
    d.add(nh(2024, 3, 11, "Hari Suci Nyepi Tahun Baru Saka 1946", SKB_2024));
    d.add(cb(2024, 3, 12, "Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1946", CB_2024));
    d.add(nh(2024, 3, 29, "Wafat Yesus Kristus", SKB_2024_RENAMED));
    d.add(nh(2024, 3, 31, "Kebangkitan Yesus Kristus (Paskah)", SKB_2024_RENAMED));
    d.add(cb(2024, 4, 8, "Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah", CB_2024));
    d.add(cb(2024, 4, 9, "Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah", CB_2024));
    d.add(nh(2024, 4, 10, "Hari Raya Idul Fitri 1445 Hijriah", SKB_2024));
    d.add(nh(2024, 4, 11, "Hari Raya Idul Fitri 1445 Hijriah", SKB_2024));
    d.add(cb(2024, 4, 12, "Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah", CB_2024));
    d.add(cb(2024, 4, 15, "Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah", CB_2024));
    d.add(nh(2024, 5, 1, "Hari Buruh Internasional", SKB_2024));
    d.add(nh(2024, 5, 9, "Kenaikan Yesus Kristus", SKB_2024_RENAMED));
    d.add(cb(2024, 5, 10, "Cuti Bersama Kenaikan Isa Al Masih", CB_2024));
    d.add(nh(2024, 5, 23, "Hari Raya Waisak 2568 BE", SKB_2024));
    d.add(cb(2024, 5, 24, "Cuti Bersama Hari Raya Waisak", CB_2024));
    d.add(nh(2024, 6, 1, "Hari Lahir Pancasila", SKB_2024));
    d.add(nh(2024, 6, 17, "Hari Raya Idul Adha 1445 Hijriah", SKB_2024));
    d.add(cb(2024, 6, 18, "Cuti Bersama Hari Raya Idul Adha 1445 Hijriah", CB_2024));
    d.add(nh(2024, 7, 7, "Tahun Baru Islam 1446 Hijriah", SKB_2024));
    d.add(nh(2024, 8, 17, "Hari Kemerdekaan Republik Indonesia", SKB_2024));
    d.add(nh(2024, 9, 16, "Maulid Nabi Muhammad S.A.W.", SKB_2024));
    d.add(vd(2024, 11, 27,
        "Hari Pemungutan Suara Pemilihan Gubernur dan Wakil Gubernur, Bupati dan Wakil Bupati, serta Wali Kota dan"
            + " Wakil Wali Kota Tahun 2024",
        PILKADA_2024));
    d.add(nh(2024, 12, 25, "Kelahiran Yesus Kristus", SKB_2024_RENAMED));
    d.add(cb(2024, 12, 26, "Cuti Bersama Hari Raya Natal", CB_2024));

    // 2025: SKB 1017/2/2 Tahun 2024, amended by SKB 933/1/3 Tahun 2025 (18 August); Keppres 2/2025 (cuti bersama ASN).
    d.add(nh(2025, 1, 1, "Tahun Baru 2025 Masehi", SKB_2025));
    d.add(nh(2025, 1, 27, "Isra Mikraj Nabi Muhammad S.A.W.", SKB_2025));
    d.add(cb(2025, 1, 28, "Cuti Bersama Tahun Baru Imlek 2576 Kongzili", CB_2025));
    d.add(nh(2025, 1, 29, "Tahun Baru Imlek 2576 Kongzili", SKB_2025));
    d.add(cb(2025, 3, 28, "Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1947", CB_2025));
    d.add(nh(2025, 3, 29, "Hari Suci Nyepi (Tahun Baru Saka 1947)", SKB_2025));
    d.add(nh(2025, 3, 31, "Idul Fitri 1446 Hijriah", SKB_2025));
    d.add(nh(2025, 4, 1, "Idul Fitri 1446 Hijriah", SKB_2025));
    d.add(cb(2025, 4, 2, "Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah", CB_2025));
    d.add(cb(2025, 4, 3, "Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah", CB_2025));
    d.add(cb(2025, 4, 4, "Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah", CB_2025));
    d.add(cb(2025, 4, 7, "Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah", CB_2025));
    d.add(nh(2025, 4, 18, "Wafat Yesus Kristus", SKB_2025));
    d.add(nh(2025, 4, 20, "Kebangkitan Yesus Kristus (Paskah)", SKB_2025));
    d.add(nh(2025, 5, 1, "Hari Buruh Internasional", SKB_2025));
    d.add(nh(2025, 5, 12, "Hari Raya Waisak 2569 BE", SKB_2025));
    d.add(cb(2025, 5, 13, "Cuti Bersama Hari Raya Waisak 2569 BE", CB_2025));
    d.add(nh(2025, 5, 29, "Kenaikan Yesus Kristus", SKB_2025));
    d.add(cb(2025, 5, 30, "Cuti Bersama Kenaikan Yesus Kristus", CB_2025));
    d.add(nh(2025, 6, 1, "Hari Lahir Pancasila", SKB_2025));
    d.add(nh(2025, 6, 6, "Idul Adha 1446 Hijriah", SKB_2025));
    d.add(cb(2025, 6, 9, "Cuti Bersama Hari Raya Idul Adha 1446 Hijriah", CB_2025));
    d.add(nh(2025, 6, 27, "1 Muharam Tahun Baru Islam 1447 Hijriah", SKB_2025));
    d.add(nh(2025, 8, 17, "Proklamasi Kemerdekaan", SKB_2025));
    d.add(cb(2025, 8, 18, "Cuti Bersama Proklamasi Kemerdekaan", CB_2025_HUT_RI));
    d.add(nh(2025, 9, 5, "Maulid Nabi Muhammad S.A.W.", SKB_2025));
    d.add(nh(2025, 12, 25, "Kelahiran Yesus Kristus", SKB_2025));
    d.add(cb(2025, 12, 26, "Cuti Bersama Kelahiran Yesus Kristus", CB_2025));

    // 2026: SKB 1497/2/5 Tahun 2025; Keppres 42/2025 (cuti bersama ASN).
    d.add(nh(2026, 1, 1, "Tahun Baru 2026 Masehi", SKB_2026));
    d.add(nh(2026, 1, 16, "Isra Mikraj Nabi Muhammad S.A.W.", SKB_2026));
    d.add(cb(2026, 2, 16, "Cuti Bersama Tahun Baru Imlek 2577 Kongzili", CB_2026));
    d.add(nh(2026, 2, 17, "Tahun Baru Imlek 2577 Kongzili", SKB_2026));
    d.add(cb(2026, 3, 18, "Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1948", CB_2026));
    d.add(nh(2026, 3, 19, "Hari Suci Nyepi (Tahun Baru Saka 1948)", SKB_2026));
    d.add(cb(2026, 3, 20, "Cuti Bersama Hari Raya Idul Fitri 1447 Hijriah", CB_2026));
    d.add(nh(2026, 3, 21, "Idul Fitri 1447 Hijriah", SKB_2026));
    d.add(nh(2026, 3, 22, "Idul Fitri 1447 Hijriah", SKB_2026));
    d.add(cb(2026, 3, 23, "Cuti Bersama Hari Raya Idul Fitri 1447 Hijriah", CB_2026));
    d.add(cb(2026, 3, 24, "Cuti Bersama Hari Raya Idul Fitri 1447 Hijriah", CB_2026));
    d.add(nh(2026, 4, 3, "Wafat Yesus Kristus", SKB_2026));
    d.add(nh(2026, 4, 5, "Kebangkitan Yesus Kristus (Paskah)", SKB_2026));
    d.add(nh(2026, 5, 1, "Hari Buruh Internasional", SKB_2026));
    d.add(nh(2026, 5, 14, "Kenaikan Yesus Kristus", SKB_2026));
    d.add(cb(2026, 5, 15, "Cuti Bersama Kenaikan Yesus Kristus", CB_2026));
    d.add(nh(2026, 5, 27, "Idul Adha 1447 Hijriah", SKB_2026));
    d.add(cb(2026, 5, 28, "Cuti Bersama Hari Raya Idul Adha 1447 Hijriah", CB_2026));
    d.add(nh(2026, 5, 31, "Hari Raya Waisak 2570 BE", SKB_2026));
    d.add(nh(2026, 6, 1, "Hari Lahir Pancasila", SKB_2026));
    d.add(nh(2026, 6, 16, "1 Muharam Tahun Baru Islam 1448 Hijriah", SKB_2026));
    d.add(nh(2026, 8, 17, "Proklamasi Kemerdekaan", SKB_2026));
    d.add(nh(2026, 8, 25, "Maulid Nabi Muhammad S.A.W.", SKB_2026));
    d.add(cb(2026, 12, 24, "Cuti Bersama Kelahiran Yesus Kristus", CB_2026));
    d.add(nh(2026, 12, 25, "Kelahiran Yesus Kristus", SKB_2026));

    ImmutableList<DayOff> sorted = ImmutableList.sortedCopyOf(d);
    for (int i = 1; i < sorted.size(); i++) {
      checkState(sorted.get(i - 1).compareTo(sorted.get(i)) != 0, "duplicate day off: %s", sorted.get(i));
    }
    return sorted;
  }

  private static DayOff nh(int y, int m, int day, String name, String source) {
    return new DayOff(LocalDate.of(y, m, day), NATIONAL_HOLIDAY, name, source);
  }

  private static DayOff cb(int y, int m, int day, String name, String source) {
    return new DayOff(LocalDate.of(y, m, day), CUTI_BERSAMA, name, source);
  }

  private static DayOff vd(int y, int m, int day, String name, String source) {
    return new DayOff(LocalDate.of(y, m, day), VOTING_DAY, name, source);
  }
}
