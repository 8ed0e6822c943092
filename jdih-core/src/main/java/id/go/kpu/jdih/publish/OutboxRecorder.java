package id.go.kpu.jdih.publish;

import id.go.kpu.jdih.anchor.HeadSealException;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.workflow.Actor;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseRuleViolation;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.PlatformPost;
import id.go.kpu.jdih.workflow.TamperedHistoryException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording part of the outbox: the checks before any send (the case verifies, still waits for this post,
 * matches the intent, and every media file is in the store), marking an intent published, and recording the post
 * on its case as the configured performer. Thread-safe.
 */
final class OutboxRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

  private final OutboxCases cases;
  private final Function<PublicationIntent, Optional<Actor>> recorder;
  private final @Nullable MediaStore media; // without one, the files are not checked
  private final IntentSteps steps;
  private final Clock clock;
  private final OutboxPolicy policy;

  OutboxRecorder(OutboxCases cases, Function<PublicationIntent, Optional<Actor>> recorder, @Nullable MediaStore media,
      IntentSteps steps) {
    this.cases = cases;
    this.recorder = recorder;
    this.media = media;
    this.steps = steps;
    this.clock = steps.clock;
    this.policy = steps.policy;
  }

  /**
   * Why the intent must not be sent, if anything: the case's history does not verify, the case is no longer at its
   * upload activity (withdrawn, say), the intent's text or media are no longer the case's caption and design (the
   * outbox was changed outside the library), or a media file is missing from the media store or altered. Checked
   * before every send, so nothing tampered with or incomplete is ever published.
   */
  Optional<Problem> preflight(PublicationIntent intent) {
    Instant now = clock.instant();
    ContentCase c;
    try {
      c = cases.get(intent.caseId());
    } catch (TamperedHistoryException | HeadSealException e) {
      return Optional.of(new Problem(FailureKind.REJECTED, e.code(), e.text(), now));
    }
    if (!PublicationIntents.atUpload(cases.definitionOf(intent.caseId()), c)
        || !c.pendingPlatforms().contains(intent.platform())) {
      return Optional.of(new Problem(FailureKind.REJECTED, "NOT-AT-UPLOAD", Text.of(
          "Kasus %s tidak lagi menunggu unggahan ke %s (status %s); tidak dikirim",
          "Case %s no longer waits for its upload to %s (status %s); not sent").format(intent.caseId(),
          intent.platform().displayName(), c.status()), now));
    }
    boolean sameText = c.caption().map(cap -> cap.textFor(intent.platform()).equals(intent.text())).orElse(false);
    if (!sameText || !c.design().equals(intent.media())) {
      return Optional.of(new Problem(FailureKind.REJECTED, "INTENT-ALTERED", Text.of(
          "Isi niat terbit %s tidak lagi sama dengan keterangan dan desain kasus %s (diubah di luar aplikasi); tidak "
              + "dikirim",
          "Intent %s no longer matches the caption and design of case %s (changed outside the application); not "
              + "sent").format(intent.id(), intent.caseId()), now));
    }
    if (media != null) {
      for (int i = 0; i < intent.media().size(); i++) {
        Optional<Text> missing = MediaCheck.problem(media, intent.media().get(i));
        if (missing.isPresent()) {
          return Optional.of(new Problem(FailureKind.REJECTED, MediaCheck.CODE, Text.of(
              String.format(Locale.ROOT, "Berkas media ke-%d kasus %s %s; tidak dikirim. Pulihkan berkasnya lalu "
                  + "ulangi putaran", i + 1, intent.caseId(), missing.get().id()),
              String.format(Locale.ROOT, "Media file %d of case %s %s; not sent. Restore the file, then start a new "
                  + "round", i + 1, intent.caseId(), missing.get().en())), now));
        }
      }
    }
    return Optional.empty();
  }

  void publishedFromStoredId(IntentWork w, PlatformClient client, String postId) {
    Instant at = w.state.ids().stream().filter(i -> i.kind() == PlatformId.Kind.POST).map(PlatformId::at)
        .findFirst().orElse(clock.instant());
    URI url = client.postUrl(postId);
    published(w, new PublishedPost(client.platform(), postId, url, at), Text.of(
        "Platform sudah memberi id unggahan %s; dianggap terbit", "The platform had returned post id %s; published")
        .format(postId));
  }

  void published(IntentWork w, PublishedPost post, Text note) {
    Instant now = clock.instant();
    w.save(b -> {
      b.status(IntentStatus.PUBLISHED);
      b.post = Optional.of(post);
      b.nextAttemptAt = Optional.of(now);
      b.reconcileFirst = false;
      b.caseRecorded = false;
      b.note(note);
    });
    LOG.info("intent {}: published as {}", LogSafe.of(w.state.id()), LogSafe.of(post.postId()));
    recordOnCase(w);
  }

  IntentState recordOnCase(IntentWork w) {
    IntentState s = w.state;
    PublicationIntent intent = s.intent();
    PublishedPost post = s.post().orElseThrow();
    PlatformPost pp = new PlatformPost(intent.platform(), post.postId(), post.url(), post.publishedAt());
    try {
      Actor actor = recorder.apply(intent).orElseGet(() -> Actor.trusted(intent.requestedBy()));
      cases.recordPublication(new CaseCommand.RecordPublication(CommandId.of("outbox:" + intent.id().value()),
          intent.caseId(), actor.person(), List.of(pp)), actor.principal());
      w.save(b -> {
        b.caseRecorded = true;
        b.note(Text.of("Dicatat pada kasus %s", "Recorded on case %s").format(intent.caseId()));
      });
    } catch (CaseRuleViolation v) {
      PlatformPost existing = cases.get(intent.caseId()).posts().get(intent.platform());
      if (existing != null) {
        boolean same = existing.postId().equals(post.postId());
        w.save(b -> {
          b.caseRecorded = true;
          b.note(same
              ? Text.of("Sudah tercatat pada kasus", "Already recorded on the case")
              : Text.of("Kasus sudah mencatat unggahan lain (%s) untuk %s; periksa",
                  "The case already records another post (%s) for %s; check").format(existing.postId(),
                  intent.platform().displayName()));
        });
      } else {
        // A performer without the upload role (no publishing account configured, or its role taken away) can be
        // fixed by a person: try again after the longest back-off. Any other refusal will not change by waiting.
        boolean fixable = v.rule() == CaseRuleViolation.Rule.NOT_EXECUTOR;
        Instant again = clock.instant().plus(policy.maxBackoff());
        w.save(b -> {
          b.nextAttemptAt = fixable ? Optional.of(again) : Optional.empty();
          b.problem = Optional.of(new Problem(FailureKind.REJECTED, v.code(), v.text(), clock.instant()));
          b.note(Text.of("Terbit, tetapi tidak dapat dicatat pada kasus: %s",
              "Published, but it cannot be recorded on the case: %s").format(v.text()));
        });
      }
    } catch (LeaseLost e) {
      throw e;
    } catch (RuntimeException e) {
      Instant at = clock.instant().plus(steps.backoff(1));
      LOG.warn("intent {}: recording on case {} failed; again at {}", LogSafe.of(s.id()), LogSafe.of(intent.caseId()),
          at, e);
      w.save(b -> {
        b.nextAttemptAt = Optional.of(at);
        b.note(Text.of("Pencatatan pada kasus gagal; diulang pada %s", "Recording on the case failed; again at %s")
            .format(at));
      });
    }
    return w.state;
  }
}
