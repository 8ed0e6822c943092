package id.go.kpu.jdih.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.actor.UnknownActorException;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.media.InMemoryMediaStore;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.InMemoryPersonDirectory;
import id.go.kpu.jdih.notify.NotificationLedger;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.publish.MediaCheck;
import id.go.kpu.jdih.publish.OutboxStore;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.publish.FakePlatform;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseRuleViolation;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.Principal;
import id.go.kpu.jdih.workflow.RecordedEvent;
import id.go.kpu.jdih.workflow.TamperedHistoryException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The runtime end to end on in-memory storage: roles from the directory, the outbox, verification, media. */
class JdihRuntimeTest {

  static final Principal RINA = Principal.of("198001012006041001");
  static final Principal BUDI = Principal.of("budi.santoso"); // a login alias, not a NIP
  static final Principal SARI = Principal.of("199003032015031003");
  static final Principal OUTBOX = Principal.of("akun-unggah");
  static final byte[] JPEG = "not really a jpeg, but bytes with a hash".getBytes(StandardCharsets.UTF_8);

  final MutableClock clock = MutableClock.at("2024-03-04T02:00:00Z");
  final InMemoryPersonDirectory directory = directory();
  final InMemoryMediaStore media = new InMemoryMediaStore();
  final FakePlatform instagram = new FakePlatform(Platform.INSTAGRAM, clock, Duration.ZERO, 1);
  final FakePlatform x = new FakePlatform(Platform.X, clock, Duration.ZERO, 2);

  static InMemoryPersonDirectory directory() {
    InMemoryPersonDirectory d = new InMemoryPersonDirectory();
    d.put(Contact.of(Fixtures.KASUBAG));
    d.put(Contact.of(Fixtures.TIM));
    d.put(Contact.of(Fixtures.STAF));
    d.put(Contact.of(Person.of("199912122020121001", "Akun Unggah JDIH", ReferenceSop.STAF)));
    d.alias(BUDI, Fixtures.TIM.nip());
    d.alias(OUTBOX, Nip.of("199912122020121001"));
    return d;
  }

  Jdih runtime(Storage storage) {
    return Jdih.builder().actors(directory).storage(storage).media(media).clock(clock).platform(instagram)
        .platform(x).publishAs(OUTBOX).build();
  }

  /** Runs a case up to its caption through the principals' commands. */
  static void upToCaption(Jdih jdih, CaseId id) {
    jdih.cases().as(RINA).propose(CommandId.random(), id, Fixtures.informasiHukum(Platform.INSTAGRAM, Platform.X));
    jdih.cases().as(RINA).approve(CommandId.random(), id, Optional.empty());
    jdih.cases().as(BUDI).recordMeeting(CommandId.random(), id, LocalDate.of(2024, 3, 4),
        List.of("Rina", "Budi"), "Infografis 4:5", DocumentUpload.of("notulen.txt", "text/plain",
            "notulen rapat".getBytes(StandardCharsets.UTF_8)), Set.of("infocus", "komputer-laptop"));
    jdih.cases().as(SARI).summarize(CommandId.random(), id, "Rangkuman: infografis 4:5.");
    jdih.cases().as(BUDI).uploadDesign(CommandId.random(), id, List.of(ImageUpload.of("image/jpeg", JPEG, 1080,
        1350)));
    jdih.cases().as(RINA).writeCaption(CommandId.random(), id, new Caption("Tahukah kamu? #JDIH",
        ImmutableMap.of(Platform.X, "Tahukah kamu? (X)")));
  }

  @Test
  void rolesComeFromTheDirectoryAtEachCommandAndAreRecordedWithThePrincipal() {
    Jdih jdih = runtime(new InMemoryStorage());
    CaseId id = CaseId.of("peran");
    // Budi (Tim) cannot propose: the directory says he does not hold Kasubag Hukum
    CaseRuleViolation refused = catchThrowableOfType(CaseRuleViolation.class, () -> jdih.cases().as(BUDI)
        .propose(CommandId.random(), id, Fixtures.informasiHukum(Platform.X)));
    assertThat(refused.code()).isEqualTo("JDIH-CASE-001");
    assertThat(jdih.cases().find(id)).isEmpty();
    // the directory gives him the role: the next command works at once
    directory.put(Contact.of(Person.of(Fixtures.TIM.nip(), "Budi Tim", ImmutableSet.of(ReferenceSop.TIM_PEMBINA_TEKNIS,
        ReferenceSop.KASUBAG_HUKUM))));
    jdih.cases().as(BUDI).propose(CommandId.random(), id, Fixtures.informasiHukum(Platform.X));
    RecordedEvent first = jdih.cases().history(id).get(0);
    assertThat(first.principal()).contains(BUDI);
    assertThat(first.actor().nip()).isEqualTo(Fixtures.TIM.nip());
    assertThat(first.actor().roles()).containsExactlyInAnyOrder(ReferenceSop.TIM_PEMBINA_TEKNIS,
        ReferenceSop.KASUBAG_HUKUM);
    // ... and taken away again: refused again
    directory.put(Contact.of(Fixtures.TIM));
    assertThat(catchThrowableOfType(CaseRuleViolation.class, () -> jdih.cases().as(BUDI)
        .approve(CommandId.random(), id, Optional.empty())).code()).isEqualTo("JDIH-CASE-001");
    // an unknown principal is refused before anything is decided
    UnknownActorException unknown = catchThrowableOfType(UnknownActorException.class, () -> jdih.cases()
        .as(Principal.of("tamu")).approve(CommandId.random(), id, Optional.empty()));
    assertThat(unknown.code()).isEqualTo("JDIH-ACTOR-001");
    assertThat(unknown.getMessage()).contains("tamu", "not in the personnel directory");
    assertThat(jdih.cases().history(id)).hasSize(1);
    // the low-level path takes the roles in the command as given, and records no principal
    jdih.cases().handleTrusted(new CaseCommand.Approve(CommandId.random(), id, Fixtures.KASUBAG, Optional.empty()));
    assertThat(jdih.cases().history(id).get(1).principal()).isEmpty();
  }

  @Test
  void intentsAreRecordedWithTheEventThatMadeTheCaseReadyAndDeliveredByRunDue() {
    Jdih jdih = runtime(new InMemoryStorage());
    CaseId id = CaseId.of("terbit");
    upToCaption(jdih, id);
    // no requestPublication: the caption's append recorded one intent per platform
    ImmutableList<IntentState> intents = jdih.outbox().intents(id);
    assertThat(intents).extracting(s -> s.intent().platform()).containsExactly(Platform.INSTAGRAM, Platform.X);
    assertThat(intents).allSatisfy(s -> {
      assertThat(s.status()).isEqualTo(IntentStatus.PENDING);
      assertThat(s.intent().requestedBy()).isEqualTo(Fixtures.KASUBAG);
    });
    assertThat(intents.get(1).intent().text()).isEqualTo("Tahukah kamu? (X)");
    RunReport run = jdih.runDue(clock.instant());
    assertThat(run.intentsRecovered()).isZero();
    assertThat(instagram.posts()).hasSize(1);
    assertThat(x.posts()).hasSize(1);
    ContentCase done = jdih.cases().get(id);
    assertThat(done.status()).isEqualTo(CaseStatus.PUBLISHED);
    // the posts are recorded as the publishing account, which the directory says holds Staf
    List<RecordedEvent> history = jdih.cases().history(id);
    RecordedEvent last = history.get(history.size() - 1);
    assertThat(last.payload()).isInstanceOf(CaseEvent.PublicationRecorded.class);
    assertThat(last.principal()).contains(OUTBOX);
    assertThat(last.actor().roles()).containsExactly(ReferenceSop.STAF);
    // again: nothing more is sent
    jdih.runDue(clock.instant());
    assertThat(instagram.posts()).hasSize(1);
    assertThat(x.posts()).hasSize(1);
    assertThat(HashChain.verify(history)).isEmpty();
  }

  @Test
  void aTamperedCaptionStopsEveryCommandAndNothingIsPublished() {
    Tamperable storage = new Tamperable();
    Jdih writer = runtime(storage);
    CaseId id = CaseId.of("dirusak");
    upToCaption(writer, id);
    // someone with database access changes the caption (event 6: the original proposal, approval, meeting,
    // summary, design, then the caption)
    storage.tamper = events -> {
      List<RecordedEvent> copy = new ArrayList<>(events);
      RecordedEvent e = copy.get(5);
      copy.set(5, new RecordedEvent(e.caseId(), e.sequence(), e.sop(), e.commandId(), e.principal(), e.actor(),
          e.at(), e.activity(), new CaseEvent.CaptionWritten(Caption.of("Pesan palsu")), e.previousHash(), e.hash(),
          e.hashFormat()));
      return copy;
    };
    Jdih restarted = runtime(storage); // a new process: no state cached from before the change
    TamperedHistoryException e = catchThrowableOfType(TamperedHistoryException.class,
        () -> restarted.cases().as(Principal.of(Fixtures.KASUBAG.nip())).withdraw(CommandId.random(), id, "x"));
    assertThat(e.code()).isEqualTo("JDIH-CASE-010");
    assertThat(e.caseId()).isEqualTo(id);
    assertThat(e.sequence()).isEqualTo(6);
    assertThat(e.reason()).isEqualTo(HashChain.Reason.ALTERED);
    assertThat(e.getMessage()).contains("event 6", "the event was altered");
    assertThatThrownBy(() -> restarted.cases().get(id)).isInstanceOf(TamperedHistoryException.class);
    restarted.runDue(clock.instant());
    assertThat(instagram.posts()).isEmpty();
    assertThat(x.posts()).isEmpty();
    assertThat(restarted.outbox().intents(id)).allSatisfy(s -> {
      assertThat(s.status()).isEqualTo(IntentStatus.FAILED);
      assertThat(s.problem().orElseThrow().code()).isEqualTo("JDIH-CASE-010");
    });
  }

  @Test
  void aMissingDesignFileStopsThePublication() {
    Jdih jdih = runtime(new InMemoryStorage());
    CaseId id = CaseId.of("tanpa-berkas");
    upToCaption(jdih, id);
    MediaItem item = jdih.cases().get(id).design().get(0);
    assertThat(media.remove(item.fileRef())).isTrue();
    jdih.runDue(clock.instant());
    assertThat(instagram.posts()).isEmpty();
    assertThat(x.posts()).isEmpty();
    assertThat(jdih.outbox().intents(id)).allSatisfy(s -> {
      assertThat(s.status()).isEqualTo(IntentStatus.FAILED);
      assertThat(s.problem().orElseThrow().code()).isEqualTo(MediaCheck.CODE);
      assertThat(s.problem().orElseThrow().text().en()).contains("is missing from the media store",
          "Restore the file");
    });
    assertThat(jdih.cases().get(id).status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void aDesignByReferenceMustBeInTheMediaStoreAndARefusedUploadStoresNothing() {
    Jdih jdih = runtime(new InMemoryStorage());
    CaseId id = CaseId.of("desain");
    jdih.cases().as(RINA).propose(CommandId.random(), id, Fixtures.informasiHukum(Platform.INSTAGRAM));
    jdih.cases().as(RINA).approve(CommandId.random(), id, Optional.empty());
    int before = media.size();
    // the meeting comes first: a design now is out of order, and its upload is not stored
    CaseRuleViolation early = catchThrowableOfType(CaseRuleViolation.class, () -> jdih.cases().as(BUDI)
        .uploadDesign(CommandId.random(), id, List.of(ImageUpload.of("image/jpeg", JPEG, 1080, 1350))));
    assertThat(early.code()).isEqualTo("JDIH-CASE-002");
    assertThat(media.size()).isEqualTo(before);
    // minutes by reference that the store does not hold
    CaseRuleViolation missing = catchThrowableOfType(CaseRuleViolation.class, () -> jdih.cases().as(BUDI)
        .recordMeeting(CommandId.random(), id, Fixtures.meeting()));
    assertThat(missing.code()).isEqualTo("JDIH-CASE-003");
    assertThat(missing.violations()).extracting(v -> v.path() + " " + v.rule())
        .containsExactly("meeting.minutes.fileRef MediaStored");
    assertThat(jdih.cases().history(id)).hasSize(2);
    jdih.cases().as(BUDI).recordMeeting(CommandId.random(), id, LocalDate.of(2024, 3, 4), List.of("Budi"),
        "Infografis", DocumentUpload.of("notulen.txt", "text/plain", new byte[] {1, 2, 3}),
        Set.of("infocus", "komputer-laptop"));
    jdih.cases().as(SARI).summarize(CommandId.random(), id, "Rangkuman");
    CaseRuleViolation byRef = catchThrowableOfType(CaseRuleViolation.class, () -> jdih.cases().as(BUDI)
        .attachDesign(CommandId.random(), id, List.of(Fixtures.jpeg(3))));
    assertThat(byRef.violations()).extracting(v -> v.path() + " " + v.rule())
        .containsExactly("items[0].fileRef MediaStored");
    // a design refused by a platform rule (too small for Instagram) stores nothing either
    int stored = media.size();
    CaseRuleViolation small = catchThrowableOfType(CaseRuleViolation.class, () -> jdih.cases().as(BUDI)
        .uploadDesign(CommandId.random(), id, List.of(ImageUpload.of("image/jpeg", new byte[] {9}, 100, 100))));
    assertThat(small.code()).isEqualTo("JDIH-CASE-003");
    assertThat(media.size()).isEqualTo(stored);
    // accepted: stored, and referable
    jdih.cases().as(BUDI).uploadDesign(CommandId.random(), id, List.of(ImageUpload.of("image/jpeg", JPEG, 1080,
        1350)));
    assertThat(media.size()).isEqualTo(stored + 1);
    MediaItem item = jdih.cases().get(id).design().get(0);
    assertThat(media.find(item.fileRef())).isPresent();
  }

  @Test
  void casesThatReachedTheUploadBeforeThisVersionGetTheirIntentsAtTheFirstRun() {
    InMemoryStorage storage = new InMemoryStorage();
    CaseId id = CaseId.of("lama");
    // written as an older version would: events only, through the case store itself
    Jdih old = Jdih.builder().actors(directory).storage(new Storage() {
      @Override
      public CaseStore cases() {
        return storage.cases();
      }

      @Override
      public OutboxStore outbox() {
        return storage.outbox();
      }

      @Override
      public NotificationLedger notifications() {
        return storage.notifications();
      }

      @Override
      public void append(CaseId c, long v, List<RecordedEvent> events, List<IntentState> intents) {
        storage.cases().append(c, v, events);
      }
    }).media(media).clock(clock).build();
    upToCaption(old, id);
    assertThat(storage.outbox().forCase(id)).isEmpty();
    Jdih jdih = runtime(storage);
    RunReport run = jdih.runDue(clock.instant());
    assertThat(run.intentsRecovered()).isEqualTo(2);
    assertThat(jdih.cases().get(id).status()).isEqualTo(CaseStatus.PUBLISHED);
    assertThat(jdih.runDue(clock.instant()).intentsRecovered()).isZero();
  }

  @Test
  void startRunsPassesOnTheCallersExecutorUntilClosed() throws Exception {
    Jdih jdih = Jdih.builder().actors(directory).media(media).clock(clock).platform(instagram).platform(x)
        .publishAs(OUTBOX).runEvery(Duration.ofMillis(20)).build();
    CaseId id = CaseId.of("terjadwal");
    upToCaption(jdih, id);
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      jdih.start(executor);
      assertThatThrownBy(() -> jdih.start(executor)).isInstanceOf(IllegalStateException.class);
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (jdih.cases().get(id).status() != CaseStatus.PUBLISHED && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      assertThat(jdih.cases().get(id).status()).isEqualTo(CaseStatus.PUBLISHED);
      jdih.close();
      assertThatThrownBy(() -> jdih.runDue(clock.instant())).isInstanceOf(IllegalStateException.class);
      assertThat(executor.isShutdown()).isFalse();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void withoutAPublishingAccountThePostWaitsUntilOneIsConfigured() {
    InMemoryStorage storage = new InMemoryStorage();
    Jdih unconfigured = Jdih.builder().actors(directory).storage(storage).media(media).clock(clock)
        .platform(instagram).platform(x).build();
    CaseId id = CaseId.of("tanpa-akun");
    upToCaption(unconfigured, id);
    unconfigured.runDue(clock.instant());
    // published once, but Rina (who wrote the caption) does not hold Staf, so the SOP refuses to record it as hers
    assertThat(instagram.posts()).hasSize(1);
    assertThat(unconfigured.outbox().intents(id)).allSatisfy(s -> {
      assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
      assertThat(s.caseRecorded()).isFalse();
      assertThat(s.problem().orElseThrow().code()).isEqualTo("JDIH-CASE-001");
    });
    assertThat(unconfigured.cases().get(id).status()).isEqualTo(CaseStatus.OPEN);
    Jdih configured = runtime(storage);
    clock.advance(Duration.ofHours(1));
    configured.runDue(clock.instant());
    assertThat(configured.cases().get(id).status()).isEqualTo(CaseStatus.PUBLISHED);
    assertThat(instagram.posts()).hasSize(1);
    assertThat(x.posts()).hasSize(1);
  }

  @Test
  void theBuilderNeedsADirectory() {
    assertThatThrownBy(() -> Jdih.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("actors");
    assertThat(Jdih.builder().actors(p -> Optional.empty()).build().cases().find(CaseId.of("x"))).isEmpty();
  }

  /** In-memory storage whose reads can be tampered with, as someone with access to the database would. */
  static final class Tamperable implements Storage {
    final InMemoryStorage inner = new InMemoryStorage();
    volatile UnaryOperator<List<RecordedEvent>> tamper = UnaryOperator.identity();
    final CaseStore cases = new CaseStore() {
      @Override
      public ImmutableList<RecordedEvent> load(CaseId id) {
        return ImmutableList.copyOf(tamper.apply(inner.cases().load(id)));
      }

      @Override
      public long append(CaseId id, long expectedVersion, List<RecordedEvent> events) {
        return inner.cases().append(id, expectedVersion, events);
      }

      @Override
      public long version(CaseId id) {
        return inner.cases().version(id);
      }

      @Override
      public Stream<CaseId> caseIds() {
        return inner.cases().caseIds();
      }
    };

    @Override
    public CaseStore cases() {
      return cases;
    }

    @Override
    public OutboxStore outbox() {
      return inner.outbox();
    }

    @Override
    public NotificationLedger notifications() {
      return inner.notifications();
    }

    @Override
    public void append(CaseId id, long expectedVersion, List<RecordedEvent> events, List<IntentState> intents) {
      inner.append(id, expectedVersion, events, intents);
    }
  }
}
