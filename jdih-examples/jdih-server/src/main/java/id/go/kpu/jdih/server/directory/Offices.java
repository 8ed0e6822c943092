package id.go.kpu.jdih.server.directory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.sop.Office;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.sop.lint.LintFinding;
import id.go.kpu.jdih.sop.lint.Severity;
import id.go.kpu.jdih.sop.lint.SopLint;
import id.go.kpu.jdih.validation.Violation;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offices the server hosts and the revisions of their SOPs. An office is created from a definition (its own
 * variant, or the reference SOP under the office's identity); a new revision is a new row and becomes the one new
 * cases open under, while running cases keep theirs. Thread-safe.
 */
@Component
public class Offices {

  /** Office ids: the SOP's id pattern, at most 40 characters. */
  public static final Pattern OFFICE_ID = Pattern.compile(SopKey.ID_PATTERN);

  private final JdbcClient db;
  private final ServerDefinitions definitions;
  private final Clock clock;

  /** The offices in the server's tables. */
  public Offices(JdbcClient db, ServerDefinitions definitions, Clock clock, ServerSchema schema) {
    this.db = checkNotNull(db, "db");
    this.definitions = checkNotNull(definitions, "definitions");
    this.clock = checkNotNull(clock, "clock");
    checkNotNull(schema, "schema");
    definitions.refresh(Optional.empty()); // every office's SOP revisions, before the first request or worker pass
  }

  /** The ids of all offices, sorted. */
  public ImmutableList<String> ids() {
    return ImmutableList.copyOf(db.sql("SELECT office_id FROM jdih_office ORDER BY office_id").query(String.class)
        .list());
  }

  /** Whether the office exists. */
  public boolean exists(String officeId) {
    return current(officeId).isPresent();
  }

  /** The key of the definition new cases of {@code officeId} open under. */
  public Optional<SopKey> current(String officeId) {
    return db.sql("SELECT sop_number, sop_revision FROM jdih_office WHERE office_id = ?").param(officeId)
        .query((r, i) -> new SopKey(officeId, r.getString(1), r.getInt(2))).optional();
  }

  /** The definition new cases of {@code officeId} open under. */
  public Optional<SopDefinition> currentDefinition(String officeId) {
    return current(officeId).flatMap(definitions::find);
  }

  /** The account the outbox records the office's posts as, if one is set. */
  public Optional<String> publisher(String officeId) {
    return db.sql("SELECT publisher FROM jdih_office WHERE office_id = ?").param(officeId)
        .query((r, i) -> Optional.ofNullable(r.getString(1))).optional().flatMap(p -> p);
  }

  /** Sets the account the outbox records the office's posts as. */
  public void setPublisher(String officeId, Optional<String> username) {
    if (db.sql("UPDATE jdih_office SET publisher = ? WHERE office_id = ?").params(username.orElse(null), officeId)
        .update() == 0) {
      throw notFound(officeId);
    }
  }

  /** Every revision of the office's SOPs, oldest first. */
  public ImmutableList<SopKey> revisions(String officeId) {
    return ImmutableList.copyOf(db.sql("SELECT sop_number, sop_revision FROM jdih_definition WHERE office_id = ?"
            + " ORDER BY created_at, sop_number, sop_revision").param(officeId)
        .query((r, i) -> new SopKey(officeId, r.getString(1), r.getInt(2))).list());
  }

  /**
   * The reference SOP under another office's identity: where a new office starts. Its branches are all its own
   * document's ({@link SopDefinition.Builder#withoutAdditionsToSource()}).
   */
  public static SopDefinition referenceFor(Office office) {
    SopDefinition reference = ReferenceSop.definition();
    if (office.equals(reference.office())) {
      return reference;
    }
    // The office's own document is made from this definition: the reference's "not drawn in the source SOP"
    // footnote (its rejection branch) is about the Mentawai document, not this office's.
    return reference.toBuilder().office(office).withoutAdditionsToSource().build();
  }

  /**
   * Creates office {@code definition.office().id()} with {@code definition} as its first SOP.
   *
   * @throws ServerException {@code CONFLICT} if the office exists; {@code BAD_REQUEST} if the definition has
   *     lint errors
   */
  @Transactional
  public SopKey create(SopDefinition definition, String createdBy) {
    String officeId = definition.office().id();
    if (officeId.length() > 40) {
      throw ServerException.badField("office.id", "Size", Text.of("paling banyak 40 karakter",
          "at most 40 characters"));
    }
    if (exists(officeId)) {
      throw new ServerException(ServerException.Kind.CONFLICT, Text.of("Kantor %s sudah ada",
          "Office %s exists already").format(officeId));
    }
    requireNoLintErrors(definition);
    insertDefinition(definition, createdBy);
    db.sql("INSERT INTO jdih_office (office_id, sop_number, sop_revision, created_at) VALUES (?, ?, ?, ?)")
        .params(officeId, definition.key().number(), definition.key().revision(), clock.millis()).update();
    definitions.find(definition.key());
    return definition.key();
  }

  /**
   * Publishes {@code definition} as the office's SOP for new cases: a new number or a higher revision of the
   * current one; cases already open keep the revision they began under.
   */
  @Transactional
  public SopKey publish(String officeId, SopDefinition definition, String createdBy) {
    SopKey current = current(officeId).orElseThrow(() -> notFound(officeId));
    if (!definition.office().id().equals(officeId)) {
      throw ServerException.badField("office.id", "SameOffice", Text.of("definisi harus untuk kantor %s",
          "the definition must be for office %s").format(officeId));
    }
    SopKey key = definition.key();
    if (key.number().equals(current.number()) && key.revision() <= current.revision()) {
      throw ServerException.badField("identity.revision", "NewRevision", Text.of(
          "revisi harus lebih besar dari %s", "the revision must be greater than %s").format(current.revision()));
    }
    if (definitions.find(key).isPresent()) {
      throw new ServerException(ServerException.Kind.CONFLICT, Text.of("SOP %s sudah ada", "SOP %s exists already")
          .format(key));
    }
    requireNoLintErrors(definition);
    insertDefinition(definition, createdBy);
    db.sql("UPDATE jdih_office SET sop_number = ?, sop_revision = ? WHERE office_id = ?")
        .params(key.number(), key.revision(), officeId).update();
    definitions.find(key);
    return key;
  }

  private void insertDefinition(SopDefinition definition, String createdBy) {
    db.sql("INSERT INTO jdih_definition (office_id, sop_number, sop_revision, definition, created_at, created_by)"
            + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(definition.office().id(), definition.key().number(), definition.key().revision(),
            definitions.toJson(definition), clock.millis(), createdBy)
        .update();
  }

  private static void requireNoLintErrors(SopDefinition definition) {
    List<LintFinding> errors = SopLint.check(definition).stream().filter(f -> f.severity() == Severity.ERROR)
        .toList();
    if (!errors.isEmpty()) {
      throw new ServerException(ServerException.Kind.BAD_REQUEST, Text.of(
          "Definisi SOP memiliki %s kesalahan", "The SOP definition has %s error(s)").format(errors.size()),
          errors.stream().map(f -> new Violation(f.location(), f.code(), f.message())).toList());
    }
  }

  static ServerException notFound(String officeId) {
    return new ServerException(ServerException.Kind.NOT_FOUND, Text.of("Kantor %s tidak ditemukan",
        "Office %s not found").format(officeId));
  }
}
