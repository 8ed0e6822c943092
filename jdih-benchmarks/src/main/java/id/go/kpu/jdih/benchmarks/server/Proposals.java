package id.go.kpu.jdih.benchmarks.server;

import java.util.List;
import java.util.Map;

/**
 * The content both servers get for activity 1: the same proposal fields as jdih-server's propose request, each case
 * its own title. jdih receives it as the request body; Flowable as the task's {@code output} variable (its JSON).
 */
final class Proposals {

  private Proposals() {}

  static Map<String, Object> proposal(int client, long n) {
    return Map.of("title", "Tahukah kamu? Hak pilih warga (" + client + "." + n + ")", "category", "INFORMASI_HUKUM",
        "material", "Materi tertulis tentang hak pilih warga negara dalam pemilihan umum",
        "platforms", List.of("INSTAGRAM", "TELEGRAM"));
  }
}
