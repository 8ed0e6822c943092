package id.go.kpu.jdih.benchmarks.compliance;

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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.UUID;

/**
 * Makes reference-SOP case histories on the fly, one at a time, from a seed: the same seed gives the same histories.
 * Each history is hash-chained ({@link RecordedEvent#create}); nothing is kept between calls.
 *
 * <p>The mix: 15% of cases go through one rejection (propose, reject, propose again), 10% stop early (open, after 1
 * to 6 activities), 3% have one activity done by someone without its executor role, the rest run the seven
 * activities once. Cases open on a random day of 2024-2025 between 08.00 and 15.00 WIB; each next event comes 10
 * minutes to 30 hours later, so some activities are late against the one-working-day standard. Payloads are the
 * fixture outputs of {@link HistoryBuilder} (shared, immutable).
 */
public final class HistoryGenerator {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

  private final SopKey sop;
  private final Random random;
  private final CaseEvent proposed = HistoryBuilder.proposed();
  private final CaseEvent approved = HistoryBuilder.approved();
  private final CaseEvent rejected = HistoryBuilder.rejected();
  private final CaseEvent meeting = HistoryBuilder.meeting();
  private final CaseEvent summary = HistoryBuilder.summary();
  private final CaseEvent design = HistoryBuilder.design();
  private final CaseEvent caption = HistoryBuilder.caption();
  private final CaseEvent published = HistoryBuilder.published("2024-01-01T00:00:00Z");

  /** A generator for cases of {@code sop} from {@code seed}. */
  public HistoryGenerator(SopKey sop, long seed) {
    this.sop = sop;
    this.random = new Random(seed);
  }

  /** The next history. */
  public ImmutableList<RecordedEvent> next() {
    CaseId id = CaseId.of(new UUID(random.nextLong(), random.nextLong()).toString());
    Instant at = FIRST_DAY.plusDays(random.nextInt(730)).atTime(LocalTime.of(8, 0)).atZone(WIB).toInstant()
        .plusSeconds(random.nextInt(7 * 3600));
    double kind = random.nextDouble();
    boolean reject = kind < 0.15;
    boolean open = kind >= 0.15 && kind < 0.25;
    int wrongRoleAt = kind >= 0.25 && kind < 0.28 ? 1 + random.nextInt(7) : 0;
    int lastActivity = open ? 1 + random.nextInt(6) : 7;

    List<Step> steps = new ArrayList<>(9);
    steps.add(new Step(1, Fixtures.KASUBAG, proposed));
    if (reject) {
      steps.add(new Step(2, Fixtures.KASUBAG, rejected));
      steps.add(new Step(1, Fixtures.KASUBAG, proposed));
    }
    steps.add(new Step(2, Fixtures.KASUBAG, approved));
    steps.add(new Step(3, Fixtures.TIM, meeting));
    steps.add(new Step(4, Fixtures.STAF, summary));
    steps.add(new Step(5, Fixtures.TIM, design));
    steps.add(new Step(6, Fixtures.KASUBAG, caption));
    steps.add(new Step(7, Fixtures.STAF, published));

    ImmutableList.Builder<RecordedEvent> b = ImmutableList.builderWithExpectedSize(steps.size());
    String previous = HashChain.GENESIS;
    long sequence = 0;
    for (Step s : steps) {
      if (s.activity > lastActivity) {
        break;
      }
      Person actor = s.activity == wrongRoleAt ? Fixtures.OUTSIDER : s.actor;
      sequence++;
      RecordedEvent e = RecordedEvent.create(id, sequence, sop, CommandId.of(id.value() + "." + sequence), actor, at,
          OptionalInt.of(s.activity), s.payload, previous);
      b.add(e);
      previous = e.hash();
      at = at.plus(Duration.ofMinutes(10 + random.nextInt(30 * 60)));
    }
    return b.build();
  }

  private record Step(int activity, Person actor, CaseEvent payload) {}
}
