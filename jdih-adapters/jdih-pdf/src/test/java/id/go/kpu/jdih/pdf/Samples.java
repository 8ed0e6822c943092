package id.go.kpu.jdih.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Texts and helpers the tests share. */
final class Samples {

  private Samples() {}

  /**
   * Text outside Windows-1252 that Indonesian documents hold: a macron, typographic quotes, en and em dashes, an
   * ellipsis and a no-break space (between "Rp" and the amount), besides Latin-1 letters.
   */
  static final String UNICODE = "Āisyah “Ayu” Pratiwi – José Schröder — ‘rapat’ … Rp\u00a01.000";

  /** Where the tests leave PDFs and PNGs to look at; a build output, like the test reports. */
  static final Path OUT = Path.of("target", "pdf-samples");

  /** The text PDFBox extracts from every page. */
  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /** Writes {@code pdf} and a PNG of each page (PDFBox's renderer, 100 dpi) under {@link #OUT}; checks for ink. */
  static void keep(String name, byte[] pdf) throws IOException {
    Files.createDirectories(OUT);
    Files.write(OUT.resolve(name + ".pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, 100);
        assertThat(dark(image)).as("page %d has ink", i + 1).isGreaterThan(100);
        ImageIO.write(image, "png", OUT.resolve(name + "-" + (i + 1) + ".png").toFile());
      }
    }
  }

  /** The number of dark pixels. */
  static int dark(BufferedImage image) {
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
          dark++;
        }
      }
    }
    return dark;
  }
}
