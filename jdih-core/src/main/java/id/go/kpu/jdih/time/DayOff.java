package id.go.kpu.jdih.time;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;

/**
 * One dated day off, with the decree it comes from, so the calendar is data that can be checked and amended.
 *
 * @param date the date
 * @param kind national holiday, collective leave or voting day
 * @param name the name, in Indonesian, e.g. {@code Hari Raya Idul Fitri 1445 Hijriah}
 * @param source the decree, e.g. {@code SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 855
 *     Tahun 2023, Nomor 3 Tahun 2023, Nomor 4 Tahun 2023}
 */
public record DayOff(LocalDate date, DayOffKind kind, String name, String source) implements Comparable<DayOff> {

  /** All fields are required and texts not blank. */
  public DayOff {
    checkNotNull(date, "date");
    checkNotNull(kind, "kind");
    checkNotNull(name, "name");
    checkNotNull(source, "source");
    checkArgument(!name.isBlank(), "name must not be blank");
    checkArgument(!source.isBlank(), "source must not be blank");
  }

  @Override
  public int compareTo(DayOff o) {
    int c = date.compareTo(o.date);
    return c != 0 ? c : kind.compareTo(o.kind);
  }
}
