package id.go.kpu.jdih.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.NotifyFixtures;
import id.go.kpu.jdih.workflow.CaseId;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ContactAndMaskTest {

  @Test
  void addressesAreMasked() {
    assertThat(Mask.email("rina.marlina@kpu-mentawai.go.id")).isEqualTo("r***@k***.go.id");
    assertThat(Mask.email("x@localhost")).isEqualTo("x***@l***");
    assertThat(Mask.email("no-at-sign")).isEqualTo("n***");
    assertThat(Mask.telegram("123456789")).isEqualTo("******789");
    assertThat(Mask.telegram("-1001234567890")).isEqualTo("***********890");
    assertThat(Mask.telegram("12")).isEqualTo("***");
    assertThat(Mask.scrub("550 5.1.1 <Rina.Marlina@KPU-Mentawai.go.id>: user unknown",
        Map.of("rina.marlina@kpu-mentawai.go.id", "r***@k***.go.id")))
        .isEqualTo("550 5.1.1 <r***@k***.go.id>: user unknown");
  }

  @Test
  void aContactsToStringAndANotificationsToStringNeverShowAnAddressInFull() {
    Contact budi = NotifyFixtures.BUDI;
    assertThat(budi.toString()).isEqualTo("Budi Tim (NIP 19850202 201001 2 002) e-mail b***@k***.go.id "
        + "telegram ******789");
    Notification n = new Notification("k/to/1", NotificationKind.AVAILABLE, CaseId.of("k"), OptionalInt.of(3), budi,
        Text.of("s", "s"), Text.of("b", "b"));
    assertThat(n.toString()).doesNotContain("budi.santoso", "123456789").contains("b***@k***.go.id");
  }

  @Test
  void malformedAddressesAreRefusedWithACodeAndTheAddressMasked() {
    Contact rina = Contact.of(Fixtures.KASUBAG);
    assertThatThrownBy(() -> rina.withEmail("rina.marlina@@kpu"))
        .isInstanceOfSatisfying(InvalidContactException.class, e -> {
          assertThat(e.code()).isEqualTo("JDIH-NOTIFY-004");
          assertThat(e.message(Language.ID)).contains("alamat e-mail", "tidak sah");
          assertThat(e.message(Language.EN)).contains("e-mail address", "invalid");
          assertThat(e.getMessage()).doesNotContain("rina.marlina");
        });
    assertThatThrownBy(() -> rina.withTelegram("chat 12345")).isInstanceOf(InvalidContactException.class)
        .hasMessageContaining("JDIH-NOTIFY-004");
    assertThat(rina.withEmail("  rina@kpu-mentawai.go.id ").email()).contains("rina@kpu-mentawai.go.id");
    assertThat(rina.withTelegram("-1001234567890").telegramChatId()).contains("-1001234567890");
    assertThat(rina.withTelegram("@jdih_mentawai").telegramChatId()).contains("@jdih_mentawai");
  }

  @Test
  void theDirectoryFindsHoldersOfARoleInOrderAndReplacesByNip() {
    InMemoryPersonDirectory d = NotifyFixtures.directory();
    assertThat(d.holding(ReferenceSop.TIM_PEMBINA_TEKNIS)).extracting(Contact::name)
        .containsExactly("Budi Tim", "Andi Tim");
    d.put(NotifyFixtures.BUDI.withEmail("budi@kpu-mentawai.go.id"));
    assertThat(d.holding(ReferenceSop.TIM_PEMBINA_TEKNIS)).extracting(Contact::name)
        .containsExactly("Budi Tim", "Andi Tim");
    assertThat(d.find(Fixtures.TIM.nip()).orElseThrow().email()).contains("budi@kpu-mentawai.go.id");
    assertThat(d.toString()).doesNotContain("budi@kpu-mentawai.go.id");
    assertThat(d.remove(Fixtures.TIM.nip())).isTrue();
    assertThat(d.holding(ReferenceSop.TIM_PEMBINA_TEKNIS)).extracting(Contact::name).containsExactly("Andi Tim");
  }

  @Test
  void aRedactedExceptionKeepsClassesAndStackTracesButNotTheSecrets() {
    IllegalStateException inner = new IllegalStateException("token 123:SECRET for rina@kpu-mentawai.go.id");
    RuntimeException outer = new RuntimeException("send to rina@kpu-mentawai.go.id failed", inner);
    RedactedException r = RedactedException.of(outer, m -> Mask.scrub(m, Map.of("123:SECRET", "***",
        "rina@kpu-mentawai.go.id", Mask.email("rina@kpu-mentawai.go.id"))));
    assertThat(r.getMessage()).isEqualTo("java.lang.RuntimeException: send to r***@k***.go.id failed");
    assertThat(r.getCause().getMessage())
        .isEqualTo("java.lang.IllegalStateException: token *** for r***@k***.go.id");
    assertThat(((RedactedException) r.getCause()).originalClass()).isEqualTo("java.lang.IllegalStateException");
    assertThat(r.getStackTrace()).isEqualTo(outer.getStackTrace());
  }
}
