package id.go.kpu.jdih.server.directory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.actor.ActorDirectory;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.PersonDirectory;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The runtime's directory ports backed by the {@code jdih_person} table: who a principal (an account's user name)
 * is, which roles they hold now, which office they belong to, and whom to notify. Every answer is read from the
 * database at the time it is asked, so a role taken away stops working at once, on every server instance.
 * Thread-safe.
 */
@Component
public class ServerDirectory implements ActorDirectory, PersonDirectory {

  private static final String COLUMNS =
      "username, office_id, nip, full_name, roles, office_admin, email, telegram_chat, language, active";

  private final JdbcClient db;

  /** The directory in the server's tables ({@code schema} made them). */
  public ServerDirectory(JdbcClient db, ServerSchema schema) {
    this.db = checkNotNull(db, "db");
    checkNotNull(schema, "schema");
  }

  @Override
  public Optional<Person> resolve(Principal principal) {
    return activePerson(principal.name()).map(PersonRecord::person);
  }

  @Override
  public boolean mayActFor(Principal principal, String officeId) {
    return activePerson(principal.name()).map(p -> p.officeId().equals(officeId)).orElse(false);
  }

  @Override
  public ImmutableList<Contact> holding(RoleId role) {
    return db.sql("SELECT " + COLUMNS + " FROM jdih_person WHERE active = TRUE ORDER BY office_id, nip")
        .query(ServerDirectory::read).stream().filter(p -> p.roles().contains(role)).map(PersonRecord::contact)
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public ImmutableList<Contact> holding(String officeId, RoleId role) {
    return people(officeId).stream().filter(p -> p.active() && p.roles().contains(role))
        .map(PersonRecord::contact).collect(ImmutableList.toImmutableList());
  }

  @Override
  public Optional<Contact> find(Nip nip) {
    return db.sql("SELECT " + COLUMNS + " FROM jdih_person WHERE nip = ? AND active = TRUE").param(nip.value())
        .query(ServerDirectory::read).optional().map(PersonRecord::contact);
  }

  /** The directory entry with {@code nip}, in any office, active or not (a NIP is one civil servant). */
  public Optional<PersonRecord> personWithNip(String nip) {
    return db.sql("SELECT " + COLUMNS + " FROM jdih_person WHERE nip = ?").param(nip)
        .query(ServerDirectory::read).optional();
  }

  /** The directory entry of {@code username}, active or not. */
  public Optional<PersonRecord> person(String username) {
    return db.sql("SELECT " + COLUMNS + " FROM jdih_person WHERE username = ?").param(username)
        .query(ServerDirectory::read).optional();
  }

  /** The active directory entry of {@code username}. */
  public Optional<PersonRecord> activePerson(String username) {
    return person(username).filter(PersonRecord::active);
  }

  /** The people of {@code officeId}, by NIP. */
  public ImmutableList<PersonRecord> people(String officeId) {
    return ImmutableList.copyOf(db.sql("SELECT " + COLUMNS + " FROM jdih_person WHERE office_id = ? ORDER BY nip")
        .param(officeId).query(ServerDirectory::read).list());
  }

  /** Adds or replaces the entry of {@code p.username()}; the caller checked the office and the roles. */
  public void save(PersonRecord p) {
    String roles = p.roles().stream().map(RoleId::value).sorted().collect(Collectors.joining(","));
    int updated = db.sql("UPDATE jdih_person SET office_id = ?, nip = ?, full_name = ?, roles = ?, office_admin = ?,"
            + " email = ?, telegram_chat = ?, language = ?, active = ? WHERE username = ?")
        .params(p.officeId(), p.nip().value(), p.name(), roles, p.officeAdmin(), p.email().orElse(null),
            p.telegramChat().orElse(null), p.language().name().toLowerCase(java.util.Locale.ROOT), p.active(),
            p.username())
        .update();
    if (updated == 0) {
      db.sql("INSERT INTO jdih_person (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(p.username(), p.officeId(), p.nip().value(), p.name(), roles, p.officeAdmin(),
              p.email().orElse(null), p.telegramChat().orElse(null),
              p.language().name().toLowerCase(java.util.Locale.ROOT), p.active())
          .update();
    }
  }

  private static PersonRecord read(ResultSet r, int row) throws SQLException {
    ImmutableSet<RoleId> roles = Splitter.on(',').omitEmptyStrings().trimResults().splitToStream(r.getString("roles"))
        .map(RoleId::of).collect(ImmutableSet.toImmutableSet());
    return new PersonRecord(r.getString("username"), r.getString("office_id"), Nip.of(r.getString("nip")),
        r.getString("full_name"), roles, r.getBoolean("office_admin"), Optional.ofNullable(r.getString("email")),
        Optional.ofNullable(r.getString("telegram_chat")), Language.fromTag(r.getString("language")),
        r.getBoolean("active"));
  }
}
