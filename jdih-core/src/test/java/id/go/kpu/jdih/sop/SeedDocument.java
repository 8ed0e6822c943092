package id.go.kpu.jdih.sop;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the source SOP document (a copy of the seed in test resources) independently of the library, so that the
 * reference definition can be compared with it field by field.
 */
final class SeedDocument {

  final String raw;
  /** The whole document with markup removed and white space collapsed, for "appears in the seed" checks. */
  final String flat;
  final Map<String, String> identity = new LinkedHashMap<>();
  final List<List<String>> lists = new ArrayList<>();
  final List<String[]> rows = new ArrayList<>();

  private SeedDocument(String raw) {
    this.raw = raw;
    this.flat = raw.replace("**", " ").replaceAll("\\s+", " ");
    for (String line : raw.split("\n")) {
      Matcher m = Pattern.compile("^([A-Za-z ]+?)\\t:\\t(.*)$").matcher(line);
      if (m.matches()) {
        identity.put(m.group(1).trim(), m.group(2).trim());
      }
      if (line.contains("<ol")) {
        Matcher ol = Pattern.compile("<ol[^>]*>(.*?)</ol>").matcher(line);
        while (ol.find()) {
          List<String> items = new ArrayList<>();
          Matcher li = Pattern.compile("<li>(.*?)</li>").matcher(ol.group(1));
          while (li.find()) {
            items.add(stripListPunctuation(clean(li.group(1))));
          }
          lists.add(items);
        }
      }
      if (line.matches("^\\d\\.\\t.*")) {
        rows.add(line.split("\\t", -1));
      }
    }
  }

  static SeedDocument load() {
    try (InputStream in = SeedDocument.class.getResourceAsStream(
        "/seed/sop-6-tahun-2023-kpu-kepulauan-mentawai.txt")) {
      return new SeedDocument(new String(in.readAllBytes(), UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes markup, applies the three typo fixes DOMAIN.md lists, and normalises white space. */
  static String clean(String s) {
    return s.replaceAll("<[^>]+>", " ")
        .replace("Interneter", "Internet")
        .replace("infor masi", "informasi")
        .replace("FLOWCART", "FLOWCHART")
        .replaceAll("\\(\\s+", "(")
        .replaceAll("\\s+\\)", ")")
        .replaceAll("/\\s+(?=[A-Z])", "/")
        .replaceAll("\\s+", " ")
        .trim();
  }

  static String stripListPunctuation(String s) {
    return s.replaceAll("[;.]$", "");
  }

  /** Text of a flowchart row's column, cleaned. */
  String cell(int row, int column) {
    return clean(rows.get(row)[column]);
  }
}
