package id.go.kpu.jdih.testkit;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.InMemoryPersonDirectory;
import id.go.kpu.jdih.notify.Notification;
import id.go.kpu.jdih.notify.PersonDirectory;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.workflow.Person;
import java.util.List;

/** The office's people with their contact addresses, for notification tests. */
public final class NotifyFixtures {

  /** A second member of Tim Pembina/Teknis. */
  public static final Person TIM_2 = Person.of("198607072011011005", "Andi Tim", ReferenceSop.TIM_PEMBINA_TEKNIS);

  /** Rina, Kasubag Hukum: e-mail. */
  public static final Contact RINA = Contact.of(Fixtures.KASUBAG).withEmail("rina.marlina@kpu-mentawai.go.id");
  /** Budi, Tim Pembina/Teknis: e-mail and Telegram. */
  public static final Contact BUDI = Contact.of(Fixtures.TIM).withEmail("budi.santoso@kpu-mentawai.go.id")
      .withTelegram("123456789");
  /** Andi, Tim Pembina/Teknis: Telegram only. */
  public static final Contact ANDI = Contact.of(TIM_2).withTelegram("987654321");
  /** Sari, Staf: e-mail, reads English. */
  public static final Contact SARI = Contact.of(Fixtures.STAF).withEmail("sari.dewi@kpu-mentawai.go.id")
      .withLanguage(Language.EN);

  private NotifyFixtures() {}

  /** Rina, Budi, Andi and Sari, in that order. */
  public static InMemoryPersonDirectory directory() {
    return PersonDirectory.of(List.of(RINA, BUDI, ANDI, SARI));
  }

  /** {@code KIND activity name}, e.g. {@code AVAILABLE 3 Budi Tim}, for readable sequence assertions. */
  public static String line(Notification n) {
    return n.kind() + " " + (n.activity().isPresent() ? n.activity().getAsInt() : "-") + " " + n.recipient().name();
  }
}
