package id.go.kpu.jdih.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.property.Property;
import id.go.kpu.jdih.testkit.property.Rand;
import id.go.kpu.jdih.testkit.publish.EmulatedPlatform;
import id.go.kpu.jdih.testkit.publish.OutboxFixtures;
import id.go.kpu.jdih.testkit.publish.OutboxSimulation;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs the outbox's fault-schedule simulation against a real adapter and its WireMock emulator: fewer schedules
 * than the in-process run (a time-out fault costs real time), at most one time-out per schedule, the same
 * judgement. Prints the seed and the counts; asserts no duplicate, no silent loss, no false failure.
 */
public final class EmulatorRuns {

  /** The instant each schedule starts at. */
  public static final Instant START = Instant.parse("2024-03-04T02:00:00Z");

  private EmulatorRuns() {}

  /**
   * Runs {@code schedules} schedules.
   *
   * @param name what is run, for the printout
   * @param emulator the emulator, whose clock is {@code clock}
   * @param clock the shared clock
   * @param schedules how many schedules
   * @return the totals
   */
  public static OutboxSimulation.Totals run(String name, EmulatedPlatform emulator, MutableClock clock,
      int schedules) {
    long seed = Long.getLong(Property.SEED_PROPERTY, new SplittableRandom().nextLong());
    System.out.println(name + " seed " + seed + " (replay with -D" + Property.SEED_PROPERTY + "=" + seed + ")");
    OutboxSimulation.Totals totals = new OutboxSimulation.Totals();
    for (int i = 0; i < schedules; i++) {
      clock.set(START);
      totals.add(OutboxSimulation.run(Rand.deriveSeed(seed, i), List.of(emulator), clock, OutboxFixtures.POLICY,
          new OutboxSimulation.Options(8, 1, 0.6, 0.25, 2_000)));
    }
    System.out.println(totals.summary(name + " (WireMock)", seed));
    assertThat(totals.schedules()).isEqualTo(schedules);
    assertThat(totals.duplicates()).as("duplicates %s", totals.problems()).isZero();
    assertThat(totals.silentLosses()).as("silent losses %s", totals.problems()).isZero();
    assertThat(totals.falseFailures()).as("false failures %s", totals.problems()).isZero();
    return totals;
  }
}
