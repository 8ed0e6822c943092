package id.go.kpu.jdih.notify;

import static id.go.kpu.jdih.testkit.NotifyFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.NotifyFixtures;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.OutputRules;
import id.go.kpu.jdih.workflow.Person;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {

  private static final Person SEKRETARIS = Person.of("197505052000031001", "Irman Sekretaris", Fixtures.SEKRETARIS);
  private static final Contact IRMAN = Contact.of(SEKRETARIS).withEmail("irman@kpu-mentawai.go.id");

  private final MutableClock clock = MutableClock.at("2024-03-04T01:00:00Z");
  private final InMemoryCaseStore store = new InMemoryCaseStore();
  private final SopRegistry registry = SopRegistry.withReference();
  private final CaseId id = CaseId.of("kebijakan");

  private Cases cases(SopDefinition forNew) {
    registry.find(forNew.key()).ifPresentOrElse(d -> { }, () -> registry.register(forNew));
    return TestCases.of(registry, forNew.key(), store, clock, OutputRules.acceptAll());
  }

  private List<String> tick(NotificationService s) {
    return s.tick(clock.instant()).sent().stream().map(d -> line(d.notification())).toList();
  }

  @Test
  void anExecutorWhoAlsoHoldsTheEscalationRoleIsToldOnce() {
    Cases cases = cases(ReferenceSop.definition());
    NotificationPolicy policy = NotificationPolicy.defaults(NotifyFixtures.directory());
    for (CaseCommand c : Fixtures.happyPath(id, Fixtures.produkHukum(), clock.instant()).subList(0, 5)) {
      cases.handleTrusted(c);
    }
    ContentCase c = cases.get(id); // at activity 6, the caption, by Kasubag Hukum; due Tuesday 08.00 WIB
    assertThat(c.currentActivity()).hasValue(6);
    List<Notification> n = policy.onDeadlines(ReferenceSop.definition(), c, clock.instant(),
        clock.instant().plus(Duration.ofDays(2)));
    assertThat(n).extracting(NotifyFixtures::line).containsExactly("DUE_SOON 6 Rina Kasubag",
        "OVERDUE 6 Rina Kasubag");
  }

  @Test
  void theDueSoonWindowIsConfigurable() {
    Cases cases = cases(ReferenceSop.definition());
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    ContentCase c = cases.get(id); // activity 2 available Monday 08.00 WIB, due Tuesday 08.00 WIB
    NotificationPolicy fourHours = NotificationPolicy.builder(NotifyFixtures.directory())
        .dueSoon(Duration.ofHours(4)).build();
    NotificationPolicy explicit = NotificationPolicy.builder(NotifyFixtures.directory())
        .deadlines(new Deadlines(WorkingCalendar.defaults(ZoneId.of("Asia/Jakarta")), Duration.ofHours(4))).build();
    for (NotificationPolicy p : List.of(fourHours, explicit)) {
      // Four working hours before Tuesday 08.00 WIB: Tuesday 07.30-08.00, Monday 13.00-16.00 and 11.30-12.00,
      // so Monday 11.30 WIB (the default two hours: Monday 14.30 WIB).
      assertThat(p.onDeadlines(ReferenceSop.definition(), c, Instant.parse("2024-03-04T04:29:00Z"),
          Instant.parse("2024-03-04T04:30:00Z"))).extracting(Notification::kind).containsOnly(NotificationKind.DUE_SOON);
    }
    assertThat(NotificationPolicy.defaults(NotifyFixtures.directory()).onDeadlines(ReferenceSop.definition(), c,
        Instant.parse("2024-03-04T04:29:00Z"), Instant.parse("2024-03-04T04:30:00Z"))).isEmpty();
    assertThat(NotificationPolicy.defaults(NotifyFixtures.directory()).onDeadlines(ReferenceSop.definition(), c,
        Instant.parse("2024-03-04T07:29:00Z"), Instant.parse("2024-03-04T07:30:00Z"))).extracting(Notification::kind)
        .containsOnly(NotificationKind.DUE_SOON);
  }

  @Test
  void aVariantsNewRoleIsToldOfItsActivityAndTheEscalationRoleIsConfigurable() {
    SopDefinition variant = Fixtures.secondApprovalVariant(); // 7: approval by Sekretaris (4 hours), 8: upload
    Cases cases = cases(variant);
    InMemoryPersonDirectory directory = NotifyFixtures.directory();
    directory.put(IRMAN);
    NotificationService service = NotificationService.builder(registry, store,
        NotificationPolicy.builder(directory).escalationRole(Fixtures.SEKRETARIS).build())
        .notifier(new DryRunNotifier()).build();
    for (CaseCommand c : Fixtures.happyPath(id, Fixtures.produkHukum(), clock.instant()).subList(0, 6)) {
      cases.handleTrusted(c);
    }
    assertThat(tick(service)).containsExactly("AVAILABLE 7 Irman Sekretaris");
    // The approval takes four hours: due soon two working hours before, overdue after; the escalation role is
    // Sekretaris here, who is also the executor, so Irman alone is told.
    clock.advance(Duration.ofHours(5));
    assertThat(tick(service)).containsExactly("DUE_SOON 7 Irman Sekretaris", "OVERDUE 7 Irman Sekretaris");
    cases.handleTrusted(new CaseCommand.Reject(Fixtures.cmd(), id, SEKRETARIS, "Desain belum memuat logo KPU"));
    assertThat(tick(service)).containsExactly("REJECTED 7 Rina Kasubag", "AVAILABLE 5 Budi Tim",
        "AVAILABLE 5 Andi Tim");
    clock.advance(Duration.ofDays(1).plusMinutes(1)); // rejected Monday 13.00 WIB: design due Tuesday 13.00 WIB
    assertThat(tick(service)).containsExactly("DUE_SOON 5 Budi Tim", "DUE_SOON 5 Andi Tim",
        "DUE_SOON 5 Irman Sekretaris", "OVERDUE 5 Budi Tim", "OVERDUE 5 Andi Tim", "OVERDUE 5 Irman Sekretaris");
  }

  @Test
  void switchingOnOverAnOldStoreDoesNotFloodPeopleWithStaleNews() {
    Cases cases = cases(ReferenceSop.definition());
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    cases.handleTrusted(new CaseCommand.Reject(Fixtures.cmd(), id, Fixtures.KASUBAG, "lama"));
    clock.advance(Duration.ofDays(10));
    NotificationService service = NotificationService.builder(registry, store,
        NotificationPolicy.defaults(NotifyFixtures.directory())).notifier(new DryRunNotifier()).build();
    TickReport first = service.tick(clock.instant());
    assertThat(first.derived()).isZero();
    assertThat(first.idle()).isTrue();
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    assertThat(tick(service)).containsExactly("AVAILABLE 2 Rina Kasubag");
  }

  @Test
  void aWithdrawnCaseTellsNobodyAndIsNotReadAgain() {
    Cases cases = cases(ReferenceSop.definition());
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    cases.handleTrusted(new CaseCommand.Approve(Fixtures.cmd(), id, Fixtures.KASUBAG, Optional.empty()));
    cases.handleTrusted(new CaseCommand.Withdraw(Fixtures.cmd(), id, Fixtures.KASUBAG, "Materi sudah tidak relevan"));
    InMemoryNotificationLedger ledger = new InMemoryNotificationLedger();
    NotificationService service = NotificationService.builder(registry, store,
        NotificationPolicy.defaults(NotifyFixtures.directory())).ledger(ledger).notifier(new DryRunNotifier())
        .build();
    assertThat(tick(service)).isEmpty();
    assertThat(ledger.progress(id)).hasValueSatisfying(p -> {
      assertThat(p.closed()).isTrue();
      assertThat(p.version()).isEqualTo(3);
    });
  }

  @Test
  void aProposerMissingFromTheDirectoryIsStillAddressedButNoChannelReachesThem() {
    Cases cases = cases(ReferenceSop.definition());
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    cases.handleTrusted(new CaseCommand.Reject(Fixtures.cmd(), id, Fixtures.KASUBAG, "Perbaiki judul"));
    NotificationPolicy policy = NotificationPolicy.defaults(PersonDirectory.of(List.of(NotifyFixtures.BUDI)));
    List<Notification> n = policy.onEvents(ReferenceSop.definition(), store.load(id), 0, clock.instant());
    assertThat(n).extracting(NotifyFixtures::line).containsExactly("REJECTED 2 Rina Kasubag");
    assertThat(n.get(0).recipient().email()).isEmpty();
    assertThat(n.get(0).body().en()).contains("Reason: Perbaiki judul");
  }

  @Test
  void aRoleNobodyHoldsTellsNobodyAndTheOthersAreStillTold() {
    Cases cases = cases(ReferenceSop.definition());
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    cases.handleTrusted(new CaseCommand.Approve(Fixtures.cmd(), id, Fixtures.KASUBAG, Optional.empty()));
    NotificationPolicy noTeam = NotificationPolicy.defaults(PersonDirectory.of(List.of(NotifyFixtures.RINA,
        NotifyFixtures.SARI)));
    assertThat(noTeam.onEvents(ReferenceSop.definition(), store.load(id), 1, clock.instant())).isEmpty();
    ContentCase c = cases.get(id);
    assertThat(noTeam.onDeadlines(ReferenceSop.definition(), c, clock.instant(), clock.instant()
        .plus(Duration.ofDays(2)))).extracting(NotifyFixtures::line)
        .containsExactly("DUE_SOON 3 Rina Kasubag", "OVERDUE 3 Rina Kasubag");
  }

  @Test
  void aPartialPublicationIsNotYetAPublication() {
    Cases cases = cases(ReferenceSop.definition());
    List<CaseCommand> path = Fixtures.happyPath(id, Fixtures.produkHukum(), clock.instant());
    path.subList(0, 6).forEach(cases::handleTrusted);
    NotificationService service = NotificationService.builder(registry, store,
        NotificationPolicy.defaults(NotifyFixtures.directory())).notifier(new DryRunNotifier()).build();
    service.tick(clock.instant());
    cases.handleTrusted(new CaseCommand.RecordPublication(Fixtures.cmd(), id, Fixtures.STAF,
        List.of(Fixtures.post(Platform.INSTAGRAM, clock.instant()))));
    assertThat(tick(service)).isEmpty();
    cases.handleTrusted(new CaseCommand.RecordPublication(Fixtures.cmd(), id, Fixtures.STAF,
        List.of(Fixtures.post(Platform.X, clock.instant()))));
    List<Delivery> sent = service.tick(clock.instant()).sent();
    assertThat(sent).extracting(d -> line(d.notification())).containsExactly("PUBLISHED 7 Rina Kasubag");
    assertThat(sent.get(0).notification().bodyText()).contains("Instagram, X",
        "Instagram: https://example.invalid/instagram/1789", "X: https://example.invalid/x/1789");
  }
}
