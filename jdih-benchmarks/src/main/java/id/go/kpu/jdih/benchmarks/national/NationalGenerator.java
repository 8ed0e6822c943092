package id.go.kpu.jdih.benchmarks.national;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.HistoryBuilder;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * The reference-SOP histories of one office of the national data set, each case made from its own seed (office,
 * case number, run seed), so any case can be made again alone (the check does). Hash-chained with
 * {@link RecordedEvent#create}; payloads are {@link HistoryBuilder}'s fixture outputs (shared, immutable), as in
 * {@code compliance.HistoryGenerator}.
 *
 * <p>A case opens on a working day (Monday to Friday) of the year before {@link #NOW}, between 08.00 and 15.00 office
 * time. Each next event comes 10 minutes to 8 hours later (70%) or 8 to 48 hours later (30%), so some activities
 * are late against their standard. Rejections at the approval (activity 2, then proposed again): one in 45% of
 * cases, two in 15%, three in 5%. Fates: 1% withdrawn after 1 to 4 events; 3% stall after a random number of events
 * and stay open (long overdue); the rest run to publication unless {@link #NOW} comes first, which leaves the recent
 * cases open at the activity they reached.
 */
final class NationalGenerator {

  /** The instant the data set is made "as of": nothing happens at or after it. A Friday, 10.00 WIB. */
  static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");
  /** The first day a case may open (office time): one year before {@link #NOW}. */
  static final LocalDate FIRST_DAY = LocalDate.of(2025, 12, 4);

  private static final CaseEvent PROPOSED = HistoryBuilder.proposed();
  private static final CaseEvent APPROVED = HistoryBuilder.approved();
  private static final CaseEvent REJECTED = HistoryBuilder.rejected();
  private static final CaseEvent MEETING = HistoryBuilder.meeting();
  private static final CaseEvent SUMMARY = HistoryBuilder.summary();
  private static final CaseEvent DESIGN = HistoryBuilder.design();
  private static final CaseEvent CAPTION = HistoryBuilder.caption();
  private static final CaseEvent PUBLISHED = HistoryBuilder.published("2026-01-01T00:00:00Z");
  private static final CaseEvent WITHDRAWN = new CaseEvent.Withdrawn("Materi sudah tidak relevan");

  private final SopKey sop;
  private final int officeIndex;
  private final ZoneId zone;
  private final long seed;

  NationalGenerator(SopKey sop, int officeIndex, ZoneId zone, long seed) {
    this.sop = sop;
    this.officeIndex = officeIndex;
    this.zone = zone;
    this.seed = seed;
  }

  /** The id of case {@code n} (1-based) of the office. */
  CaseId caseId(int n) {
    return CaseId.of(String.format(Locale.ROOT, "%s-%04d", sop.officeId(), n));
  }

  /** Case {@code n} (1-based) of the office. */
  ImmutableList<RecordedEvent> history(int n) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + officeIndex * 100_003L + n);
    CaseId id = caseId(n);
    LocalDate day = FIRST_DAY.plusDays(random.nextInt(365));
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
      day = day.plusDays(2);
    } else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    Instant at = day.atTime(LocalTime.of(8, 0)).atZone(zone).toInstant().plusSeconds(random.nextInt(7 * 3600));

    double r = random.nextDouble();
    int rejections = r < 0.45 ? 1 : r < 0.60 ? 2 : r < 0.65 ? 3 : 0;
    List<Step> steps = new ArrayList<>(7 + 2 * rejections);
    steps.add(new Step(1, Fixtures.KASUBAG, PROPOSED));
    for (int i = 0; i < rejections; i++) {
      steps.add(new Step(2, Fixtures.KASUBAG, REJECTED));
      steps.add(new Step(1, Fixtures.KASUBAG, PROPOSED));
    }
    steps.add(new Step(2, Fixtures.KASUBAG, APPROVED));
    steps.add(new Step(3, Fixtures.TIM, MEETING));
    steps.add(new Step(4, Fixtures.STAF, SUMMARY));
    steps.add(new Step(5, Fixtures.TIM, DESIGN));
    steps.add(new Step(6, Fixtures.KASUBAG, CAPTION));
    steps.add(new Step(7, Fixtures.STAF, PUBLISHED));

    double fate = random.nextDouble();
    int keep = steps.size();
    boolean withdraw = false;
    if (fate < 0.01) {
      keep = 1 + random.nextInt(Math.min(4, steps.size() - 1));
      withdraw = true;
    } else if (fate < 0.04) {
      keep = 1 + random.nextInt(steps.size() - 1);
    }

    ImmutableList.Builder<RecordedEvent> b = ImmutableList.builderWithExpectedSize(keep + 1);
    String previous = HashChain.GENESIS;
    long sequence = 0;
    for (int i = 0; i < keep + (withdraw ? 1 : 0); i++) {
      if (!at.isBefore(NOW)) {
        break;
      }
      Step s = i < keep ? steps.get(i) : new Step(0, Fixtures.KASUBAG, WITHDRAWN);
      sequence++;
      RecordedEvent e = RecordedEvent.create(id, sequence, sop, CommandId.of(id.value() + "." + sequence), s.actor,
          at, s.activity == 0 ? OptionalInt.empty() : OptionalInt.of(s.activity), s.payload, previous);
      b.add(e);
      previous = e.hash();
      at = at.plus(gap(random));
    }
    return b.build();
  }

  private static Duration gap(SplittableRandom random) {
    return random.nextDouble() < 0.7 ? Duration.ofMinutes(10 + random.nextInt(8 * 60 - 10))
        : Duration.ofMinutes(8 * 60 + random.nextInt(40 * 60));
  }

  private record Step(int activity, Person actor, CaseEvent payload) {}
}
