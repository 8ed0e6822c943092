package id.go.kpu.jdih.runtime;

import static id.go.kpu.jdih.runtime.JdihRuntimeTest.RINA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.anchor.DigestVerifier;
import id.go.kpu.jdih.anchor.HeadDigest;
import id.go.kpu.jdih.anchor.HeadSeal;
import id.go.kpu.jdih.anchor.HeadSealException;
import id.go.kpu.jdih.anchor.HeadSigner;
import id.go.kpu.jdih.anchor.HmacSha256Signer;
import id.go.kpu.jdih.anchor.InMemorySealStore;
import id.go.kpu.jdih.anchor.SealStore;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.media.InMemoryMediaStore;
import id.go.kpu.jdih.notify.InMemoryPersonDirectory;
import id.go.kpu.jdih.notify.NotificationLedger;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.publish.OutboxStore;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.hash.InsiderRewrite;
import id.go.kpu.jdih.testkit.publish.FakePlatform;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.Principal;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Heads sealed with a key outside the database: the insider's rewrite that {@link HashChain#verify} accepts is
 * refused; a crash around the append leaves the case readable; another key is refused; the exported digest catches
 * rewriting, truncation and deletion, even by someone who later got the key.
 */
class HeadSealingTest {

  static final byte[] KEY = "0123456789abcdef0123456789abcdef-test-key".getBytes(StandardCharsets.US_ASCII);
  static final HeadSigner SIGNER = new HmacSha256Signer("kpu-test-1", KEY);

  final MutableClock clock = MutableClock.at("2024-03-04T02:00:00Z");
  final InMemoryPersonDirectory directory = JdihRuntimeTest.directory();
  final InMemoryMediaStore media = new InMemoryMediaStore();
  final FakePlatform instagram = new FakePlatform(Platform.INSTAGRAM, clock, Duration.ZERO, 1);
  final FakePlatform x = new FakePlatform(Platform.X, clock, Duration.ZERO, 2);
  final InMemorySealStore seals = new InMemorySealStore();
  final Rigged storage = new Rigged();

  Jdih sealed(HeadSigner signer, SealStore store) {
    return Jdih.builder().actors(directory).storage(storage).media(media).clock(clock).platform(instagram)
        .platform(x).publishAs(JdihRuntimeTest.OUTBOX).sealWith(signer, store).build();
  }

  Jdih sealed() {
    return sealed(SIGNER, seals);
  }

  Jdih unsealed() {
    return Jdih.builder().actors(directory).storage(storage).media(media).clock(clock).platform(instagram)
        .platform(x).publishAs(JdihRuntimeTest.OUTBOX).build();
  }

  /** The insider's rewrite of the issue: the approver's name changed, every hash after it recomputed. */
  void renameTheApprover(CaseId id) {
    storage.rewrite(id, events -> InsiderRewrite.renameActor(events, 1, "Dodi Pejabat Lain"));
    assertThat(storage.cases().load(id).get(1).actor().name()).isEqualTo("Dodi Pejabat Lain");
    assertThat(HashChain.verify(storage.cases().load(id))).as("the rewritten chain verifies").isEmpty();
  }

  @Test
  void everyCommandSealsItsHeadAndASealedCaseRunsToItsPosts() {
    Jdih jdih = sealed();
    CaseId id = CaseId.of("bersegel");
    JdihRuntimeTest.upToCaption(jdih, id);
    List<RecordedEvent> history = storage.cases().load(id);
    assertThat(seals.find(id, history.size())).singleElement().satisfies(s -> {
      assertThat(s.headHash()).isEqualTo(HashChain.head(history));
      assertThat(s.keyId()).isEqualTo("kpu-test-1");
      assertThat(s.verifiedBy(SIGNER)).isTrue();
    });
    assertThat(seals.find(id, 1)).as("older seals are dropped").isEmpty();
    jdih.runDue(clock.instant());
    assertThat(instagram.posts()).hasSize(1);
    assertThat(x.posts()).hasSize(1);
    Jdih restarted = sealed(); // a new process verifies in full, seal included
    assertThat(restarted.cases().get(id).pendingPlatforms()).isEmpty();
  }

  @Test
  void theInsidersRewriteVerifiesAsAChainButIsRefusedByTheSeal() {
    CaseId id = CaseId.of("ditulis-ulang");
    JdihRuntimeTest.upToCaption(sealed(), id);
    renameTheApprover(id);
    // without sealing, the rewrite passes (this is the issue)
    assertThat(unsealed().cases().get(id).id()).isEqualTo(id);
    Jdih restarted = sealed();
    HeadSealException e = catchThrowableOfType(HeadSealException.class,
        () -> restarted.cases().as(Principal.of(Fixtures.KASUBAG.nip())).withdraw(CommandId.random(), id, "x"));
    assertThat(e.code()).isEqualTo("JDIH-CASE-011");
    assertThat(e.caseId()).isEqualTo(id);
    assertThat(e.sequence()).isEqualTo(6);
    assertThat(e.problem()).isEqualTo(HeadSealException.Problem.NO_SEAL);
    assertThat(e.getMessage()).contains("rewritten with database access", "ditulis ulang");
    assertThatThrownBy(() -> restarted.cases().get(id)).isInstanceOf(HeadSealException.class);
    // nothing of it is published
    restarted.runDue(clock.instant());
    assertThat(instagram.posts()).isEmpty();
    assertThat(x.posts()).isEmpty();
    assertThat(restarted.outbox().intents(id)).allSatisfy(s -> {
      assertThat(s.status()).isEqualTo(IntentStatus.FAILED);
      assertThat(s.problem().orElseThrow().code()).isEqualTo("JDIH-CASE-011");
    });
  }

  @Test
  void aRewriteIsRefusedByARuntimeThatVerifiedTheCaseBefore() {
    Jdih jdih = sealed();
    CaseId id = CaseId.of("dalam-cache");
    JdihRuntimeTest.upToCaption(jdih, id);
    renameTheApprover(id); // the head hash changes, so the cached state no longer matches and all is verified
    assertThatThrownBy(() -> jdih.cases().get(id)).isInstanceOf(HeadSealException.class);
  }

  @Test
  void eventsForgedOntoTheHeadAreRefused() {
    Jdih jdih = sealed();
    CaseId id = CaseId.of("ditambah");
    jdih.cases().as(RINA).propose(CommandId.random(), id, Fixtures.informasiHukum(Platform.X));
    // the insider appends an approval, correctly chained and hashed, with SQL
    storage.rewrite(id, events -> {
      RecordedEvent last = events.get(events.size() - 1);
      RecordedEvent forged = RecordedEvent.create(id, 2, last.sop(), CommandId.random(), Optional.of(RINA),
          Fixtures.KASUBAG, clock.instant(), OptionalInt.of(1), new CaseEvent.Approved(Optional.empty()),
          last.hash());
      return ImmutableList.<RecordedEvent>builder().addAll(events).add(forged).build();
    });
    assertThat(HashChain.verify(storage.cases().load(id))).isEmpty();
    assertThat(catchThrowableOfType(HeadSealException.class, () -> sealed().cases().get(id)).problem())
        .isEqualTo(HeadSealException.Problem.NO_SEAL);
  }

  @Test
  void anotherKeyIsRefusedAndASealWithAForgedTagToo() {
    CaseId id = CaseId.of("kunci-lain");
    JdihRuntimeTest.upToCaption(sealed(), id);
    byte[] other = Arrays.copyOf(KEY, KEY.length);
    other[0] ^= 1;
    Jdih wrongKey = sealed(new HmacSha256Signer("kpu-test-1", other), seals);
    assertThat(catchThrowableOfType(HeadSealException.class, () -> wrongKey.cases().get(id)).problem())
        .isEqualTo(HeadSealException.Problem.BAD_TAG);
    // the insider rewrites and writes a seal for the new head, with a tag they had to guess
    renameTheApprover(id);
    List<RecordedEvent> rewritten = storage.cases().load(id);
    seals.put(new HeadSeal(id, rewritten.size(), HashChain.head(rewritten), "kpu-test-1", "00".repeat(32)), 0);
    assertThat(catchThrowableOfType(HeadSealException.class, () -> sealed().cases().get(id)).problem())
        .isEqualTo(HeadSealException.Problem.BAD_TAG);
  }

  @Test
  void aCrashAfterTheEventsAreStoredLeavesTheCaseReadable() {
    Jdih jdih = sealed();
    CaseId id = CaseId.of("mati-setelah-simpan");
    jdih.cases().as(RINA).propose(CommandId.random(), id, Fixtures.informasiHukum(Platform.X));
    // the process dies after the events reached the store, before the command returned
    storage.failAfterAppend = true;
    assertThatThrownBy(() -> jdih.cases().as(RINA).approve(CommandId.random(), id, Optional.empty()))
        .hasMessageContaining("power cut");
    storage.failAfterAppend = false;
    assertThat(storage.cases().load(id)).hasSize(2);
    Jdih restarted = sealed(); // the seal was stored before the append: nothing to repair
    assertThat(restarted.cases().get(id).version()).isEqualTo(2);
    restarted.cases().as(JdihRuntimeTest.BUDI).recordMeeting(CommandId.random(), id, java.time.LocalDate.of(2024, 3,
        4), List.of("Rina"), "Infografis", DocumentUpload.of("n.txt", "text/plain", new byte[] {1}),
        java.util.Set.of("infocus", "komputer-laptop"));
    assertThat(restarted.cases().get(id).version()).isEqualTo(3);
  }

  @Test
  void aCrashBeforeTheAppendLeavesOnlyAHarmlessSeal() {
    Jdih jdih = sealed();
    CaseId id = CaseId.of("mati-sebelum-simpan");
    jdih.cases().as(RINA).propose(CommandId.random(), id, Fixtures.informasiHukum(Platform.X));
    storage.failBeforeAppend = true;
    assertThatThrownBy(() -> jdih.cases().as(RINA).approve(CommandId.random(), id, Optional.empty()))
        .hasMessageContaining("power cut");
    storage.failBeforeAppend = false;
    assertThat(storage.cases().load(id)).hasSize(1);
    assertThat(seals.find(id, 2)).as("the seal of a head that was never stored").hasSize(1);
    Jdih restarted = sealed();
    assertThat(restarted.cases().get(id).version()).isEqualTo(1);
    restarted.cases().as(RINA).approve(CommandId.random(), id, Optional.empty());
    assertThat(restarted.cases().get(id).version()).isEqualTo(2);
    assertThat(seals.find(id, 2)).as("the unused seal and the real one").hasSize(2);
    assertThat(sealed().cases().get(id).version()).isEqualTo(2);
  }

  @Test
  void existingCasesAreRefusedUntilSealedOnceWhenSealingIsTurnedOn() {
    CaseId id = CaseId.of("lama");
    JdihRuntimeTest.upToCaption(unsealed(), id);
    Jdih jdih = sealed();
    assertThat(catchThrowableOfType(HeadSealException.class, () -> jdih.cases().get(id)).problem())
        .isEqualTo(HeadSealException.Problem.NO_SEAL);
    assertThat(jdih.sealCurrentHead(id)).get().extracting(HeadSeal::sequence).isEqualTo(6L);
    assertThat(jdih.cases().get(id).version()).isEqualTo(6);
    assertThatThrownBy(() -> unsealed().sealCurrentHead(id)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theExportedDigestCatchesRewritingTruncationAndDeletionEvenWithALeakedKey() {
    Jdih jdih = sealed();
    CaseId a = CaseId.of("a-ditulis-ulang");
    CaseId b = CaseId.of("b-dipotong");
    CaseId c = CaseId.of("c-dihapus");
    CaseId d = CaseId.of("d-utuh");
    for (CaseId id : List.of(a, b, c, d)) {
      JdihRuntimeTest.upToCaption(jdih, id);
    }
    List<JdihException> refused = new ArrayList<>();
    HeadDigest digest = jdih.headDigest(clock.instant(), refused::add);
    assertThat(refused).isEmpty();
    assertThat(digest.heads()).extracting(HeadDigest.Head::caseId).containsExactly(a, b, c, d);
    String exported = digest.text(); // what the DigestSink wrote where the database administrator cannot
    HeadDigest read = HeadDigest.parse(exported);
    assertThat(read).isEqualTo(digest);
    assertThat(jdih.verifyDigest(read)).isEmpty();
    // d goes on after the digest: fine
    jdih.cases().as(Principal.of(Fixtures.KASUBAG.nip())).withdraw(CommandId.random(), d, "ditarik");
    // the insider holds the database and, later, the key: rewrites a and reseals it, truncates b, deletes c
    renameTheApprover(a);
    jdih.sealCurrentHead(a); // as good as holding the key
    storage.rewrite(b, events -> events.subList(0, 3));
    jdih.sealCurrentHead(b);
    storage.rewrite(c, events -> List.of());
    assertThat(sealed().cases().get(a).version()).as("the seals are fooled").isEqualTo(6);
    assertThat(jdih.verifyDigest(read)).containsExactlyInAnyOrder(
        new DigestVerifier.Finding(Optional.of(a), DigestVerifier.Problem.REWRITTEN),
        new DigestVerifier.Finding(Optional.of(b), DigestVerifier.Problem.TRUNCATED),
        new DigestVerifier.Finding(Optional.of(c), DigestVerifier.Problem.CASE_MISSING));
    // the exported digest itself cannot be changed to match without the key
    String forged = exported.replace(digest.heads().get(0).headHash(), HashChain.head(storage.cases().load(a)));
    assertThat(jdih.verifyDigest(HeadDigest.parse(forged)))
        .contains(new DigestVerifier.Finding(Optional.empty(), DigestVerifier.Problem.DIGEST_NOT_SIGNED))
        .doesNotContain(new DigestVerifier.Finding(Optional.of(a), DigestVerifier.Problem.REWRITTEN));
  }

  @Test
  void theDigestLeavesOutAndReportsACaseTheRuntimeRefuses() {
    Jdih jdih = sealed();
    CaseId good = CaseId.of("baik");
    CaseId bad = CaseId.of("buruk");
    JdihRuntimeTest.upToCaption(jdih, good);
    JdihRuntimeTest.upToCaption(jdih, bad);
    renameTheApprover(bad);
    List<JdihException> refused = new ArrayList<>();
    HeadDigest digest = jdih.headDigest(clock.instant(), refused::add);
    assertThat(digest.heads()).extracting(HeadDigest.Head::caseId).containsExactly(good);
    assertThat(refused).singleElement().extracting(JdihException::code).isEqualTo("JDIH-CASE-011");
  }

  /** In-memory storage an insider can rewrite, and that can die just before or just after an append. */
  static final class Rigged implements Storage {
    final InMemoryStorage inner = new InMemoryStorage();
    final Map<CaseId, List<RecordedEvent>> rewritten = new ConcurrentHashMap<>();
    volatile boolean failBeforeAppend;
    volatile boolean failAfterAppend;

    void rewrite(CaseId id, UnaryOperator<List<RecordedEvent>> change) {
      rewritten.put(id, List.copyOf(change.apply(cases.load(id))));
    }

    final CaseStore cases = new CaseStore() {
      @Override
      public ImmutableList<RecordedEvent> load(CaseId id) {
        List<RecordedEvent> r = rewritten.get(id);
        return r != null ? ImmutableList.copyOf(r) : inner.cases().load(id);
      }

      @Override
      public long append(CaseId id, long expectedVersion, List<RecordedEvent> events) {
        throw new UnsupportedOperationException();
      }

      @Override
      public long version(CaseId id) {
        return load(id).size();
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
      if (failBeforeAppend) {
        throw new IllegalStateException("power cut before the append");
      }
      if (rewritten.containsKey(id)) {
        throw new IllegalStateException("the test does not append to a rewritten case");
      }
      inner.append(id, expectedVersion, events, intents);
      if (failAfterAppend) {
        throw new IllegalStateException("power cut after the append");
      }
    }
  }
}
