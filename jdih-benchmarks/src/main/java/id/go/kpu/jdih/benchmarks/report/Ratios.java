package id.go.kpu.jdih.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JMH result files ({@code -rf csv}) and prints a Markdown table of the scores and the ratios of jdih to each
 * engine measured in the same run. A ratio's range is the ratio of the ends of the two 99.9% confidence intervals
 * JMH gives: [(a - ea) / (b + eb), (a + ea) / (b - eb)].
 *
 * <pre>java -cp benchmarks.jar id.go.kpu.jdih.benchmarks.report.Ratios lifecycle.csv [durable.csv ...]</pre>
 */
public final class Ratios {

  private Ratios() {}

  record Score(String name, double score, double error, String unit) {}

  public static void main(String[] args) throws IOException {
    for (String file : args) {
      Map<String, Score> scores = read(Path.of(file));
      System.out.println("### " + Path.of(file).getFileName());
      System.out.println();
      System.out.println("| benchmark | score | ± error (99.9%) | unit |");
      System.out.println("|---|---:|---:|---|");
      for (Score s : scores.values()) {
        System.out.printf(Locale.ROOT, "| %s | %,.1f | %,.1f | %s |%n", s.name(), s.score(), s.error(), s.unit());
      }
      System.out.println();
      List<Score> jdih = scores.values().stream().filter(s -> s.name().startsWith("jdih")).toList();
      List<Score> others = scores.values().stream().filter(s -> !s.name().startsWith("jdih")).toList();
      if (!jdih.isEmpty() && !others.isEmpty()) {
        System.out.println("| ratio | value | range from the error bars |");
        System.out.println("|---|---:|---|");
        for (Score a : jdih) {
          for (Score b : others) {
            double lo = (a.score() - a.error()) / (b.score() + b.error());
            double hi = b.score() - b.error() > 0 ? (a.score() + a.error()) / (b.score() - b.error())
                : Double.POSITIVE_INFINITY;
            System.out.printf(Locale.ROOT, "| %s / %s | %,.2f× | %,.2f× … %s |%n", a.name(), b.name(),
                a.score() / b.score(), lo, Double.isInfinite(hi) ? "∞" : String.format(Locale.ROOT, "%,.2f×", hi));
          }
        }
        System.out.println();
      }
    }
  }

  static Map<String, Score> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = split(lines.get(0));
    int bench = header.indexOf("Benchmark");
    int score = header.indexOf("Score");
    int error = header.indexOf("Score Error (99.9%)");
    int unit = header.indexOf("Unit");
    List<Integer> params = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).startsWith("Param: ")) {
        params.add(i);
      }
    }
    Map<String, Score> out = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> f = split(line);
      String name = f.get(bench).substring(f.get(bench).lastIndexOf('.') + 1);
      StringBuilder p = new StringBuilder();
      for (int i : params) {
        if (!f.get(i).isEmpty()) {
          p.append(p.length() == 0 ? "[" : ", ").append(header.get(i).substring(7)).append('=').append(f.get(i));
        }
      }
      if (p.length() > 0) {
        name += p.append(']');
      }
      double e = f.get(error).isEmpty() || f.get(error).equals("NaN") ? Double.NaN : Double.parseDouble(f.get(error));
      out.put(name, new Score(name, Double.parseDouble(f.get(score)), e, f.get(unit)));
    }
    return out;
  }

  // JMH's CSV: comma-separated, fields in double quotes when they hold text.
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
