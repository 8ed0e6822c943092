package id.go.kpu.jdih.time;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The line format of day-off lists ({@code date,kind,name,source}): the bundled holidays' files and an office's
 * calendar file (jdih-calendar-file) share it. Thread-safe: stateless.
 */
public final class DayOffCsv {

  /** The header line. */
  public static final String HEADER = "date,kind,name,source";

  private DayOffCsv() {}

  /**
   * The fields of one line, split RFC 4180-style: commas separate fields; a field in double quotes may hold commas
   * and {@code ""} for a quote.
   */
  public static List<String> split(String line) {
    checkNotNull(line, "line");
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
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
