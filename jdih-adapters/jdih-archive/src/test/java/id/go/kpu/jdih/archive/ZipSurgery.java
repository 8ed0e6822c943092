package id.go.kpu.jdih.archive;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Takes a bundle apart and puts an altered copy together, as someone tampering with it would. */
final class ZipSurgery {

  final Map<String, byte[]> entries = new LinkedHashMap<>();

  static ZipSurgery of(Path zip) throws IOException {
    ZipSurgery s = new ZipSurgery();
    try (ZipFile z = new ZipFile(zip.toFile(), UTF_8)) {
      for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        try (InputStream in = z.getInputStream(entry)) {
          s.entries.put(entry.getName(), in.readAllBytes());
        }
      }
    }
    return s;
  }

  /** The name of the first entry starting with {@code prefix}. */
  String first(String prefix) {
    return entries.keySet().stream().filter(n -> n.startsWith(prefix)).findFirst().orElseThrow();
  }

  String text(String name) {
    return new String(entries.get(name), UTF_8);
  }

  ZipSurgery replaceText(String name, String from, String to) {
    String before = text(name);
    String after = before.replace(from, to);
    if (after.equals(before)) {
      throw new IllegalArgumentException(from + " not in " + name);
    }
    entries.put(name, after.getBytes(UTF_8));
    return this;
  }

  ZipSurgery flipByte(String name, int index) {
    byte[] b = entries.get(name).clone();
    b[index] ^= 0x01;
    entries.put(name, b);
    return this;
  }

  Manifest manifest() {
    return Manifest.parse(entries.get(EntryNames.MANIFEST));
  }

  /** Rewrites the manifest's file list to the entries' actual sizes and hashes, as a careful forger would. */
  ZipSurgery refreshManifest(UnaryOperator<Manifest> more) {
    Manifest m = manifest();
    ImmutableList<Manifest.File> files = m.files().stream()
        .filter(f -> entries.containsKey(f.name()))
        .map(f -> new Manifest.File(f.name(), entries.get(f.name()).length,
            Hashing.sha256().hashBytes(entries.get(f.name())).toString()))
        .collect(ImmutableList.toImmutableList());
    Manifest refreshed = more.apply(new Manifest(m.definitions(), m.cases(), m.media(), files));
    entries.put(EntryNames.MANIFEST, refreshed.toBytes());
    return this;
  }

  ZipSurgery refreshManifest() {
    return refreshManifest(UnaryOperator.identity());
  }

  void writeTo(Path zip) throws IOException {
    write(zip, List.copyOf(entries.entrySet()));
  }

  /** Writes entries as given, names unchecked (the tests need names a real writer would never produce). */
  static void write(Path zip, List<Map.Entry<String, byte[]>> entries) throws IOException {
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file, UTF_8)) {
      for (Map.Entry<String, byte[]> e : entries) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTimeLocal(LocalDateTime.of(1980, 2, 1, 0, 0));
        out.putNextEntry(entry);
        out.write(e.getValue());
        out.closeEntry();
      }
    }
  }
}
