package id.go.kpu.jdih.export;

import id.go.kpu.jdih.i18n.Text;

/** The fixed, user-facing labels of the exported forms, in Indonesian (the default) and English. */
final class Labels {

  private Labels() {}

  static final Text SOP = Text.of("STANDAR OPERASIONAL PROSEDUR (SOP)", "STANDARD OPERATING PROCEDURE (SOP)");
  static final Text NUMBER = Text.of("NOMOR SOP", "SOP NUMBER");
  static final Text CREATED = Text.of("Tanggal Pembuatan", "Date of drafting");
  static final Text REVISED = Text.of("Tanggal Revisi", "Date of revision");
  static final Text APPROVED = Text.of("Tanggal Pengesahan", "Date of approval");
  static final Text APPROVED_BY = Text.of("Disahkan Oleh", "Approved by");
  static final Text NAME = Text.of("NAMA SOP", "SOP NAME");
  static final Text LEGAL_BASIS = Text.of("DASAR HUKUM", "LEGAL BASIS");
  static final Text QUALIFICATIONS = Text.of("KUALIFIKASI PELAKSANA", "EXECUTOR QUALIFICATIONS");
  static final Text RELATED = Text.of("KETERKAITAN", "RELATED SOPS");
  static final Text EQUIPMENT = Text.of("PERALATAN / PERLENGKAPAN", "EQUIPMENT / SUPPLIES");
  static final Text WARNINGS = Text.of("PERINGATAN", "WARNINGS");
  static final Text RECORDS = Text.of("PENCATATAN DAN PENDATAAN", "RECORD KEEPING");
  static final Text NO = Text.of("No", "No");
  static final Text ACTIVITY = Text.of("Kegiatan", "Activity");
  static final Text EXECUTORS = Text.of("Pelaksana", "Executors");
  static final Text QUALITY = Text.of("Mutu Baku", "Quality standard");
  static final Text REQUIREMENTS = Text.of("Kelengkapan", "Requirements");
  static final Text TIME = Text.of("Waktu", "Time");
  static final Text OUTPUT = Text.of("Output", "Output");
  static final Text REMARKS = Text.of("Ket.", "Notes");
  static final Text START = Text.of("Mulai", "Start");
  static final Text END = Text.of("Selesai", "End");
  static final Text CONTINUED = Text.of("(lanjutan)", "(continued)");
  static final Text PAGE = Text.of("Halaman %d dari %d", "Page %d of %d");
  static final Text ADDITION_NOTE = Text.of(
      "* Garis putus-putus: cabang yang tidak digambar dalam SOP sumber dan ditambahkan oleh perangkat lunak.",
      "* Dashed line: a branch the source SOP does not draw, added by the software.");
  static final Text CONNECTOR_NOTE = Text.of(
      "Simbol segi lima berhuruf: penghubung antarhalaman; alur berlanjut pada simbol berhuruf sama.",
      "Lettered pentagon: off-page connector; the flow continues at the symbol with the same letter.");

  static final Text MONITORING = Text.of("MONITORING PELAKSANAAN SOP AP", "MONITORING OF SOP AP IMPLEMENTATION");
  static final Text UNIT = Text.of("Unit", "Unit");
  static final Text PERIOD = Text.of("Periode", "Period");
  static final Text CASES = Text.of("Jumlah kasus yang dinilai", "Cases assessed");
  static final Text PROCEDURE = Text.of("Prosedur", "Procedure");
  static final Text ASSESSMENT = Text.of("Penilaian terhadap penerapan", "Assessment of the implementation");
  static final Text ASSESSMENT_OPTIONS = Text.of("(Berjalan dengan baik / Tidak berjalan dengan baik)",
      "(Working well / Not working well)");
  static final Text NOTES = Text.of("Catatan hasil penilaian", "Notes on the assessment");
  static final Text ACTIONS = Text.of("Tindakan yang harus diambil", "Actions to take");
  static final Text MONITORED_BY = Text.of("Yang melakukan monitoring,", "Monitored by,");
  static final Text NIP = Text.of("NIP.", "NIP.");
}
