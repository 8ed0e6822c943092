package id.go.kpu.jdih.publish;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.i18n.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The reconciliation part of the outbox: after an ambiguous outcome, asks the platform whether the post went out
 * before anything is sent again (Instagram and Threads by the container's status, Facebook and X by the account's
 * recent posts), and stops for a person when the platform cannot tell. Thread-safe.
 */
final class OutboxReconciler {

  private final OutboxDelivery delivery;
  private final OutboxRecorder recorder;
  private final IntentSteps steps;
  private final Clock clock;
  private final OutboxPolicy policy;

  OutboxReconciler(OutboxDelivery delivery, OutboxRecorder recorder, IntentSteps steps) {
    this.delivery = delivery;
    this.recorder = recorder;
    this.steps = steps;
    this.clock = steps.clock;
    this.policy = steps.policy;
  }

  void reconcile(IntentWork w, PlatformClient client) {
    switch (client.reconciliation()) {
      case CONTAINER_STATUS -> reconcileContainer(w, client);
      case RECENT_POSTS -> reconcileByLookup(w, client, false);
      case NONE -> steps.needsConfirmation(w, w.state.problem().orElse(null), Text.of(
          "Hasil pengiriman ke %s tidak dapat dipastikan; periksa akun lalu konfirmasi",
          "The outcome of the send to %s is unknown; look at the account and confirm")
          .format(client.platform().displayName()));
      default -> throw new IllegalStateException("unknown reconciliation " + client.reconciliation());
    }
  }

  void reconcileContainer(IntentWork w, PlatformClient client) {
    Optional<String> container = w.state.liveIds().stream().filter(i -> i.kind() == PlatformId.Kind.CONTAINER)
        .map(PlatformId::value).reduce((a, b) -> b);
    if (container.isEmpty()) {
      // No publishing container was ever returned: nothing can have been published (an orphan container expires).
      w.save(b -> {
        b.reconcileFirst = false;
        b.note(Text.of("Belum ada kontainer yang dapat diterbitkan; dikirim", "No container to publish yet; sending"));
      });
      delivery.send(w, client);
      return;
    }
    ContainerCheck check;
    try {
      check = client.checkStatus(container.get());
    } catch (LeaseLost e) {
      throw e;
    } catch (PlatformCallException e) {
      reconcileFailed(w, e);
      return;
    } catch (RuntimeException e) {
      reconcileFailed(w, IntentSteps.unexpected(e));
      return;
    }
    String detail = check.detail().map(d -> " (" + d + ")").orElse("");
    switch (check.status()) {
      case PUBLISHED -> reconcileByLookup(w, client, true);
      case FINISHED, IN_PROGRESS -> resendAfterCheck(w, client, Text.of(
          "Kontainer %s berstatus %s: belum terbit; dilanjutkan", "Container %s is %s: not published; continuing")
          .format(container.get(), check.status()));
      case ERROR -> steps.fail(w, new Problem(FailureKind.REJECTED, "CONTAINER-ERROR", Text.of(
          "Kontainer %s gagal diproses platform%s; konten belum terbit. Periksa gambar dan keterangannya",
          "Container %s failed on the platform%s; not published. Check the image and the caption")
          .format(container.get(), detail), clock.instant()), null, b -> b.reconcileFirst = false);
      case EXPIRED -> {
        w.save(b -> {
          b.reconcileFirst = false;
          b.reconcileChecks = 0;
          b.dropLiveIds();
          b.note(Text.of("Kontainer %s kedaluwarsa tanpa terbit; dibuat kontainer baru",
              "Container %s expired unpublished; a new one is made").format(container.get()));
        });
        delivery.send(w, client);
      }
      default -> throw new IllegalStateException("unknown container status " + check.status());
    }
  }

  void reconcileByLookup(IntentWork w, PlatformClient client, boolean knownPublished) {
    PublicationIntent intent = w.state.intent();
    Instant since = w.state.firstSentAt().orElse(intent.requestedAt()).minus(policy.lookupSkew());
    ImmutableList<RemotePost> posts;
    try {
      posts = client.findRecentPosts(new PostLookup(intent, since));
    } catch (LeaseLost e) {
      throw e;
    } catch (PlatformCallException e) {
      reconcileFailed(w, e);
      return;
    } catch (RuntimeException e) {
      reconcileFailed(w, IntentSteps.unexpected(e));
      return;
    }
    List<RemotePost> matches = posts.stream()
        .filter(p -> !p.createdAt().isBefore(since) && PostText.sameContent(intent.text(), p.text()))
        .sorted(Comparator.comparing(RemotePost::createdAt)).toList();
    if (!matches.isEmpty()) {
      RemotePost m = matches.get(0);
      String extra = matches.size() > 1 ? " — " + matches.size() + " unggahan cocok" : "";
      String extraEn = matches.size() > 1 ? " — " + matches.size() + " posts match" : "";
      recorder.published(w, new PublishedPost(intent.platform(), m.postId(), m.url(), m.createdAt()), Text.of(
          "Ditemukan sudah terbit saat diperiksa; tidak dikirim ulang: " + m.url() + extra,
          "Found published when checked; not resent: " + m.url() + extraEn));
      return;
    }
    String where = client.platform().displayName();
    if (knownPublished) {
      steps.needsConfirmation(w, w.state.problem().orElse(null), Text.of(
          "Kontainer di %s sudah TERBIT tetapi unggahannya tidak ditemukan di daftar akun; konfirmasi alamatnya",
          "The container on %s is PUBLISHED but the post is not in the account's list; confirm its address")
          .format(where));
      return;
    }
    if (w.state.duplicateSignal()) {
      steps.needsConfirmation(w, w.state.problem().orElse(null), Text.of(
          "%s menyebut konten ini duplikat, tetapi unggahan yang sama tidak ditemukan sejak %s. Periksa akun lalu "
              + "konfirmasi",
          "%s reports the content as a duplicate, but no matching post exists since %s. Look at the account and "
              + "confirm").format(where, since));
      return;
    }
    int misses = w.state.notFoundLookups() + 1;
    if (misses < policy.requiredNotFound()) {
      Instant at = clock.instant().plus(policy.settleDelay());
      steps.schedule(w, at, w.state.problem().orElse(null), Text.of("Belum ditemukan di %s (%d); diperiksa lagi pada %s",
          "Not found on %s (%d); checking again at %s").format(where, misses, at), b -> b.notFoundLookups = misses);
      return;
    }
    resendAfterCheck(w, client, Text.of("Tidak ditemukan di %s pada %d pemeriksaan; dikirim ulang",
        "Not found on %s in %d checks; resending").format(where, misses));
  }

  /**
   * The platform showed that the ambiguous attempt did not publish: that attempt counts as a failure, and the intent
   * is sent again unless the failures are used up (then it is certainly not published: FAILED).
   */
  void resendAfterCheck(IntentWork w, PlatformClient client, Text note) {
    int failures = w.state.failures() + 1;
    if (failures >= policy.maxFailures()) {
      Problem last = w.state.problem().orElse(new Problem(FailureKind.AMBIGUOUS, "UNKNOWN", note, clock.instant()));
      steps.fail(w, last, Text.of("Dihentikan setelah %d percobaan gagal; platform menunjukkan konten belum terbit",
          "Stopped after %d failed attempts; the platform shows the content is not published").format(failures),
          b -> {
            b.failures = failures;
            b.reconcileFirst = false;
          });
      return;
    }
    w.save(b -> {
      b.failures = failures;
      b.reconcileFirst = false;
      b.reconcileChecks = 0;
      b.notFoundLookups = 0;
      b.note(note);
    });
    delivery.send(w, client);
  }

  void reconcileFailed(IntentWork w, PlatformCallException e) {
    Instant now = clock.instant();
    Problem problem = new Problem(e.kind(), e.platformCode(), e.text(), now);
    int checks = w.state.reconcileChecks() + 1;
    if (checks >= policy.maxReconcileChecks() || e.kind() == FailureKind.AUTH) {
      steps.needsConfirmation(w, problem, Text.of(
          "Tidak dapat dipastikan apakah sudah terbit: pemeriksaan di platform gagal (%s). Periksa akun lalu "
              + "konfirmasi",
          "Cannot tell whether it is published: checking with the platform failed (%s). Look at the account and "
              + "confirm").format(e.text()), b -> b.reconcileChecks = checks);
      return;
    }
    Instant at = e.retryAt().filter(t -> t.isAfter(now)).orElse(now.plus(steps.backoff(checks)));
    steps.schedule(w, at, problem, Text.of("Pemeriksaan di platform gagal (%s); diulang pada %s",
        "Checking with the platform failed (%s); again at %s").format(e.platformCode(), at),
        b -> b.reconcileChecks = checks);
  }
}
