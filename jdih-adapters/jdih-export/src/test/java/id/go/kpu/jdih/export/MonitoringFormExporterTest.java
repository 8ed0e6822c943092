package id.go.kpu.jdih.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.compliance.MonitoringForm;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.Nip;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MonitoringFormExporterTest {

  private static final MonitoringForm FORM = Forms.march2024();
  private static final Signatory RINA = new Signatory("Kepala Subbagian Hukum", "RINA KASUBAG",
      Optional.of(Nip.of("198001012006041001")));

  @Test
  void theFormsHeadingTableAndSignatureInHtml() {
    Document doc = Jsoup.parse(MonitoringFormExporter.html(FORM));
    assertThat(doc.selectFirst("h1").text()).isEqualTo("MONITORING PELAKSANAAN SOP AP");
    assertThat(field(doc, "name")).isEqualTo("PENGELOLAAN AKUN MEDIA SOSIAL JARINGAN DOKUMENTASI DAN INFORMASI HUKUM "
        + "KOMISI PEMILIHAN UMUM KABUPATEN KEPULAUAN MENTAWAI");
    assertThat(field(doc, "number")).isEqualTo("6 Tahun 2023");
    assertThat(field(doc, "unit")).isEqualTo("SEKRETARIS KOMISI PEMILIHAN UMUM KABUPATEN KEPULAUAN MENTAWAI");
    assertThat(field(doc, "period")).isEqualTo("1 Maret 2024 \u2013 31 Maret 2024");
    assertThat(field(doc, "cases")).isEqualTo("2");
    assertThat(doc.select("table.rows thead th").eachText()).containsExactly("No", "Prosedur",
        "Penilaian terhadap penerapan (Berjalan dengan baik / Tidak berjalan dengan baik)",
        "Catatan hasil penilaian", "Tindakan yang harus diambil");
    List<Element> rows = doc.select("table.rows tbody tr");
    assertThat(rows).hasSize(7);
    assertThat(rows).extracting(r -> r.selectFirst("td.proc").text()).containsExactlyElementsOf(
        FORM.rows().stream().map(MonitoringForm.Row::procedure).toList());
    assertThat(rows.get(0).selectFirst("td.pen").text()).isEqualTo("Berjalan dengan baik");
    assertThat(rows.get(1).selectFirst("td.pen").text()).isEqualTo("Tidak berjalan dengan baik");
    assertThat(rows.get(1).selectFirst("td.pen").attr("data-assessment")).isEqualTo("TIDAK_BERJALAN_DENGAN_BAIK");
    assertThat(rows.get(1).selectFirst("td.notes").text()).startsWith("1 dari 2 dikerjakan tepat waktu (50%)")
        .contains("1 dikerjakan bukan oleh pelaksananya.");
    assertThat(rows.get(1).select("td.act li").eachText()).containsExactly(
        "Tinjau beban kerja pelaksana dan kesesuaian standar waktu kegiatan ini.",
        "Tegaskan kembali pembagian peran pelaksana sesuai SOP.");
    assertThat(rows.get(2).selectFirst("td.act").text()).isEqualTo("\u2013");
    // No signatory given: a blank block to sign by hand.
    assertThat(doc.selectFirst(".signature").text()).startsWith("Yang melakukan monitoring, (")
        .contains("NIP. ....");
  }

  @Test
  void aSignatoryAndEnglishLabels() {
    Document doc = Jsoup.parse(MonitoringFormExporter.html(FORM, Language.EN, Optional.of(RINA)));
    assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
    assertThat(doc.selectFirst("h1").text()).isEqualTo("MONITORING OF SOP AP IMPLEMENTATION");
    assertThat(field(doc, "period")).isEqualTo("1 March 2024 \u2013 31 March 2024");
    assertThat(doc.select("table.rows thead th").eachText()).containsExactly("No", "Procedure",
        "Assessment of the implementation (Working well / Not working well)", "Notes on the assessment",
        "Actions to take");
    assertThat(doc.select("td.pen").eachText()).contains("Working well", "Not working well");
    assertThat(doc.select("td.notes").first().text()).startsWith("2 of 2 done on time (100%)");
    assertThat(doc.selectFirst(".signature").text())
        .isEqualTo("Monitored by, Kepala Subbagian Hukum RINA KASUBAG NIP. 19800101 200604 1 001");
  }

  @Test
  void nothingToAssessYet() {
    Document doc = Jsoup.parse(MonitoringFormExporter.html(Forms.empty()));
    assertThat(doc.select("td.pen").eachText()).containsOnly("Belum dapat dinilai").hasSize(7);
    assertThat(field(doc, "cases")).isEqualTo("0");
  }

  @Test
  void everyTextIsEscaped() {
    String s = Definitions.SCRIPT;
    MonitoringForm form = new MonitoringForm("Judul " + s, "No " + s, "Unit " + s, LocalDate.of(2024, 1, 1),
        LocalDate.of(2024, 1, 31), ImmutableList.of(new MonitoringForm.Row(1, "Prosedur " + s,
            MonitoringForm.Assessment.TIDAK_BERJALAN_DENGAN_BAIK, Text.of("Catatan " + s, "Notes " + s),
            ImmutableList.of(Text.of("Tindakan " + s, "Action " + s)))), 1);
    String html = MonitoringFormExporter.html(form, Language.ID,
        Optional.of(new Signatory("Jabatan " + s, "Nama " + s, Optional.empty())));
    assertThat(html).doesNotContain("<script");
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.text()).contains("Judul " + s, "No " + s, "Unit " + s, "Prosedur " + s, "Catatan " + s,
        "Tindakan " + s, "Jabatan " + s, "Nama " + s);
  }

  @Test
  void theSameFormAsPdf() throws IOException {
    try (PDDocument doc = Loader.loadPDF(MonitoringFormExporter.pdf(FORM, Language.ID, Optional.of(RINA)))) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      assertThat(doc.getPage(0).getMediaBox().getWidth()).isLessThan(doc.getPage(0).getMediaBox().getHeight());
      String text = String.join(" ", new PDFTextStripper().getText(doc).split("\\s+"));
      assertThat(text).contains("MONITORING PELAKSANAAN SOP AP", "NAMA SOP", "6 Tahun 2023",
          "SEKRETARIS KOMISI PEMILIHAN UMUM KABUPATEN KEPULAUAN MENTAWAI", "1 Maret 2024 \u2013 31 Maret 2024",
          "Prosedur", "Penilaian terhadap penerapan", "(Berjalan dengan baik / Tidak berjalan dengan baik)",
          "Catatan hasil penilaian", "Tindakan yang harus diambil", "Tidak berjalan dengan baik",
          "Tegaskan kembali pembagian peran pelaksana sesuai SOP.", "Yang melakukan monitoring,",
          "Kepala Subbagian Hukum", "RINA KASUBAG", "NIP. 19800101 200604 1 001");
      for (MonitoringForm.Row r : FORM.rows()) {
        assertThat(text).contains(r.procedure());
      }
    }
    // A long form continues on a second page with the header repeated.
    ImmutableList.Builder<MonitoringForm.Row> rows = ImmutableList.builder();
    for (int i = 1; i <= 30; i++) {
      rows.add(new MonitoringForm.Row(i, "Kegiatan nomor " + i + " dengan uraian yang cukup panjang untuk dua baris",
          MonitoringForm.Assessment.BERJALAN_DENGAN_BAIK, Text.of("Catatan " + i, "Note " + i), ImmutableList.of()));
    }
    MonitoringForm longForm = new MonitoringForm("Judul", "1 Tahun 2024", "Unit", LocalDate.of(2024, 1, 1),
        LocalDate.of(2024, 1, 31), rows.build(), 30);
    try (PDDocument doc = Loader.loadPDF(MonitoringFormExporter.pdf(longForm))) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(2);
      stripper.setEndPage(2);
      assertThat(stripper.getText(doc)).contains("Prosedur", "Catatan hasil penilaian");
      assertThat(new PDFTextStripper().getText(doc)).contains("Catatan 30", "Yang melakukan monitoring,");
    }
  }

  @Test
  void aSignatoryOutsideWindows1252ComesOutAsWritten() throws IOException {
    Signatory s = new Signatory("Kepala Subbagian Hukum – “Teknis”", "Āisyah Putri Schröder …",
        Optional.of(Nip.of("198001012006041001")));
    byte[] pdf = MonitoringFormExporter.pdf(FORM, Language.ID, Optional.of(s));
    SopDocumentPdfTest.keep("monitoring-unicode", pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Kepala Subbagian Hukum – “Teknis”", "Āisyah Putri Schröder …",
          "1 Maret 2024 \u2013 31 Maret 2024").doesNotContain("?");
    }
  }

  private static String field(Document doc, String key) {
    return doc.selectFirst("[data-field=" + key + "]").text();
  }
}
