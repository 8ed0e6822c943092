package id.go.kpu.jdih.archive;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.workflow.CaseId;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names of a bundle's entries, and the one check every name read from a ZIP passes before it is used for
 * anything (zip-slip: a name like {@code ../../etc/passwd} or {@code /tmp/x} must never become a path outside the
 * folder a bundle is extracted to).
 */
final class EntryNames {

  static final String MANIFEST = "manifest.json";

  // A plain relative name: segments of safe characters joined by single slashes. No "." or ".." segment, no
  // backslash (a separator on Windows), no colon (a drive letter), no control character, no leading slash.
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
  private static final int MAX_LENGTH = 255;

  // Media types the writer gives a familiar extension, so that an unpacked bundle opens in ordinary viewers.
  private static final Map<String, String> EXTENSIONS = Map.of(
      "image/jpeg", "jpg", "image/png", "png", "image/gif", "gif", "image/webp", "webp",
      "application/pdf", "pdf", "text/plain", "txt", "video/mp4", "mp4");

  private EntryNames() {}

  /** The events file of a case; case ids are letters, digits, {@code -} and {@code _} only. */
  static String events(CaseId id) {
    return "cases/" + id.value() + ".jsonl";
  }

  /** The media file with these bytes and this type: content-addressed, so a file shared by cases is stored once. */
  static String media(String sha256, String mediaType) {
    return "media/" + sha256 + "." + EXTENSIONS.getOrDefault(mediaType, "bin");
  }

  /**
   * The definition file of {@code key}: office, number and revision, e.g.
   * {@code sop/kpu-kab-kepulauan-mentawai_6-tahun-2023_r0.json}; a suffix keeps two numbers that read alike apart.
   */
  static String definition(SopKey key, Set<String> taken) {
    String base = "sop/" + slug(key.officeId()) + "_" + slug(key.number()) + "_r" + key.revision();
    String name = base + ".json";
    for (int i = 2; taken.contains(name); i++) {
      name = base + "-" + i + ".json";
    }
    return name;
  }

  private static String slug(String s) {
    String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "x" : slug;
  }

  /**
   * Refuses a name that is not a plain relative file name.
   *
   * @throws ArchiveException {@code UNSAFE_ENTRY_NAME}
   */
  static void checkSafe(String name) {
    if (name.isEmpty() || name.length() > MAX_LENGTH) {
      throw unsafe(name, Text.of("kosong atau lebih dari 255 karakter", "empty or longer than 255 characters"));
    }
    for (String segment : name.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches()) {
        throw unsafe(name, Text.of(
            "hanya nama relatif dengan huruf, angka, '.', '-', '_' dan '/' tunggal yang diterima; tanpa '..'",
            "only relative names of letters, digits, '.', '-', '_' and single '/' are accepted; no '..'"));
      }
    }
  }

  /**
   * The path of entry {@code name} under {@code dir}; checked twice (the name, then the resolved path), so that no
   * future change to the name rule can open a way out of {@code dir}.
   */
  static Path resolveInside(Path dir, String name) {
    checkSafe(name);
    Path base = dir.toAbsolutePath().normalize();
    Path target = base.resolve(name).normalize();
    if (!target.startsWith(base) || target.equals(base)) {
      throw unsafe(name, Text.of("menunjuk ke luar folder tujuan", "points outside the target folder"));
    }
    return target;
  }

  private static ArchiveException unsafe(String name, Text detail) {
    // The name goes into the message as text only; strip control characters so a log line stays one line.
    return new ArchiveException(ArchiveException.Problem.UNSAFE_ENTRY_NAME, printable(name), detail);
  }

  static String printable(String name) {
    String s = name.replaceAll("\\p{Cntrl}", "?");
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
