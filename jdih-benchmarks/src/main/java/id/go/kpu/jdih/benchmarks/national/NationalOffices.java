package id.go.kpu.jdih.benchmarks.national;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.Office;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopRegistry;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The offices of the national data set: KPU has 552 offices that run the SOP (38 provinces and 514 regencies and
 * cities), so the first 38 are provinces ({@code kpu-prov-01} ...) and the rest regencies or cities
 * ({@code kpu-kab-001} ...). Each has its own definition: the reference SOP under the office's identity, made as the
 * server makes a new office's first SOP ({@code Offices.referenceFor}: {@code toBuilder().office(..)
 * .withoutAdditionsToSource()}). Zones: twelve offices in twenty in WIB, five in WITA, three in WIT, interleaved.
 */
final class NationalOffices {

  /** KPU's offices: 38 provinces and 514 regencies and cities. */
  static final int ALL = 552;
  static final int PROVINCES = 38;

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  private static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

  private NationalOffices() {}

  /** The id of office {@code index} (0-based). */
  static String id(int index) {
    return index < PROVINCES ? String.format(Locale.ROOT, "kpu-prov-%02d", index + 1)
        : String.format(Locale.ROOT, "kpu-kab-%03d", index - PROVINCES + 1);
  }

  /** The zone of office {@code index}. */
  static ZoneId zone(int index) {
    int r = index % 20;
    return r < 12 ? WIB : r < 17 ? WITA : WIT;
  }

  /** The first {@code n} offices' definitions, in index order. */
  static ImmutableList<SopDefinition> definitions(int n) {
    SopDefinition reference = ReferenceSop.definition();
    List<SopDefinition> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = (i < PROVINCES ? "PROVINSI " : "KABUPATEN/KOTA ") + id(i).substring(8).toUpperCase(Locale.ROOT);
      Office office = new Office(id(i), "KOMISI PEMILIHAN UMUM " + name,
          "SEKRETARIS KOMISI PEMILIHAN UMUM " + name, zone(i));
      out.add(reference.toBuilder().office(office).withoutAdditionsToSource().build());
    }
    return ImmutableList.copyOf(out);
  }

  /** A registry of the given definitions. */
  static SopRegistry registry(List<SopDefinition> definitions) {
    SopRegistry registry = new SopRegistry();
    definitions.forEach(registry::register);
    return registry;
  }
}
