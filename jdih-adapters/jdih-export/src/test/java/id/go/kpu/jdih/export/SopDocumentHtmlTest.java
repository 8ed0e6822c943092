package id.go.kpu.jdih.export;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class SopDocumentHtmlTest {

  private static final String HTML = SopDocumentExporter.html(ReferenceSop.definition());
  private static final Document DOC = Jsoup.parse(HTML);

  /** The texts of the seed document, with its three typos fixed and its italics dropped. */
  static final List<String> SEED_TEXTS = List.of(
      "KOMISI PEMILIHAN UMUM KABUPATEN KEPULAUAN MENTAWAI",
      "STANDAR OPERASIONAL PROSEDUR (SOP)",
      "PENGELOLAAN AKUN MEDIA SOSIAL JARINGAN DOKUMENTASI DAN INFORMASI HUKUM KOMISI PEMILIHAN UMUM KABUPATEN "
          + "KEPULAUAN MENTAWAI",
      "2023",
      "SEKRETARIS KOMISI PEMILIHAN UMUM KABUPATEN KEPULAUAN MENTAWAI",
      "NOMOR SOP", "6 Tahun 2023", "Tanggal Pembuatan", "6 Maret 2023", "Tanggal Revisi", "Tanggal Pengesahan",
      "Disahkan Oleh", "SEKRETARIS KPU KAB. KEPULAUAN MENTAWAI", "IRMAN SUSANTO", "NIP. 19800908 200604 1 008",
      "NAMA SOP", "DASAR HUKUM", "KUALIFIKASI PELAKSANA",
      "Undang - Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;",
      "Perpres Nomor 33 Tahun 2012 tentang Pengelolaan dan Pelayanan Informasi Publik di Lingkungan Komisi "
          + "Pemilihan Umum;",
      "Keputusan Komisi Pemilihan Umum Nomor 134/Kpts/KPU/Tahun 2016 tentang Jaringan Dokumentasi dan Informasi "
          + "Hukum Komisi Pemilihan Umum;",
      "Keputusan Komisi Pemilihan Umum Nomor 10/HK.04/08/2022 tentang Pedoman Teknis Pengelolaan Dokumentasi dan "
          + "Informasi Hukum di Lingkungan Komisi Pemilihan Umum, Komisi Pemilihan Umum Provinsi dan Komisi "
          + "Pemilihan Umum Kabupaten/Kota.",
      "Memahami alur pengunggahan konten dokumentasi dan informasi hukum pada akun media sosial;",
      "Memahami alur pendokumentasian produk hukum.",
      "KETERKAITAN", "PERALATAN / PERLENGKAPAN",
      "SOP Penyusunan Keputusan KPU Republik Indonesia",
      "SOP Penyusunan Keputusan KPU Provinsi",
      "SOP Penyusunan Keputusan KPU Kabupaten/Kota",
      "SOP Pengunggahan dan Penurunan Dokumen Hukum pada laman JDIH KPU Kabupaten Kepulauan Mentawai",
      "Handphone;", "Perangkat Komputer/Laptop;", "Printer;", "Infocus;", "Jaringan Internet.",
      "PERINGATAN", "PENCATATAN DAN PENDATAAN",
      "Disimpan dalam bentuk naskah asli (hardcopy) dan naskah asli elektronik (softcopy)",
      "FLOWCHART PENGELOLAAN AKUN MEDIA SOSIAL JARINGAN DOKUMENTASI DAN INFORMASI HUKUM KPU KABUPATEN KEPULAUAN "
          + "MENTAWAI",
      "No", "Kegiatan", "Pelaksana", "Kasubag Hukum", "Tim Pembina/Teknis", "Staf", "Mutu Baku", "Kelengkapan",
      "Waktu", "Output", "Ket.",
      "Pengusulan materi dan kategori konten produk hukum/informasi hukum yang akan diterbitkan pada akun media "
          + "sosial JDIH KPU Kabupaten Kepulauan Mentawai.",
      "Menyetujui draft materi konten produk hukum/informasi hukum JDIH KPU Kabupaten Kepulauan Mentawai",
      "Melaksanakan rapat pengelolaan akun media sosial JDIH KPU Kabupaten Kepulauan Mentawai",
      "Merangkum hasil rapat untuk diteruskan kepada Tim Teknis JDIH KPU Kabupaten Kepulauan Mentawai",
      "Membuat design materi konten produk hukum/informasi hukum JDIH KPU Kabupaten Kepulauan Mentawai",
      "Membuat keterangan / caption yang menarik sesuai dengan materi konten produk hukum/informasi hukum JDIH KPU "
          + "Kabupaten Kepulauan Mentawai",
      "Mengunggah konten produk hukum/informasi hukum pada platform media sosial JDIH KPU Kabupaten Kepulauan "
          + "Mentawai",
      "Infocus", "PC/Laptop", "Notulen Rapat", "PC/Laptop, Jaringan Internet, Printer, Scanner", "Handphone",
      "Jaringan Internet",
      "1 Hari",
      "Materi konten dibuat secara tertulis", "Kesimpulan Rapat", "Rangkuman Hasil Rapat", "Design Konten",
      "Keterangan/Caption", "Konten produk/informasi hukum",
      "Komisi Pemilihan Umum Kabupaten Kepulauan Mentawai", "Sekretaris,",
      "Mulai", "Selesai");

  /** The lane of each activity's symbol in the seed's flowchart. */
  private static final Map<Integer, String> SEED_LANES = Map.of(1, "kasubag-hukum", 2, "kasubag-hukum",
      3, "tim-pembina-teknis", 4, "staf", 5, "tim-pembina-teknis", 6, "kasubag-hukum", 7, "staf");

  @Test
  void everyTextOfTheSeedAppears() {
    String text = DOC.text();
    assertThat(SEED_TEXTS).allSatisfy(s -> assertThat(text).contains(s));
  }

  @Test
  void identityFieldsSitInTheirCells() {
    assertThat(field("number")).isEqualTo("6 Tahun 2023");
    assertThat(field("created")).isEqualTo("6 Maret 2023");
    assertThat(field("revised")).isEmpty();
    assertThat(field("approved")).isEqualTo("6 Maret 2023");
    assertThat(field("approved-by"))
        .isEqualTo("SEKRETARIS KPU KAB. KEPULAUAN MENTAWAI IRMAN SUSANTO NIP. 19800908 200604 1 008");
    assertThat(DOC.select("[data-field=legal-basis] li")).hasSize(4);
    assertThat(DOC.select("[data-field=qualifications] li")).hasSize(2);
    assertThat(DOC.select("[data-field=related] li")).hasSize(4);
    assertThat(DOC.select("[data-field=equipment] li").eachText())
        .containsExactly("Handphone;", "Perangkat Komputer/Laptop;", "Printer;", "Infocus;", "Jaringan Internet.");
    assertThat(DOC.select("[data-field=warnings] li")).isEmpty();
    assertThat(DOC.select(".cover").text()).contains("2023");
  }

  @Test
  void theFlowchartTableHasOneLaneColumnPerRoleAndTheMutuBakuColumns() {
    Element table = DOC.selectFirst("table.flowchart");
    assertThat(table.select("th.lane").eachText()).containsExactly("Kasubag Hukum", "Tim Pembina/Teknis", "Staf");
    assertThat(table.select("th.lane").eachAttr("data-lane-index")).containsExactly("0", "1", "2");
    assertThat(table.select("thead th").eachText()).contains("Kelengkapan", "Waktu", "Output", "Ket.");
    assertThat(table.select("tr.colnum td").eachText()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
    Elements rows = DOC.select("tr.activity");
    assertThat(rows.eachAttr("data-activity")).containsExactly("1", "2", "3", "4", "5", "6", "7");
    assertThat(DOC.select("td.time").eachText()).containsExactly(
        "1 Hari", "1 Hari", "1 Hari", "1 Hari", "1 Hari", "1 Hari", "1 Hari");
    assertThat(texts(DOC.select("td.out"))).containsExactly("Materi konten dibuat secara tertulis", "",
        "Kesimpulan Rapat", "Rangkuman Hasil Rapat", "Design Konten", "Keterangan/Caption",
        "Konten produk/informasi hukum");
    assertThat(texts(DOC.select("td.req"))).containsExactly("", "", "Infocus, PC/Laptop", "Notulen Rapat",
        "PC/Laptop, Jaringan Internet, Printer, Scanner", "PC/Laptop", "Handphone, Jaringan Internet");
  }

  @Test
  void eachActivityIsOneSymbolInItsExecutorsLaneColumn() {
    Elements shapes = DOC.select("svg.shape[data-activity]");
    assertThat(shapes).hasSize(7);
    for (Element shape : shapes) {
      int activity = Integer.parseInt(shape.attr("data-activity"));
      String lane = SEED_LANES.get(activity);
      int index = List.of("kasubag-hukum", "tim-pembina-teknis", "staf").indexOf(lane);
      assertThat(shape.attr("data-lane")).as("lane of activity %s", activity).isEqualTo(lane);
      assertThat(shape.attr("data-lane-index")).isEqualTo(String.valueOf(index));
      // Centred in its lane: lanes split the lane area in three equal columns.
      assertThat(shape.attr("x")).isEqualTo(SvgFlow.num((index + 0.5) * 100 / 3) + "%");
      assertThat(shape.attr("y")).isEqualTo("50%");
      // Drawn in its own table row.
      assertThat(shape.closest("tr").attr("data-activity")).isEqualTo(String.valueOf(activity));
      assertThat(shape.hasClass(activity == 2 ? "decision" : "process")).isTrue();
      assertThat(shape.select(activity == 2 ? "polygon" : "rect")).hasSize(1);
    }
    assertThat(DOC.select("svg.shape.decision")).hasSize(1);
    assertThat(DOC.selectFirst("svg.shape.decision").attr("data-activity")).isEqualTo("2");
  }

  @Test
  void mulaiBesideTheFirstActivityAndSelesaiAfterTheLast() {
    Element start = DOC.selectFirst("svg.shape.terminator.start");
    assertThat(DOC.select("svg.shape.terminator.start")).hasSize(1);
    assertThat(start.text()).isEqualTo("Mulai");
    assertThat(start.closest("tr").attr("data-activity")).isEqualTo("1");
    assertThat(start.attr("data-lane")).isEqualTo("tim-pembina-teknis"); // the next lane, as in the seed
    assertThat(start.select("rect").attr("rx")).isNotEmpty();
    Element end = DOC.selectFirst("svg.shape.terminator.end");
    assertThat(DOC.select("svg.shape.terminator.end")).hasSize(1);
    assertThat(end.text()).isEqualTo("Selesai");
    assertThat(end.closest("tr").attr("data-activity")).isEqualTo("7");
  }

  @Test
  void arrowsLeadIntoEveryActivityAndTheDecisionHasYaAndTidak() {
    for (Element row : DOC.select("tr.activity")) {
      assertThat(row.select("svg.head")).as("arrowheads in row %s", row.attr("data-activity")).isNotEmpty();
      assertThat(row.select("line.arrow")).isNotEmpty();
    }
    // Row 7: the arrow into activity 7 and the arrow into Selesai.
    assertThat(DOC.select("tr[data-activity=7] svg.head")).hasSize(2);
    Element decisionRow = DOC.selectFirst("tr[data-activity=2]");
    assertThat(decisionRow.select("text.lbl").eachText()).containsExactlyInAnyOrder("Ya", "Tidak*");
    // The reject branch back to activity 1 is an addition: dashed in rows 2 and 1 only, and explained.
    assertThat(DOC.select("tr[data-activity=2] line.addition")).isNotEmpty();
    assertThat(DOC.select("tr[data-activity=1] line.addition")).isNotEmpty();
    assertThat(DOC.select("line.addition").stream().map(l -> l.closest("tr").attr("data-activity")).distinct())
        .containsExactlyInAnyOrder("1", "2");
    assertThat(DOC.select("tr[data-activity=1] svg.head").size()).isEqualTo(2); // from Mulai and from Tidak
    assertThat(DOC.select("p.note").text()).contains("tidak digambar dalam SOP sumber");
  }

  @Test
  void theTableBreaksIntoPrintedPagesWithOffPageConnectors() {
    Elements pages = DOC.select("section.flow");
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).select("tr.activity")).hasSize(5);
    assertThat(pages.get(1).select("tr.activity")).hasSize(2);
    assertThat(pages.get(1).select("thead th.lane")).hasSize(3); // the header repeats
    assertThat(pages.get(1).selectFirst("h2").text()).endsWith("(lanjutan)");
    assertThat(DOC.select("tr[data-activity=5] svg.connector").text()).isEqualTo("A");
    assertThat(DOC.select("tr[data-activity=6] svg.connector").text()).isEqualTo("A");
    assertThat(DOC.select("svg.connector")).hasSize(2);
    assertThat(HTML).contains("@page { size: A4 landscape").contains("break-after: page")
        .contains("page-break-inside: avoid");
    // The signature block closes the last page.
    assertThat(pages.get(1).select(".signature").text())
        .isEqualTo("Komisi Pemilihan Umum Kabupaten Kepulauan Mentawai Sekretaris, IRMAN SUSANTO");

    Document onePage = Jsoup.parse(SopDocumentExporter.html(ReferenceSop.definition(),
        ExportOptions.defaults().withActivitiesPerPage(7)));
    assertThat(onePage.select("section.flow")).hasSize(1);
    assertThat(onePage.select("svg.connector")).isEmpty();
    Document twoPerPage = Jsoup.parse(SopDocumentExporter.html(ReferenceSop.definition(),
        ExportOptions.defaults().withActivitiesPerPage(2)));
    assertThat(twoPerPage.select("section.flow")).hasSize(4);
    assertThat(twoPerPage.select("svg.connector").eachText()).containsExactly("A", "A", "B", "B", "C", "C");
  }

  @Test
  void aVariantWithASecondApprovalDrawsItsExtraDiamondInItsLane() {
    Document doc = Jsoup.parse(SopDocumentExporter.html(Fixtures.secondApprovalVariant()));
    assertThat(doc.selectFirst("table.flowchart").select("th.lane").eachText())
        .containsExactly("Kasubag Hukum", "Tim Pembina/Teknis", "Staf", "Sekretaris");
    assertThat(doc.select("svg.shape[data-activity]")).hasSize(8);
    assertThat(doc.select("svg.shape.decision").eachAttr("data-activity")).containsExactly("2", "7");
    Element second = doc.selectFirst("svg.shape.decision[data-activity=7]");
    assertThat(second.attr("data-lane")).isEqualTo("sekretaris");
    assertThat(second.attr("x")).isEqualTo("87.5%");
    assertThat(doc.select("tr[data-activity=7] text.lbl").eachText()).containsExactlyInAnyOrder("Ya", "Tidak");
    // Its reject branch goes back to the design (activity 5), drawn solid: it is part of the variant.
    assertThat(doc.select("tr[data-activity=5] svg.head")).hasSize(2);
    assertThat(doc.select("tr[data-activity=7] line.addition")).isEmpty();
    assertThat(doc.select("td.time").eachText()).contains("4 Jam");
    assertThat(doc.select("svg.terminator.end").first().closest("tr").attr("data-activity")).isEqualTo("8");
    // The page breaks after row 5: the arrow 5 -> 6 and the reject channel 7 -> 5 each get a connector pair.
    assertThat(doc.select("tr[data-activity=5] svg.connector").eachText()).containsExactlyInAnyOrder("A", "B");
    assertThat(doc.select("tr[data-activity=6] svg.connector").eachText()).containsExactlyInAnyOrder("A", "B");
  }

  @Test
  void labelsInEnglishOnRequest() {
    String html = SopDocumentExporter.html(ReferenceSop.definition(),
        ExportOptions.defaults().withLanguage(Language.EN));
    Document doc = Jsoup.parse(html);
    assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
    assertThat(doc.text()).contains("STANDARD OPERATING PROCEDURE (SOP)", "SOP NUMBER", "6 March 2023",
        "Approved by", "LEGAL BASIS", "Activity", "Executors", "Quality standard", "Requirements", "Time",
        "1 working day", "Start", "End", "(continued)");
    assertThat(doc.select("text.lbl").eachText()).contains("Yes", "No*");
    // The SOP's own texts stay as written.
    assertThat(doc.text()).contains("Menyetujui draft materi konten", "Kasubag Hukum");
  }

  @Test
  void everyTextIsEscaped() {
    String html = SopDocumentExporter.html(Definitions.hostile());
    assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;");
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.text()).contains("JUDUL " + Definitions.SCRIPT, "Kasubag " + Definitions.SCRIPT,
        "Rapat " + Definitions.SCRIPT, "Nama " + Definitions.SCRIPT, "Dasar " + Definitions.SCRIPT + ".",
        "Ket " + Definitions.SCRIPT, "UNIT " + Definitions.SCRIPT);
    assertThat(doc.selectFirst("svg.shape[data-activity=3] title").text())
        .isEqualTo("3. Rapat " + Definitions.SCRIPT);
  }

  @Test
  void otherShapesOfDefinitionsRender() {
    Document one = Jsoup.parse(SopDocumentExporter.html(Definitions.oneLane()));
    assertThat(one.selectFirst("table.flowchart").select("th.lane")).hasSize(1);
    assertThat(one.select("svg.shape[data-activity]").eachAttr("x")).containsOnly("50%");
    assertThat(one.select("svg.terminator.start").attr("data-lane")).isEqualTo("kasubag-hukum");
    assertThat(one.select("svg.terminator.end").attr("data-lane")).isEqualTo("kasubag-hukum");

    SopDefinition six = Definitions.sixLanes();
    Document doc = Jsoup.parse(SopDocumentExporter.html(six));
    assertThat(doc.selectFirst("table.flowchart").select("th.lane")).hasSize(6);
    assertThat(doc.select("svg.shape[data-activity]")).hasSize(7);
    assertThat(doc.selectFirst("svg.shape[data-activity=4]").attr("data-lane")).isEqualTo("humas");
    assertThat(doc.selectFirst("svg.shape[data-activity=1]").attr("data-lane")).isEqualTo("ketua");
    assertThat(doc.text()).contains("Memeriksa kesesuaian materi dengan peraturan", "2 Jam");
  }

  private static List<String> texts(Elements cells) {
    return cells.stream().map(Element::text).toList();
  }

  private static String field(String key) {
    return DOC.selectFirst("[data-field=" + key + "]").text();
  }

  /** Issue 18, item 9: an office's own document made from a derived definition carries no reference footnote. */
  @Test
  void aDerivedDefinitionWithoutAdditionsHasNoFootnoteOfTheReference() {
    String footnote = "cabang yang tidak digambar dalam SOP sumber";
    assertThat(HTML).contains(footnote);
    SopDefinition own = ReferenceSop.definition().toBuilder()
        .office(new id.go.kpu.jdih.sop.Office("kpu-kota-makassar", "KOMISI PEMILIHAN UMUM KOTA MAKASSAR",
            "SEKRETARIAT KOMISI PEMILIHAN UMUM KOTA MAKASSAR", java.time.ZoneId.of("Asia/Makassar")))
        .withoutAdditionsToSource().build();
    assertThat(own.flow().transitions().values()).allSatisfy(t -> {
      if (t instanceof id.go.kpu.jdih.sop.Transition.Decision d) {
        assertThat(d.branches()).noneMatch(id.go.kpu.jdih.sop.Branch::additionToSeed).hasSize(2);
      }
    });
    assertThat(SopDocumentExporter.html(own)).doesNotContain(footnote).contains("KOTA MAKASSAR");
    assertThat(MermaidExporter.mermaid(own, Language.ID)).doesNotContain("-.->");
  }
}
