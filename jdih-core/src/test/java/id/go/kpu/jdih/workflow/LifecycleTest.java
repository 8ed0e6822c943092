package id.go.kpu.jdih.workflow;

import static id.go.kpu.jdih.testkit.Fixtures.KASUBAG;
import static id.go.kpu.jdih.testkit.Fixtures.OUTSIDER;
import static id.go.kpu.jdih.testkit.Fixtures.STAF;
import static id.go.kpu.jdih.testkit.Fixtures.TIM;
import static id.go.kpu.jdih.testkit.Fixtures.cmd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.Artifact;
import id.go.kpu.jdih.sop.Outcome;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopIdentity;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.validation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  private final MutableClock clock = MutableClock.at("2024-03-04T01:00:00Z");
  private final InMemoryCaseStore store = new InMemoryCaseStore();
  // A caption limit of 120 code points for X only, so that the over-limit rule can be shown without real rules.
  private final OutputRules rules = new OutputRules() {
    @Override
    public ImmutableList<Violation> checkCaption(Platform platform, String text, String path) {
      return platform == Platform.X && text.codePointCount(0, text.length()) > 120
          ? ImmutableList.of(new Violation(path, "CaptionLength", Text.of("terlalu panjang", "too long")))
          : ImmutableList.of();
    }

    @Override
    public ImmutableList<Violation> checkMedia(Platform platform, List<MediaItem> items, String path) {
      return platform == Platform.INSTAGRAM && !items.get(0).mediaType().equals("image/jpeg")
          ? ImmutableList.of(new Violation(path + "[0].mediaType", "MediaType", Text.of("bukan JPEG", "not JPEG")))
          : ImmutableList.of();
    }
  };
  private final SopRegistry registry = SopRegistry.withReference();
  private final Cases service =
      TestCases.of(registry, ReferenceSop.definition().key(), store, clock, rules);
  private final CaseId id = CaseId.of("kasus-1");

  private CommandResult run(CaseCommand c) {
    clock.advance(Duration.ofHours(2));
    return service.handleTrusted(c);
  }

  private CaseRuleViolation refused(CaseCommand c) {
    long before = store.version(c.caseId());
    CaseRuleViolation v = catchThrowableOfType(CaseRuleViolation.class, () -> service.handleTrusted(c));
    assertThat(v).as("expected a rule violation").isNotNull();
    assertThat(store.version(c.caseId())).as("nothing recorded").isEqualTo(before);
    return v;
  }

  @Test
  void walksAllSevenActivitiesToPublished() {
    List<CaseCommand> commands = Fixtures.happyPath(id, Fixtures.produkHukum(), clock.instant());
    ContentCase state = null;
    for (int i = 0; i < commands.size(); i++) {
      CommandResult r = run(commands.get(i));
      assertThat(r.repeated()).isFalse();
      assertThat(r.events()).hasSize(1);
      assertThat(r.events().get(0).activity()).hasValue(i + 1);
      state = r.state();
      assertThat(state.version()).isEqualTo(i + 1);
    }
    assertThat(state.status()).isEqualTo(CaseStatus.PUBLISHED);
    assertThat(state.currentActivity()).isEmpty();
    assertThat(state.runs()).extracting(ActivityRun::activity).containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(state.runs()).extracting(r -> r.actor().name()).containsExactly(
        "Rina Kasubag", "Rina Kasubag", "Budi Tim", "Sari Staf", "Budi Tim", "Rina Kasubag", "Sari Staf");
    assertThat(state.runs().get(1).outcome()).contains(Outcome.APPROVED);
    assertThat(state.runs().get(2).availableAt()).isEqualTo(state.runs().get(1).completedAt());
    assertThat(state.runs().get(2).elapsed()).isEqualTo(Duration.ofHours(2));
    assertThat(state.artifacts()).contains(Artifact.WRITTEN_MATERIAL, Artifact.MINUTES, Artifact.SUMMARY,
        Artifact.DESIGN, Artifact.CAPTION, Artifact.PUBLISHED_CONTENT);
    assertThat(state.posts().keySet()).containsExactlyInAnyOrder(Platform.INSTAGRAM, Platform.X);
    assertThat(HashChain.verify(store.load(id))).isEmpty();
    assertThat(ContentCase.replay(id, ReferenceSop.definition(), store.load(id))).isEqualTo(state);
    assertThat(service.get(id)).isEqualTo(state);
  }

  @Test
  void rejectionReturnsToTheProposalAndCountsRevisions() {
    run(new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.produkHukum()));
    CommandResult r = run(new CaseCommand.Reject(cmd(), id, KASUBAG, "Materi kurang jelas, tambahkan dasar hukum"));
    assertThat(r.state().currentActivity()).hasValue(1);
    assertThat(r.state().revisions()).isEqualTo(1);
    assertThat(r.state().lastRejection()).contains("Materi kurang jelas, tambahkan dasar hukum");
    assertThat(r.state().runs().get(1).outcome()).contains(Outcome.REJECTED);
    r = run(new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.informasiHukum(Platform.TELEGRAM)));
    assertThat(r.state().currentActivity()).hasValue(2);
    assertThat(r.state().proposal().orElseThrow().platforms()).containsExactly(Platform.TELEGRAM);
    r = run(new CaseCommand.Reject(cmd(), id, KASUBAG, "Masih kurang"));
    assertThat(r.state().revisions()).isEqualTo(2);
    r = run(new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.produkHukum()));
    r = run(new CaseCommand.Approve(cmd(), id, KASUBAG, Optional.of("OK")));
    assertThat(r.state().currentActivity()).hasValue(3);
    assertThat(r.state().availableSince()).contains(clock.instant());
  }

  @Test
  void onlyTheExecutorRoleMayPerformAnActivity() {
    CaseRuleViolation v = refused(new CaseCommand.Propose(cmd(), id, STAF, Fixtures.produkHukum()));
    assertThat(v.rule()).isEqualTo(CaseRuleViolation.Rule.NOT_EXECUTOR);
    assertThat(v.code()).isEqualTo("JDIH-CASE-001");
    assertThat(v.activity()).hasValue(1);
    assertThat(v.text().id()).isEqualTo("Kasus kasus-1, kegiatan 1: Sari Staf (NIP 19900303 201503 1 003) tidak "
        + "memegang peran Kasubag Hukum, pelaksana kegiatan ini");
    assertThat(v.text().en()).isEqualTo("Case kasus-1, activity 1: Sari Staf (NIP 19900303 201503 1 003) does not "
        + "hold the role Kasubag Hukum that performs this activity");
    run(new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.produkHukum()));
    run(new CaseCommand.Approve(cmd(), id, KASUBAG, Optional.empty()));
    assertThat(refused(new CaseCommand.RecordMeeting(cmd(), id, OUTSIDER, Fixtures.meeting())).rule())
        .isEqualTo(CaseRuleViolation.Rule.NOT_EXECUTOR);
    // A person may hold several roles.
    Person both = Person.of("198001012006041001", "Rina Kasubag", ReferenceSop.KASUBAG_HUKUM,
        ReferenceSop.TIM_PEMBINA_TEKNIS);
    assertThat(run(new CaseCommand.RecordMeeting(cmd(), id, both, Fixtures.meeting())).state().currentActivity())
        .hasValue(4);
  }

  @Test
  void noActivityIsSkippedRepeatedOrDoneOutOfOrder() {
    run(new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.produkHukum()));
    CaseRuleViolation skip = refused(new CaseCommand.WriteCaption(cmd(), id, KASUBAG, Caption.of("teks")));
    assertThat(skip.rule()).isEqualTo(CaseRuleViolation.Rule.OUT_OF_ORDER);
    assertThat(skip.text().en()).contains("the current activity is activity 2 (APPROVAL)");
    CaseRuleViolation repeat = refused(new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.produkHukum()));
    assertThat(repeat.rule()).isEqualTo(CaseRuleViolation.Rule.OUT_OF_ORDER);
  }

  @Test
  void outputsAreRequiredAndValidated() {
    ContentProposal blank = new ContentProposal("Judul", Fixtures.produkHukum().category(), "  ", Optional.empty(),
        ImmutableSet.of());
    CaseRuleViolation v = refused(new CaseCommand.Propose(cmd(), id, KASUBAG, blank));
    assertThat(v.rule()).isEqualTo(CaseRuleViolation.Rule.INVALID_OUTPUT);
    assertThat(v.violations()).extracting(x -> x.path() + " " + x.rule())
        .containsExactly("proposal.material NotBlank", "proposal.platforms NotEmpty");
    assertThat(v.getMessage()).contains("proposal.material: wajib diisi", "proposal.material: is required");

    run(new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.produkHukum()));
    run(new CaseCommand.Approve(cmd(), id, KASUBAG, Optional.empty()));
    run(new CaseCommand.RecordMeeting(cmd(), id, TIM, Fixtures.meeting()));
    run(new CaseCommand.Summarize(cmd(), id, STAF, "Rangkuman"));
    MediaItem png = new MediaItem("sha256:" + Fixtures.sha(3), "image/png", 1080, 1080, 10_000, Fixtures.sha(3));
    CaseRuleViolation design = refused(new CaseCommand.AttachDesign(cmd(), id, TIM, List.of(png)));
    assertThat(design.violations()).extracting(Violation::path).containsExactly("items[0].mediaType");
    run(new CaseCommand.AttachDesign(cmd(), id, TIM, List.of(Fixtures.jpeg(1))));
    CaseRuleViolation caption = refused(new CaseCommand.WriteCaption(cmd(), id, KASUBAG, Caption.of("x".repeat(121))));
    assertThat(caption.violations()).extracting(x -> x.path() + " " + x.rule())
        .containsExactly("caption.text CaptionLength");
    CaseRuleViolation notTarget = refused(new CaseCommand.WriteCaption(cmd(), id, KASUBAG, new Caption("teks",
        ImmutableMap.of(Platform.TELEGRAM, "teks telegram"))));
    assertThat(notTarget.violations()).extracting(x -> x.path() + " " + x.rule())
        .containsExactly("caption.perPlatform[TELEGRAM] TargetPlatform");
    // A shorter caption for X alone is accepted; Instagram keeps the long one.
    CommandResult ok = run(new CaseCommand.WriteCaption(cmd(), id, KASUBAG, new Caption("x".repeat(300),
        ImmutableMap.of(Platform.X, "pendek"))));
    assertThat(ok.state().caption().orElseThrow().textFor(Platform.X)).isEqualTo("pendek");
    assertThat(ok.state().caption().orElseThrow().textFor(Platform.INSTAGRAM)).hasSize(300);
  }

  @Test
  void kelengkapanMustExist() {
    run(new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.produkHukum()));
    run(new CaseCommand.Approve(cmd(), id, KASUBAG, Optional.empty()));
    Meeting noProjector = new Meeting(Fixtures.meeting().date(), Fixtures.meeting().attendees(),
        Fixtures.meeting().conclusions(), Fixtures.minutes(), ImmutableSet.of("komputer-laptop"));
    CaseRuleViolation v = refused(new CaseCommand.RecordMeeting(cmd(), id, TIM, noProjector));
    assertThat(v.rule()).isEqualTo(CaseRuleViolation.Rule.MISSING_INPUT);
    assertThat(v.text().en()).endsWith("the required equipment 'Infocus' is not confirmed");

    // A variant without the meeting: the summary's minutes can never exist.
    SopDefinition noMeeting = ReferenceSop.definition().toBuilder()
        .identity(new SopIdentity("7 Tahun 2024", 0, LocalDate.of(2024, 1, 2),
            Optional.empty(), LocalDate.of(2024, 1, 2), ReferenceSop.definition().identity().approvedBy()))
        .remove(3).build();
    registry.register(noMeeting);
    Cases variant = TestCases.of(registry, noMeeting.key(), store, clock, rules);
    CaseId other = CaseId.of("kasus-2");
    variant.handleTrusted(new CaseCommand.Propose(cmd(), other, KASUBAG, Fixtures.produkHukum()));
    variant.handleTrusted(new CaseCommand.Approve(cmd(), other, KASUBAG, Optional.empty()));
    CaseRuleViolation missing = catchThrowableOfType(CaseRuleViolation.class,
        () -> variant.handleTrusted(new CaseCommand.Summarize(cmd(), other, STAF, "Rangkuman")));
    assertThat(missing.rule()).isEqualTo(CaseRuleViolation.Rule.MISSING_INPUT);
    assertThat(missing.text().id()).isEqualTo("Kasus kasus-2, kegiatan 3: kelengkapan 'Notulen Rapat' belum ada");
  }

  @Test
  void publicationCompletesWhenEveryTargetPlatformHasItsPost() {
    Instant t = clock.instant();
    List<CaseCommand> path = Fixtures.happyPath(id, Fixtures.produkHukum(), t);
    path.subList(0, 6).forEach(this::run);
    CommandResult x = run(new CaseCommand.RecordPublication(cmd(), id, STAF, List.of(Fixtures.post(Platform.X, t))));
    assertThat(x.state().status()).isEqualTo(CaseStatus.OPEN);
    assertThat(x.state().currentActivity()).hasValue(7);
    assertThat(x.state().pendingPlatforms()).containsExactly(Platform.INSTAGRAM);
    CaseRuleViolation again = refused(new CaseCommand.RecordPublication(cmd(), id, STAF,
        List.of(Fixtures.post(Platform.X, t))));
    assertThat(again.violations()).extracting(Violation::rule).containsExactly("AlreadyPublished");
    CaseRuleViolation foreign = refused(new CaseCommand.RecordPublication(cmd(), id, STAF,
        List.of(Fixtures.post(Platform.FACEBOOK, t))));
    assertThat(foreign.violations()).extracting(Violation::rule).containsExactly("TargetPlatform");
    CommandResult ig = run(new CaseCommand.RecordPublication(cmd(), id, STAF,
        List.of(Fixtures.post(Platform.INSTAGRAM, t))));
    assertThat(ig.state().status()).isEqualTo(CaseStatus.PUBLISHED);
    assertThat(ig.state().runs()).hasSize(7);
  }

  @Test
  void closedCasesAcceptNothingMore() {
    Fixtures.happyPath(id, Fixtures.informasiHukum(Platform.TELEGRAM), clock.instant()).forEach(this::run);
    assertThat(refused(new CaseCommand.Withdraw(cmd(), id, KASUBAG, "terlambat")).rule())
        .isEqualTo(CaseRuleViolation.Rule.CASE_CLOSED);

    CaseId w = CaseId.of("kasus-w");
    run(new CaseCommand.Propose(cmd(), w, KASUBAG, Fixtures.produkHukum()));
    assertThat(refused(new CaseCommand.Withdraw(cmd(), w, STAF, "bukan wewenang")).rule())
        .isEqualTo(CaseRuleViolation.Rule.NOT_ALLOWED);
    CommandResult r = run(new CaseCommand.Withdraw(cmd(), w, KASUBAG, "Produk hukum dicabut"));
    assertThat(r.state().status()).isEqualTo(CaseStatus.WITHDRAWN);
    assertThat(r.events().get(0).activity()).isEmpty();
    assertThat(r.state().withdrawalReason()).contains("Produk hukum dicabut");
    CaseRuleViolation closed = refused(new CaseCommand.Approve(cmd(), w, KASUBAG, Optional.empty()));
    assertThat(closed.rule()).isEqualTo(CaseRuleViolation.Rule.CASE_CLOSED);
    assertThat(closed.text().en()).isEqualTo("Case kasus-w: the case is withdrawn and accepts nothing more");
  }

  @Test
  void unknownCaseIsReported() {
    CaseRuleViolation v = refused(new CaseCommand.Approve(cmd(), CaseId.of("tidak-ada"), KASUBAG, Optional.empty()));
    assertThat(v.rule()).isEqualTo(CaseRuleViolation.Rule.UNKNOWN_CASE);
    assertThat(service.find(CaseId.of("tidak-ada"))).isEmpty();
  }

  @Test
  void repeatedCommandIdIsAppliedOnceAndAnsweredAsBefore() {
    CaseCommand propose = new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.produkHukum());
    CommandResult first = run(propose);
    CaseCommand approve = new CaseCommand.Approve(cmd(), id, KASUBAG, Optional.empty());
    CommandResult second = run(approve);
    CommandResult again = run(propose);
    assertThat(again.repeated()).isTrue();
    assertThat(again.events()).isEqualTo(first.events());
    assertThat(again.state()).isEqualTo(second.state());
    assertThat(store.version(id)).isEqualTo(2);
    assertThat(run(approve).events()).isEqualTo(second.events());
    // Even after the case closed, a repeat is answered, not refused.
    CaseCommand withdraw = new CaseCommand.Withdraw(cmd(), id, KASUBAG, "batal");
    run(withdraw);
    assertThat(run(withdraw).repeated()).isTrue();
  }

  @Test
  void malformedCommandIsRefusedAsSuch() {
    Person noName = new Person(Fixtures.KASUBAG.nip(), " ", ImmutableSet.of(ReferenceSop.KASUBAG_HUKUM));
    CaseRuleViolation v = refused(new CaseCommand.Propose(cmd(), id, noName, Fixtures.produkHukum()));
    assertThat(v.rule()).isEqualTo(CaseRuleViolation.Rule.INVALID_COMMAND);
    assertThat(v.violations()).extracting(Violation::path).containsExactly("actor.name");
  }

  @Test
  void variantWithSecondApprovalRunsWithoutCodeChanges() {
    SopDefinition v = Fixtures.secondApprovalVariant();
    registry.register(v);
    Person sekretaris = Person.of("197501012000031002", "Sekretaris", Fixtures.SEKRETARIS);
    Cases variant = TestCases.of(registry, v.key(), store, clock, rules);
    CaseId c = CaseId.of("varian-1");
    List<CaseCommand> path = Fixtures.happyPath(c, Fixtures.produkHukum(), clock.instant());
    path.subList(0, 6).forEach(variant::handleTrusted);
    ContentCase s = variant.get(c);
    assertThat(s.currentActivity()).hasValue(7);
    assertThat(v.activity(7).orElseThrow().kind()).isEqualTo(ActivityKind.APPROVAL);
    assertThat(catchThrowableOfType(CaseRuleViolation.class,
        () -> variant.handleTrusted(new CaseCommand.Approve(cmd(), c, KASUBAG, Optional.empty()))).rule())
        .isEqualTo(CaseRuleViolation.Rule.NOT_EXECUTOR);
    s = variant.handleTrusted(new CaseCommand.Reject(cmd(), c, sekretaris, "Desain kurang kontras")).state();
    assertThat(s.currentActivity()).hasValue(5);
    assertThat(s.revisions()).isEqualTo(1);
    variant.handleTrusted(new CaseCommand.AttachDesign(cmd(), c, TIM, List.of(Fixtures.jpeg(9))));
    variant.handleTrusted(new CaseCommand.WriteCaption(cmd(), c, KASUBAG, Caption.of("Keterangan baru")));
    variant.handleTrusted(new CaseCommand.Approve(cmd(), c, sekretaris, Optional.empty()));
    s = variant.handleTrusted(path.get(6)).state();
    assertThat(s.status()).isEqualTo(CaseStatus.PUBLISHED);
    assertThat(s.runs()).extracting(ActivityRun::activity).containsExactly(1, 2, 3, 4, 5, 6, 7, 5, 6, 7, 8);
    assertThat(store.load(c).get(0).sop()).isEqualTo(v.key());
    // The reference service still opens cases under the reference SOP.
    assertThat(service.definitionOf(c)).isEqualTo(v);
    assertThat(service.definitionOf(CaseId.of("baru"))).isEqualTo(ReferenceSop.definition());
  }
}
