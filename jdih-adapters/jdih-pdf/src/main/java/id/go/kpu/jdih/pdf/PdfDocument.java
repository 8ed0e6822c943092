package id.go.kpu.jdih.pdf;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;

/**
 * One PDF being drawn: its pages, its one embedded {@link PdfFont}, and the report of the characters the font could
 * not draw. Draw on the {@link PdfCanvas} that {@link #newPage} returns, then take the bytes with {@link #toBytes}.
 *
 * <pre>{@code
 * try (PdfDocument pdf = PdfDocument.builder().title("Naskah").creator("jdih-archive").build()) {
 *   PdfCanvas page = pdf.newPage(PageSize.A4_PORTRAIT);
 *   page.block("Nama: Āisyah “Ayu” Pratiwi – Staf", TextStyle.REGULAR, 10, 56, 56, 400, Align.LEFT);
 *   byte[] bytes = pdf.toBytes();
 * }
 * }</pre>
 *
 * <p>A character without a glyph is handled by the document's {@link MissingGlyphPolicy}; under {@code REPLACE}
 * (the default) {@link #missingGlyphs()} lists each such character once, and the saved PDF's document information
 * carries the same list under {@value #MISSING_GLYPHS_KEY} ({@code "U+2713 CHECK MARK; U+1F5F3 BALLOT BOX WITH
 * BALLOT"}), so whoever only has the file can find them too.
 *
 * <p>Not thread-safe: one thread builds one document; independent documents may be built in parallel.
 */
public final class PdfDocument implements AutoCloseable {

  /** The custom document-information entry listing the characters printed as code points. */
  public static final String MISSING_GLYPHS_KEY = "JdihMissingGlyphs";

  private final PDDocument document = new PDDocument();
  private final MissingGlyphPolicy policy;
  private final Set<MissingGlyph> missing = new LinkedHashSet<>();
  private final PdfFont font;
  private PdfCanvas current;
  private boolean saved;

  private PdfDocument(Builder b) {
    this.policy = b.policy;
    PDDocumentInformation info = document.getDocumentInformation();
    b.title.ifPresent(info::setTitle);
    b.subject.ifPresent(info::setSubject);
    b.author.ifPresent(info::setAuthor);
    b.creator.ifPresent(info::setCreator);
    b.producer.ifPresent(info::setProducer);
    b.timestamp.ifPresent(at -> {
      Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
      c.setTimeInMillis(at.toEpochMilli());
      info.setCreationDate(c);
      info.setModificationDate(c);
      // PDDocument.setDocumentId seeds the trailer's /ID, which is otherwise derived from the current time.
      document.setDocumentId(at.toEpochMilli());
    });
    try {
      this.font = new PdfFont(document, policy, missing);
    } catch (IOException e) {
      closeQuietly(e);
      throw new UncheckedIOException(e);
    }
  }

  private void closeQuietly(Exception cause) {
    try {
      document.close();
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  /** A new document's settings: no metadata, {@link MissingGlyphPolicy#REPLACE}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The font every text of this document is drawn in. */
  public PdfFont font() {
    return font;
  }

  /** What this document does with a character its font has no glyph for. */
  public MissingGlyphPolicy missingGlyphPolicy() {
    return policy;
  }

  /**
   * Every character without a glyph met so far in a text given to this document (drawn or measured), each once, in
   * the order first met; each was printed as its {@linkplain MissingGlyph#replacement() replacement}. Always empty
   * under {@link MissingGlyphPolicy#FAIL}.
   */
  public ImmutableList<MissingGlyph> missingGlyphs() {
    return ImmutableList.copyOf(missing);
  }

  /** Adds a page of {@code size} at scale 1 and returns its canvas; the previous canvas is closed. */
  public PdfCanvas newPage(PageSize size) {
    return newPage(size, 1);
  }

  /**
   * Adds a page of {@code size} on which everything is drawn scaled by {@code scale} (below 1 to fit content larger
   * than the paper) and returns its canvas; the previous canvas is closed.
   */
  public PdfCanvas newPage(PageSize size, float scale) {
    checkNotNull(size, "size");
    checkArgument(scale > 0, "scale must be positive but was %s", scale);
    openable();
    PDPage page = new PDPage(new PDRectangle(size.width(), size.height()));
    document.addPage(page);
    try {
      PDPageContentStream cs = new PDPageContentStream(document, page);
      if (scale != 1f) {
        cs.transform(Matrix.getScaleInstance(scale, scale));
      }
      current = new PdfCanvas(cs, font, size.width() / scale, size.height() / scale);
      return current;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A canvas at scale 1 over page {@code index} (from 0), drawing on top of what the page holds, e.g. a footer with
   * the page count once every page exists; the previous canvas is closed.
   */
  public PdfCanvas appendTo(int index) {
    checkElementIndex(index, document.getNumberOfPages(), "page index");
    openable();
    PDPage page = document.getPage(index);
    PDRectangle box = page.getMediaBox();
    try {
      // AppendMode.APPEND adds a content stream after the page's; resetContext = true wraps the existing content in
      // q/Q, so the new drawing starts from the default graphics state (unscaled, black).
      PDPageContentStream cs = new PDPageContentStream(document, page, AppendMode.APPEND, true, true);
      current = new PdfCanvas(cs, font, box.getWidth(), box.getHeight());
      return current;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The number of pages so far. */
  public int pageCount() {
    return document.getNumberOfPages();
  }

  private void openable() {
    checkState(!saved, "the document has been saved");
    closeCanvas();
  }

  private void closeCanvas() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  /**
   * The finished document; the font is embedded as the subset of the glyphs used. Call once: afterwards the
   * document can neither be drawn on nor saved again.
   *
   * @throws IllegalStateException if already saved, or if there is no page
   */
  public byte[] toBytes() {
    checkState(!saved, "the document has been saved");
    checkState(document.getNumberOfPages() > 0, "the document has no page");
    closeCanvas();
    saved = true;
    if (!missing.isEmpty()) {
      document.getDocumentInformation().setCustomMetadataValue(MISSING_GLYPHS_KEY,
          missing.stream().map(MissingGlyph::toString).collect(Collectors.joining("; ")));
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Releases the document; idempotent. */
  @Override
  public void close() {
    RuntimeException failure = null;
    try {
      closeCanvas();
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      document.close();
    } catch (IOException e) {
      UncheckedIOException closing = new UncheckedIOException(e);
      if (failure == null) {
        failure = closing;
      } else {
        failure.addSuppressed(closing);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * The settings of a new {@link PdfDocument}: document information and the missing-glyph policy. Not
   * thread-safe.
   */
  public static final class Builder {
    private Optional<String> title = Optional.empty();
    private Optional<String> subject = Optional.empty();
    private Optional<String> author = Optional.empty();
    private Optional<String> creator = Optional.empty();
    private Optional<String> producer = Optional.empty();
    private Optional<Instant> timestamp = Optional.empty();
    private MissingGlyphPolicy policy = MissingGlyphPolicy.REPLACE;

    private Builder() {}

    /** The document's title (any Unicode: PDF text strings are UTF-16 where needed). */
    public Builder title(String title) {
      this.title = Optional.of(checkNotNull(title, "title"));
      return this;
    }

    /** The document's subject. */
    public Builder subject(String subject) {
      this.subject = Optional.of(checkNotNull(subject, "subject"));
      return this;
    }

    /** The document's author. */
    public Builder author(String author) {
      this.author = Optional.of(checkNotNull(author, "author"));
      return this;
    }

    /** The application that made the content, e.g. {@code jdih-export}. */
    public Builder creator(String creator) {
      this.creator = Optional.of(checkNotNull(creator, "creator"));
      return this;
    }

    /** The software that wrote the PDF. */
    public Builder producer(String producer) {
      this.producer = Optional.of(checkNotNull(producer, "producer"));
      return this;
    }

    /**
     * The creation and modification date, which also seeds the document's file identifier, so the same drawing and
     * the same timestamp give the same bytes. Without it the identifier comes from the clock.
     */
    public Builder timestamp(Instant at) {
      this.timestamp = Optional.of(checkNotNull(at, "at"));
      return this;
    }

    /** What to do with a character the font has no glyph for; {@link MissingGlyphPolicy#REPLACE} by default. */
    public Builder missingGlyphs(MissingGlyphPolicy policy) {
      this.policy = checkNotNull(policy, "policy");
      return this;
    }

    /** A new, empty document with these settings; close it when done. */
    public PdfDocument build() {
      return new PdfDocument(this);
    }
  }
}
