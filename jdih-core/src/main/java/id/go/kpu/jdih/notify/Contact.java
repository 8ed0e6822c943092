package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.workflow.Person;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach one person: the {@link Person} (NIP, name, roles) with an e-mail address, a Telegram chat id and
 * the language they read their notifications in (Indonesian unless they chose English). Either address may be
 * absent; a notifier only sends to people it {@linkplain Notifier#canReach can reach}.
 *
 * <p>{@link #toString()} masks the addresses ({@link Mask}); so does every message of this library.
 *
 * @param person the person
 * @param email their e-mail address, e.g. {@code rina@kpu-mentawai.go.id}
 * @param telegramChatId their Telegram chat id as the Bot API gives it (digits, negative for a group), or a
 *     channel's {@code @username}
 * @param language the language of their notifications
 */
public record Contact(Person person, Optional<String> email, Optional<String> telegramChatId, Language language) {

  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
  private static final Pattern TELEGRAM = Pattern.compile("-?[1-9][0-9]{0,19}|@[A-Za-z][A-Za-z0-9_]{4,31}");

  /**
   * Checks the addresses.
   *
   * @throws InvalidContactException if an address is not well formed (the message shows it masked)
   */
  public Contact {
    checkNotNull(person, "person");
    checkNotNull(email, "email");
    checkNotNull(telegramChatId, "telegramChatId");
    checkNotNull(language, "language");
    email = email.map(String::strip);
    telegramChatId = telegramChatId.map(String::strip);
    if (email.isPresent() && (email.get().length() > 254 || !EMAIL.matcher(email.get()).matches())) {
      throw new InvalidContactException(Text.of("alamat e-mail %s untuk %s tidak sah",
          "the e-mail address %s of %s is invalid").format(Mask.email(email.get()), person));
    }
    if (telegramChatId.isPresent() && !TELEGRAM.matcher(telegramChatId.get()).matches()) {
      throw new InvalidContactException(Text.of(
          "chat id Telegram %s untuk %s tidak sah: harus angka (mis. 123456789) atau @namakanal",
          "the Telegram chat id %s of %s is invalid: it must be digits (e.g. 123456789) or @channelname")
          .format(Mask.telegram(telegramChatId.get()), person));
    }
  }

  /** A contact without addresses, in Indonesian. */
  public static Contact of(Person person) {
    return new Contact(person, Optional.empty(), Optional.empty(), Language.defaultLanguage());
  }

  /** This contact with the e-mail address {@code address}. */
  public Contact withEmail(String address) {
    return new Contact(person, Optional.of(address), telegramChatId, language);
  }

  /** This contact with the Telegram chat id {@code chatId}. */
  public Contact withTelegram(String chatId) {
    return new Contact(person, email, Optional.of(chatId), language);
  }

  /** This contact reading notifications in {@code lang}. */
  public Contact withLanguage(Language lang) {
    return new Contact(person, email, telegramChatId, lang);
  }

  /** The person's NIP. */
  public Nip nip() {
    return person.nip();
  }

  /** The person's name. */
  public String name() {
    return person.name();
  }

  /** The e-mail address, masked. */
  public Optional<String> maskedEmail() {
    return email.map(Mask::email);
  }

  /** The Telegram chat id, masked. */
  public Optional<String> maskedTelegram() {
    return telegramChatId.map(Mask::telegram);
  }

  /** Name, NIP and the masked addresses, e.g. {@code Rina (NIP ...) e-mail r***@k***.go.id telegram ******789}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(person.toString());
    maskedEmail().ifPresent(e -> sb.append(" e-mail ").append(e));
    maskedTelegram().ifPresent(t -> sb.append(" telegram ").append(t));
    return sb.toString();
  }
}
