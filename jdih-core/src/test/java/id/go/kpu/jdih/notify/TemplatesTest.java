package id.go.kpu.jdih.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.Office;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.NotifyFixtures;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.OutputRules;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TemplatesTest {

  private static final Instant T = Instant.parse("2024-03-05T02:30:00Z");

  @Test
  void dueTimesAreWrittenInTheOfficeZoneWithItsIndonesianName() {
    assertThat(OfficeTime.zoneName(ZoneId.of("Asia/Jakarta"), T)).isEqualTo("WIB");
    assertThat(OfficeTime.zoneName(ZoneId.of("Asia/Pontianak"), T)).isEqualTo("WIB");
    assertThat(OfficeTime.zoneName(ZoneId.of("Asia/Makassar"), T)).isEqualTo("WITA");
    assertThat(OfficeTime.zoneName(ZoneId.of("Asia/Jayapura"), T)).isEqualTo("WIT");
    assertThat(OfficeTime.zoneName(ZoneId.of("Asia/Singapore"), T)).isEqualTo("UTC+08:00");
    assertThat(OfficeTime.zoneName(ZoneId.of("UTC"), T)).isEqualTo("UTC");
    assertThat(OfficeTime.format(T, ZoneId.of("Asia/Jakarta"), Language.ID))
        .isEqualTo("Selasa, 5 Maret 2024 pukul 09.30 WIB");
    assertThat(OfficeTime.format(T, ZoneId.of("Asia/Makassar"), Language.EN))
        .isEqualTo("Tuesday, 5 March 2024 at 10:30 WITA");
    assertThat(OfficeTime.format(T, ZoneId.of("Asia/Jayapura"), Language.ID))
        .isEqualTo("Selasa, 5 Maret 2024 pukul 11.30 WIT");
  }

  private static MessageContext context(NotificationKind kind) {
    return new MessageContext(kind, CaseId.of("kasus-1"), "Tahukah kamu: DPT", OptionalInt.of(3),
        Optional.of("Melaksanakan rapat"), Optional.of("Tim Pembina/Teknis"), Optional.of(T),
        ZoneId.of("Asia/Jakarta"), Optional.of(Text.of("alasan", "reason")), Optional.of("Instagram, X"),
        Optional.of("Instagram: https://example.invalid/1"), "KPU KAB. KEPULAUAN MENTAWAI", Fixtures.TIM);
  }

  @Test
  void everyDefaultTemplateFillsEveryPlaceholderInBothLanguages() {
    for (NotificationKind kind : NotificationKind.values()) {
      Message m = NotificationTemplates.defaults().render(context(kind));
      for (String s : new String[] {m.subject().id(), m.subject().en(), m.body().id(), m.body().en()}) {
        assertThat(s).as("%s", kind).doesNotContain("{", "}").contains("kasus-1");
      }
      assertThat(m.body().id()).contains("Yth. Budi Tim", "KPU KAB. KEPULAUAN MENTAWAI");
      assertThat(m.body().en()).contains("Dear Budi Tim");
    }
    Message overdue = NotificationTemplates.defaults().render(context(NotificationKind.OVERDUE));
    assertThat(overdue.subject().id()).isEqualTo("[JDIH] Terlambat: kegiatan 3 kasus kasus-1");
    assertThat(overdue.body().id()).contains("melewati batas waktu Selasa, 5 Maret 2024 pukul 09.30 WIB");
    assertThat(overdue.body().en()).contains("passed its deadline, Tuesday, 5 March 2024 at 09:30 WIB");
  }

  @Test
  void anOfficeReplacesOneTemplateAndTheRestStay() {
    PlaceholderTemplates mine = NotificationTemplates.defaults().with(NotificationKind.OVERDUE,
        Text.of("TERLAMBAT {caseId}/{activity} ({due})", "LATE {caseId}/{activity} ({due})"),
        Text.of("{role}: {activityText}", "{role}: {activityText}"));
    Message m = mine.render(context(NotificationKind.OVERDUE));
    assertThat(m.subject().id()).isEqualTo("TERLAMBAT kasus-1/3 (Selasa, 5 Maret 2024 pukul 09.30 WIB)");
    assertThat(m.subject().en()).isEqualTo("LATE kasus-1/3 (Tuesday, 5 March 2024 at 09:30 WIB)");
    assertThat(m.body().id()).isEqualTo("Tim Pembina/Teknis: Melaksanakan rapat");
    assertThat(mine.template(NotificationKind.AVAILABLE))
        .isEqualTo(NotificationTemplates.defaults().template(NotificationKind.AVAILABLE));
  }

  @Test
  void unknownPlaceholdersAndMissingKindsAreRefusedAllAtOnce() {
    assertThatThrownBy(() -> NotificationTemplates.defaults().with(NotificationKind.DUE_SOON,
        Text.of("{tanggal} {caseId}", "{date} {caseId}"), Text.of("ok", "{nama}")))
        .isInstanceOfSatisfying(InvalidTemplateException.class, e -> {
          assertThat(e.code()).isEqualTo("JDIH-NOTIFY-005");
          assertThat(e.getMessage()).contains("{tanggal}", "{date}", "{nama}", "DUE_SOON subject",
              "DUE_SOON body", "known placeholders");
        });
    Map<NotificationKind, Message> partial = new EnumMap<>(NotificationKind.class);
    partial.put(NotificationKind.AVAILABLE, Message.of(Text.of("a", "a"), Text.of("b", "b")));
    assertThatThrownBy(() -> PlaceholderTemplates.of(partial)).isInstanceOf(InvalidTemplateException.class)
        .hasMessageContaining("OVERDUE: tidak ada templat / no template")
        .hasMessageContaining("PUBLISHED: tidak ada templat / no template");
  }

  @Test
  void anOfficeInWitaGetsItsDueTimesInWita() {
    SopDefinition makassar = ReferenceSop.definition().toBuilder()
        .office(new Office("kpu-kota-makassar", "KOMISI PEMILIHAN UMUM KOTA MAKASSAR",
            "SEKRETARIS KOMISI PEMILIHAN UMUM KOTA MAKASSAR", ZoneId.of("Asia/Makassar")))
        .build();
    SopRegistry registry = SopRegistry.withReference();
    registry.register(makassar);
    MutableClock clock = MutableClock.at("2024-03-04T01:00:00Z"); // 09.00 WITA
    InMemoryCaseStore store = new InMemoryCaseStore();
    Cases cases = TestCases.of(registry, makassar.key(), store, clock, OutputRules.acceptAll());
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), CaseId.of("mks"), Fixtures.KASUBAG,
        Fixtures.produkHukum()));
    DryRunNotifier dry = new DryRunNotifier();
    NotificationService service = NotificationService.builder(registry, store,
        NotificationPolicy.builder(NotifyFixtures.directory()).templates(NotificationTemplates.defaults()
            .with(NotificationKind.AVAILABLE, Text.of("Batas {due}", "Due {due}"), Text.of("-", "-"))).build())
        .notifier(dry).build();
    service.tick(clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(dry.sent()).singleElement().satisfies(n -> {
      assertThat(n.subjectText()).isEqualTo("Batas Selasa, 5 Maret 2024 pukul 09.00 WITA");
      assertThat(n.subject().en()).isEqualTo("Due Tuesday, 5 March 2024 at 09:00 WITA");
    });
  }
}
