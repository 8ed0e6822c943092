package id.go.kpu.jdih.server.directory;

import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.workflow.Person;
import java.util.Optional;

/**
 * One entry of the server's directory: the account {@code username} is the person with {@code nip} in office
 * {@code officeId}, holding {@code roles} of that office's SOP.
 *
 * @param username the login account
 * @param officeId the office
 * @param nip the person's NIP (18 digits)
 * @param name the person's name
 * @param roles the SOP roles held now
 * @param officeAdmin whether the person administers the office (people, tokens, SOP revisions)
 * @param email where notifications go by e-mail, if anywhere
 * @param telegramChat the Telegram chat for notifications, if any
 * @param language the person's language
 * @param active false once the person has left: they can neither log in to act nor be notified
 */
public record PersonRecord(String username, String officeId, Nip nip, String name, ImmutableSet<RoleId> roles,
    boolean officeAdmin, Optional<String> email, Optional<String> telegramChat, Language language, boolean active) {

  /** The person as the runtime sees them. */
  public Person person() {
    return Person.of(nip, name, roles);
  }

  /** The person's contact for notifications. */
  public Contact contact() {
    Contact c = Contact.of(person()).withLanguage(language);
    if (email.isPresent()) {
      c = c.withEmail(email.get());
    }
    if (telegramChat.isPresent()) {
      c = c.withTelegram(telegramChat.get());
    }
    return c;
  }
}
