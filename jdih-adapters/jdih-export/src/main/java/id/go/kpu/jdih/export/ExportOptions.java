package id.go.kpu.jdih.export;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Language;

/**
 * How a printable form is rendered.
 *
 * @param language the language of the form's fixed labels (the SOP's own texts are printed as written);
 *     Indonesian by default
 * @param activitiesPerPage at most this many flowchart rows on one printed page; the flow continues on the next
 *     page through off-page connectors
 */
public record ExportOptions(Language language, int activitiesPerPage) {

  /** Five rows fit an A4 landscape page with the reference SOP's texts. */
  public static final int DEFAULT_ACTIVITIES_PER_PAGE = 5;

  /** Checks the options. */
  public ExportOptions {
    checkNotNull(language, "language");
    checkArgument(activitiesPerPage >= 1, "activitiesPerPage must be at least 1 but was %s", activitiesPerPage);
  }

  /** Indonesian labels, {@value #DEFAULT_ACTIVITIES_PER_PAGE} activities per page. */
  public static ExportOptions defaults() {
    return new ExportOptions(Language.defaultLanguage(), DEFAULT_ACTIVITIES_PER_PAGE);
  }

  /** The same options with labels in {@code language}. */
  public ExportOptions withLanguage(Language language) {
    return new ExportOptions(language, activitiesPerPage);
  }

  /** The same options with at most {@code activitiesPerPage} flowchart rows per page. */
  public ExportOptions withActivitiesPerPage(int activitiesPerPage) {
    return new ExportOptions(language, activitiesPerPage);
  }
}
