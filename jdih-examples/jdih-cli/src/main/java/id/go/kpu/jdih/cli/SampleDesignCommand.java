package id.go.kpu.jdih.cli;

import com.google.common.hash.Hashing;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.PlatformRules;
import id.go.kpu.jdih.validation.Violation;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jdih sample-design --out FILE [--width W --height H]}: a JPEG design to try {@code case design} with,
 * 1080x1350 (4:5) by default, which every platform's rules accept. Other sizes are written too, with a warning
 * naming each platform that would refuse them.
 */
@Command(name = "sample-design", mixinStandardHelpOptions = true)
final class SampleDesignCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--out", required = true, paramLabel = "FILE") Path outFile;
  @Option(names = "--width", paramLabel = "PX") int width = 1080;
  @Option(names = "--height", paramLabel = "PX") int height = 1350;

  @Override
  public Integer call() throws Exception {
    Out out = main.out;
    requireSize("--width", width);
    requireSize("--height", height);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(new Color(0x8B, 0x00, 0x00));
      g.fillRect(0, 0, width, height);
      g.setColor(Color.WHITE);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, width / 18)));
      g.drawString("JDIH - contoh desain / sample design", width / 20, height / 2);
      g.drawString(width + " x " + height, width / 20, height / 2 + Math.max(14, width / 14));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", bytes);
    byte[] jpeg = bytes.toByteArray();
    Path target = outFile.toAbsolutePath();
    Path parent = target.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new CliException("--out: folder " + parent + " tidak ada", "--out: the folder " + parent
          + " does not exist");
    }
    try {
      Path tmp = Files.createTempFile(parent, ".jdih-design-", ".tmp");
      try {
        Files.write(tmp, jpeg);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (java.io.IOException e) {
      throw Main.writeFailed("--out", target, e);
    }
    MediaItem item = new MediaItem(target.getFileName().toString(), "image/jpeg", width, height, jpeg.length,
        Hashing.sha256().hashBytes(jpeg).toString());
    int refusing = 0;
    for (Platform p : Platform.values()) {
      List<Violation> violations = PlatformRules.of(p).checkMedia(List.of(item), "design");
      if (!violations.isEmpty()) {
        refusing++;
        out.err.println(out.t("Peringatan: ", "Warning: ") + p.displayName() + ": "
            + violations.get(0).message().in(out.lang));
      }
    }
    out.line("Desain contoh %dx%d (JPEG, %d bita) ditulis ke %s%s", "Sample design %dx%d (JPEG, %d bytes) written to %s%s",
        width, height, jpeg.length, target, refusing == 0 ? out.t("; sah untuk semua platform",
        "; valid for every platform") : "");
    return 0;
  }

  private static void requireSize(String option, int value) {
    if (value < 1 || value > 10_000) {
      throw new CliException(option + " " + value + " tidak sah: 1 sampai 10000 piksel",
          option + " " + value + " is invalid: 1 to 10000 pixels");
    }
  }
}
