package id.go.kpu.jdih.compliance;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.SopDefinition;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The "Monitoring Pelaksanaan SOP AP" form of Permenpan RB No. 35 Tahun 2012, filled from a period's compliance:
 * one row per activity (prosedur) with its assessment (penilaian), the notes of the assessment (catatan hasil
 * penilaian) and the actions to take (tindakan yang harus diambil).
 *
 * @param sopTitle Nama SOP
 * @param sopNumber Nomor SOP
 * @param unit the unit (office) the SOP belongs to
 * @param from the period's first day
 * @param to the period's last day
 * @param rows one row per activity
 * @param casesAssessed how many cases the assessment is based on
 */
public record MonitoringForm(String sopTitle, String sopNumber, String unit, LocalDate from, LocalDate to,
    ImmutableList<Row> rows, long casesAssessed) {

  /** Penilaian terhadap penerapan. */
  public enum Assessment {
    /** Berjalan dengan baik. */
    BERJALAN_DENGAN_BAIK(Text.of("Berjalan dengan baik", "Working well")),
    /** Tidak berjalan dengan baik. */
    TIDAK_BERJALAN_DENGAN_BAIK(Text.of("Tidak berjalan dengan baik", "Not working well")),
    /** No performance of the activity in the period: nothing to assess. */
    BELUM_DAPAT_DINILAI(Text.of("Belum dapat dinilai", "Cannot be assessed yet"));

    private final Text label;

    Assessment(Text label) {
      this.label = label;
    }

    /** The assessment as the form writes it. */
    public Text label() {
      return label;
    }
  }

  /**
   * One row of the form.
   *
   * @param number the activity's number
   * @param procedure the activity (prosedur) as the SOP writes it
   * @param assessment penilaian
   * @param notes catatan hasil penilaian
   * @param actions tindakan yang harus diambil (empty when none is needed)
   */
  public record Row(int number, String procedure, Assessment assessment, Text notes, ImmutableList<Text> actions) {}

  /** The share of on-time activities at or above which an activity is working well (with no other finding). */
  public static final double DEFAULT_ON_TIME_THRESHOLD = 0.9;

  /** Fills the form from {@code report} with the default threshold. */
  public static MonitoringForm fill(SopDefinition sop, ComplianceReport report, LocalDate from, LocalDate to) {
    return fill(sop, report, from, to, DEFAULT_ON_TIME_THRESHOLD);
  }

  /**
   * Fills the form. An activity is working well when it was done at least once, always by its executor role, in
   * order and with its output, and at least {@code onTimeThreshold} of the times within its time standard.
   */
  public static MonitoringForm fill(SopDefinition sop, ComplianceReport report, LocalDate from, LocalDate to,
      double onTimeThreshold) {
    checkNotNull(sop, "sop");
    checkNotNull(report, "report");
    checkArgument(!to.isBefore(from), "the period ends on or after its first day");
    checkArgument(onTimeThreshold >= 0 && onTimeThreshold <= 1, "threshold in [0, 1]");
    ImmutableList.Builder<Row> rows = ImmutableList.builder();
    for (Activity a : sop.activities()) {
      ComplianceTotals t = report.perActivity().get(a.number());
      rows.add(row(a, t, onTimeThreshold));
    }
    return new MonitoringForm(sop.title(), sop.identity().number(), sop.office().unit(), from, to, rows.build(),
        report.cases());
  }

  private static Row row(Activity a, @Nullable ComplianceTotals t, double threshold) {
    if (t == null || t.done() == 0) {
      return new Row(a.number(), a.description(), Assessment.BELUM_DAPAT_DINILAI,
          Text.of("Tidak ada pelaksanaan pada periode ini.", "Not performed in this period."), ImmutableList.of());
    }
    List<Text> actions = new ArrayList<>();
    List<String> id = new ArrayList<>();
    List<String> en = new ArrayList<>();
    id.add(String.format("%d dari %d dikerjakan tepat waktu (%s%%); median %s jam kerja, persentil ke-90 %s jam kerja.",
        t.onTime(), t.done(), number(t.onTimeRate() * 100, Locale.forLanguageTag("id")),
        hours(t.medianWorking(), Locale.forLanguageTag("id")), hours(t.p90Working(), Locale.forLanguageTag("id"))));
    en.add(String.format("%d of %d done on time (%s%%); median %s working hours, 90th percentile %s working hours.",
        t.onTime(), t.done(), number(t.onTimeRate() * 100, Locale.ENGLISH), hours(t.medianWorking(), Locale.ENGLISH),
        hours(t.p90Working(), Locale.ENGLISH)));
    if (t.onTimeRate() < threshold) {
      actions.add(Text.of("Tinjau beban kerja pelaksana dan kesesuaian standar waktu kegiatan ini.",
          "Review the executors' workload and whether this activity's time standard fits."));
    }
    if (t.byExecutor() < t.done()) {
      id.add(String.format("%d dikerjakan bukan oleh pelaksananya.", t.done() - t.byExecutor()));
      en.add(String.format("%d done by someone other than its executor.", t.done() - t.byExecutor()));
      actions.add(Text.of("Tegaskan kembali pembagian peran pelaksana sesuai SOP.",
          "Restate who performs this activity under the SOP."));
    }
    if (t.inOrder() < t.done()) {
      id.add(String.format("%d tidak sesuai urutan.", t.done() - t.inOrder()));
      en.add(String.format("%d out of order.", t.done() - t.inOrder()));
      actions.add(Text.of("Sosialisasikan kembali urutan kegiatan SOP.", "Brief the team again on the SOP's order."));
    }
    if (t.withOutput() < t.done()) {
      id.add(String.format("%d tanpa output yang disyaratkan.", t.done() - t.withOutput()));
      en.add(String.format("%d without the required output.", t.done() - t.withOutput()));
      actions.add(Text.of("Pastikan output kegiatan dibuat dan didokumentasikan.",
          "Make sure the activity's output is produced and recorded."));
    }
    Assessment assessment = actions.isEmpty() ? Assessment.BERJALAN_DENGAN_BAIK
        : Assessment.TIDAK_BERJALAN_DENGAN_BAIK;
    return new Row(a.number(), a.description(), assessment, Text.of(String.join(" ", id), String.join(" ", en)),
        ImmutableList.copyOf(actions));
  }

  private static String number(double value, Locale locale) {
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMaximumFractionDigits(1);
    return f.format(value);
  }

  private static String hours(Duration d, Locale locale) {
    return number(d.toMinutes() / 60.0, locale);
  }
}
