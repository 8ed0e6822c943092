package id.go.kpu.jdih.content;

import id.go.kpu.jdih.i18n.Text;

/** The two categories of content the SOP names: a legal product, or legal information. */
public enum ContentCategory {
  /** Produk hukum: Peraturan KPU, Keputusan KPU (RI, Provinsi, Kabupaten/Kota), Surat Edaran, ... */
  PRODUK_HUKUM(Text.of("produk hukum", "legal product")),
  /** Informasi hukum: infografis, "tahukah kamu", istilah pemilu, kuis hukum, berita hukum, ... */
  INFORMASI_HUKUM(Text.of("informasi hukum", "legal information"));

  private final Text label;

  ContentCategory(Text label) {
    this.label = label;
  }

  /** The category as the SOP writes it, and in English. */
  public Text label() {
    return label;
  }
}
