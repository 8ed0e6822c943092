package id.go.kpu.jdih.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.property.Property;
import id.go.kpu.jdih.testkit.property.Rand;
import id.go.kpu.jdih.testkit.publish.EmulatedPlatform;
import id.go.kpu.jdih.testkit.publish.FakePlatform;
import id.go.kpu.jdih.testkit.publish.NetFault;
import id.go.kpu.jdih.testkit.publish.OutboxSimulation;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The never-twice property over thousands of random fault schedules against in-process fakes of all five platforms
 * (the adapter modules run fewer schedules against their WireMock emulators): every intent ends published exactly
 * once on the platform, or explicitly FAILED (and then not on the platform) or NEEDS_CONFIRMATION. The run seed is
 * printed; replay with {@code -Djdih.prop.seed=...}.
 */
class OutboxFaultInjectionTest {

  static final int SCHEDULES = 1_500;

  @Test
  void noDuplicateAndNoSilentLossOverRandomFaultSchedules() {
    long seed = Long.getLong(Property.SEED_PROPERTY, new SplittableRandom().nextLong());
    System.out.println("OutboxFaultInjectionTest seed " + seed + " (replay with -D" + Property.SEED_PROPERTY + "="
        + seed + ")");
    OutboxSimulation.Totals totals = new OutboxSimulation.Totals();
    for (int i = 0; i < SCHEDULES; i++) {
      long s = Rand.deriveSeed(seed, i);
      MutableClock clock = MutableClock.at("2024-03-04T02:00:00Z");
      List<FakePlatform> worlds = Arrays.stream(Platform.values())
          .map(p -> new FakePlatform(p, clock, OutboxTestPolicy.POLICY.settleDelay(), s + p.ordinal())).toList();
      totals.add(OutboxSimulation.run(s, worlds, clock, OutboxTestPolicy.POLICY,
          new OutboxSimulation.Options(12, 12, 0.6, 0.3, 3_000)));
    }
    System.out.println(totals.summary("in-process fakes", seed));
    assertThat(totals.schedules()).isEqualTo(SCHEDULES);
    assertThat(totals.duplicates()).as("duplicates %s", totals.problems()).isZero();
    assertThat(totals.silentLosses()).as("silent losses %s", totals.problems()).isZero();
    assertThat(totals.falseFailures()).as("false failures %s", totals.problems()).isZero();
    assertThat(totals.finals().keySet()).as("every outcome is reached").contains(IntentStatus.PUBLISHED,
        IntentStatus.FAILED, IntentStatus.NEEDS_CONFIRMATION);
  }

  /**
   * The judge is not blind: when a client breaks its contract and reports "certainly not sent" where the post may
   * have gone out, the same simulation finds duplicates.
   */
  @Test
  void theJudgeCatchesAClientThatHidesAmbiguousOutcomes() {
    long seed = 20240214L;
    OutboxSimulation.Totals totals = new OutboxSimulation.Totals();
    for (int i = 0; i < 300; i++) {
      long s = Rand.deriveSeed(seed, i);
      MutableClock clock = MutableClock.at("2024-03-04T02:00:00Z");
      List<Lying> worlds = Arrays.stream(Platform.values())
          .map(p -> new Lying(new FakePlatform(p, clock, Duration.ZERO, s + p.ordinal()))).toList();
      totals.add(OutboxSimulation.run(s, worlds, clock, OutboxTestPolicy.POLICY,
          new OutboxSimulation.Options(12, 12, 0.6, 0.0, 3_000)));
    }
    System.out.println(totals.summary("lying client", seed));
    assertThat(totals.duplicates()).isPositive();
  }

  /** A platform whose client misreports every ambiguous failure as certainly not sent. */
  private record Lying(FakePlatform fake) implements EmulatedPlatform, PlatformClient {
    @Override
    public Platform platform() {
      return fake.platform();
    }

    @Override
    public PlatformClient client() {
      return this;
    }

    @Override
    public ImmutableSet<NetFault> faults() {
      return fake.faults();
    }

    @Override
    public void reset(List<NetFault> schedule) {
      fake.reset(schedule);
    }

    @Override
    public ImmutableList<RemotePost> posts() {
      return fake.posts();
    }

    @Override
    public Reconciliation reconciliation() {
      return fake.reconciliation();
    }

    @Override
    public PostResult createPost(PostAttempt attempt, IdSink ids) {
      try {
        return fake.createPost(attempt, ids);
      } catch (PlatformCallException e) {
        if (e.kind() == FailureKind.AMBIGUOUS) {
          throw new PlatformCallException(FailureKind.NOT_SENT, e.platformCode(), e.text());
        }
        throw e;
      }
    }

    @Override
    public ContainerCheck checkStatus(String containerId) {
      return fake.checkStatus(containerId);
    }

    @Override
    public ImmutableList<RemotePost> findRecentPosts(PostLookup lookup) {
      return fake.findRecentPosts(lookup);
    }

    @Override
    public URI postUrl(String postId) {
      return fake.postUrl(postId);
    }
  }
}
