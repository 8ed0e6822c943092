package id.go.kpu.jdih.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.actor.ActorDirectory;
import id.go.kpu.jdih.actor.ForbiddenOfficeException;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.media.InMemoryMediaStore;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.DryRunNotifier;
import id.go.kpu.jdih.notify.InMemoryPersonDirectory;
import id.go.kpu.jdih.notify.PersonDirectory;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.Office;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.publish.FakePlatform;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One runtime for two offices (a regency in WIB on the reference SOP, a city in WIT on its variant): each office's
 * people act on their office's cases only, new cases open under their office's definition, each office posts
 * through its own accounts and its own people are told.
 */
class ManyOfficesTest {

  private final MutableClock clock = MutableClock.at("2024-03-04T02:00:00Z");
  private final SopDefinition mentawai = ReferenceSop.definition();
  private final SopDefinition jayapura = ReferenceSop.definition().toBuilder()
      .office(new Office("kpu-kota-jayapura", "KOMISI PEMILIHAN UMUM KOTA JAYAPURA",
          "SEKRETARIS KOMISI PEMILIHAN UMUM KOTA JAYAPURA", ZoneId.of("Asia/Jayapura"))).build();

  /** Two offices' people; the same NIPs never appear in both. */
  private final Map<String, InMemoryPersonDirectory> offices = Map.of(
      mentawai.office().id(), people("1980", "Rina", "1985", "Budi", "1990", "Sari"),
      jayapura.office().id(), people("1970", "Yohanes", "1975", "Maria", "1995", "Agus"));

  private static InMemoryPersonDirectory people(String k, String kn, String t, String tn, String s, String sn) {
    InMemoryPersonDirectory d = new InMemoryPersonDirectory();
    d.put(Contact.of(Person.of(k + "01012006041001", kn, ReferenceSop.KASUBAG_HUKUM)));
    d.put(Contact.of(Person.of(t + "02022010012002", tn, ReferenceSop.TIM_PEMBINA_TEKNIS)));
    d.put(Contact.of(Person.of(s + "03032015031003", sn, ReferenceSop.STAF)));
    return d;
  }

  /** The server's directory: who is in which office, with the roles held there. */
  private final class Directory implements ActorDirectory, PersonDirectory {
    Optional<String> officeOf(Principal p) {
      return offices.entrySet().stream().filter(e -> e.getValue().resolve(p).isPresent()).map(Map.Entry::getKey)
          .findFirst();
    }

    @Override
    public Optional<Person> resolve(Principal principal) {
      return officeOf(principal).flatMap(o -> offices.get(o).resolve(principal));
    }

    @Override
    public boolean mayActFor(Principal principal, String officeId) {
      return officeOf(principal).map(officeId::equals).orElse(false);
    }

    @Override
    public ImmutableList<Contact> holding(RoleId role) {
      throw new AssertionError("a directory of several offices is asked by office");
    }

    @Override
    public ImmutableList<Contact> holding(String officeId, RoleId role) {
      return offices.get(officeId).holding(role);
    }

    @Override
    public Optional<Contact> find(Nip nip) {
      return offices.values().stream().map(d -> d.find(nip)).flatMap(Optional::stream).findFirst();
    }
  }

  @Test
  void eachOfficeWorksOnItsOwnCasesWithItsOwnAccountsAndPeople() {
    SopRegistry registry = SopRegistry.withReference();
    registry.register(jayapura);
    Map<String, FakePlatform> accounts = Map.of(mentawai.office().id(), new FakePlatform(Platform.X, clock,
        Duration.ZERO, 1), jayapura.office().id(), new FakePlatform(Platform.X, clock, Duration.ZERO, 2));
    DryRunNotifier notifier = new DryRunNotifier(DryRunNotifier.CHANNEL, line -> { }, false);
    Directory directory = new Directory();
    Jdih jdih = Jdih.builder().definitions(registry).actors(directory).media(new InMemoryMediaStore()).clock(clock)
        .platforms((office, platform) -> Optional.ofNullable((PlatformClient) accounts.get(office)))
        .calendars(office -> Optional.of(WorkingCalendar.defaults(office.equals(jayapura.office().id())
            ? ZoneId.of("Asia/Jayapura") : ZoneId.of("Asia/Jakarta"))))
        .publishAsPerOffice(office -> Optional.of(Principal.of((office.equals(jayapura.office().id()) ? "1995"
            : "1990") + "03032015031003")))
        .notifier(notifier).build();

    CaseId a = CaseId.of("kasus-mentawai");
    CaseId b = CaseId.of("kasus-jayapura");
    run(jdih, "1980", "1985", "1990", a, mentawai);
    run(jdih, "1970", "1975", "1995", b, jayapura);
    assertThat(jdih.cases().history(a).get(0).sop()).isEqualTo(mentawai.key());
    assertThat(jdih.cases().history(b).get(0).sop()).isEqualTo(jayapura.key());

    // Rina of Mentawai can neither see nor act on Jayapura's case, nor open one under Jayapura's definition.
    Principal rina = Principal.of("198001012006041001");
    assertThat(catchThrowableOfType(ForbiddenOfficeException.class, () -> jdih.cases().as(rina).find(b)).code())
        .isEqualTo("JDIH-ACTOR-002");
    assertThat(catchThrowableOfType(ForbiddenOfficeException.class, () -> jdih.cases().as(rina).history(b)))
        .isNotNull();
    assertThat(catchThrowableOfType(ForbiddenOfficeException.class, () -> jdih.cases().as(rina).withdraw(
        CommandId.random(), b, "bukan urusan saya"))).isNotNull();
    assertThat(catchThrowableOfType(ForbiddenOfficeException.class, () -> jdih.cases().as(rina).propose(
        CommandId.random(), CaseId.of("baru"), jayapura.key(), Fixtures.informasiHukum(Platform.X)))).isNotNull();
    assertThat(jdih.cases().find(CaseId.of("baru"))).isEmpty();
    assertThat(jdih.cases().history(b)).hasSize(6);
    assertThat(jdih.cases().as(rina).find(a)).isPresent();

    // Many cases at once: each as find gives it, in the order asked, the missing left out; another office's case
    // is refused as find refuses it; the definition of a case comes from its state, as definitionOf(id) gives it.
    CaseId missing = CaseId.of("tidak-ada");
    assertThat(jdih.cases().findAll(List.of(b, missing, a))).containsExactly(
        Map.entry(b, jdih.cases().find(b).orElseThrow()), Map.entry(a, jdih.cases().find(a).orElseThrow()));
    assertThat(jdih.cases().as(rina).findAll(List.of(a, missing))).containsOnlyKeys(a);
    assertThat(catchThrowableOfType(ForbiddenOfficeException.class, () -> jdih.cases().as(rina)
        .findAll(List.of(a, b)))).isNotNull();
    assertThat(jdih.cases().definitionOf(jdih.cases().get(b))).isEqualTo(jdih.cases().definitionOf(b))
        .isEqualTo(jayapura);
    assertThat(jdih.cases().definitionOf(jdih.cases().get(a))).isEqualTo(mentawai);

    // Each office publishes through its own account.
    jdih.runDue(clock.instant());
    assertThat(jdih.cases().get(a).status()).isEqualTo(CaseStatus.PUBLISHED);
    assertThat(jdih.cases().get(b).status()).isEqualTo(CaseStatus.PUBLISHED);
    assertThat(accounts.get(mentawai.office().id()).posts()).extracting(p -> p.text())
        .containsExactly("Tahukah kamu? kasus-mentawai");
    assertThat(accounts.get(jayapura.office().id()).posts()).extracting(p -> p.text())
        .containsExactly("Tahukah kamu? kasus-jayapura");

    // Each office's people are told about their office's cases only.
    assertThat(notifier.sent()).isNotEmpty().allSatisfy(n -> {
      String nip = n.recipient().nip().value();
      boolean mentawaiPerson = nip.startsWith("1980") || nip.startsWith("1985") || nip.startsWith("1990");
      assertThat(n.caseId()).isEqualTo(mentawaiPerson ? a : b);
    });
  }

  private void run(Jdih jdih, String kasubag, String tim, String staf, CaseId id, SopDefinition under) {
    Principal k = Principal.of(kasubag + "01012006041001");
    Principal t = Principal.of(tim + "02022010012002");
    Principal s = Principal.of(staf + "03032015031003");
    jdih.cases().as(k).propose(CommandId.random(), id, under.key(), Fixtures.informasiHukum(Platform.X));
    jdih.cases().as(k).approve(CommandId.random(), id, Optional.empty());
    jdih.cases().as(t).recordMeeting(CommandId.random(), id, LocalDate.of(2024, 3, 4), List.of("Tim"), "Kesimpulan",
        DocumentUpload.of("notulen.txt", "text/plain", "notulen".getBytes(StandardCharsets.UTF_8)),
        Set.of("infocus", "komputer-laptop"));
    jdih.cases().as(s).summarize(CommandId.random(), id, "Rangkuman");
    jdih.cases().as(t).uploadDesign(CommandId.random(), id, List.of(ImageUpload.of("image/jpeg",
        ("desain " + id).getBytes(StandardCharsets.UTF_8), 1080, 1350)));
    jdih.cases().as(k).writeCaption(CommandId.random(), id, new Caption("Tahukah kamu? " + id, ImmutableMap.of()));
  }
}
