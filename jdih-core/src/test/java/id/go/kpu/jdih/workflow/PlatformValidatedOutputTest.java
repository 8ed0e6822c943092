package id.go.kpu.jdih.workflow;

import static id.go.kpu.jdih.testkit.Fixtures.KASUBAG;
import static id.go.kpu.jdih.testkit.Fixtures.STAF;
import static id.go.kpu.jdih.testkit.Fixtures.TIM;
import static id.go.kpu.jdih.testkit.Fixtures.cmd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.publish.PlatformOutputRules;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.validation.Violation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Activities 5 and 6 are validated against the real rules of the case's target platforms. */
class PlatformValidatedOutputTest {

  private final Cases service = TestCases.of(SopRegistry.withReference(),
      ReferenceSop.definition().key(), new InMemoryCaseStore(), MutableClock.at("2024-03-04T01:00:00Z"),
      PlatformOutputRules.defaults());
  private final CaseId id = CaseId.of("platform");

  @BeforeEach
  void upToTheDesign() {
    service.handleTrusted(new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.produkHukum())); // Instagram and X
    service.handleTrusted(new CaseCommand.Approve(cmd(), id, KASUBAG, Optional.empty()));
    service.handleTrusted(new CaseCommand.RecordMeeting(cmd(), id, TIM, Fixtures.meeting()));
    service.handleTrusted(new CaseCommand.Summarize(cmd(), id, STAF, "Rangkuman"));
  }

  @Test
  void aDesignInstagramWillNotTakeIsRefused() {
    MediaItem wide = new MediaItem("sha256:" + Fixtures.sha(4), "image/png", 2000, 1000, 9_000_000, Fixtures.sha(4));
    CaseRuleViolation v = catchThrowableOfType(CaseRuleViolation.class,
        () -> service.handleTrusted(new CaseCommand.AttachDesign(cmd(), id, TIM, List.of(wide))));
    assertThat(v.rule()).isEqualTo(CaseRuleViolation.Rule.INVALID_OUTPUT);
    assertThat(v.violations()).extracting(x -> x.path() + " " + x.rule()).contains(
        "items[0].mediaType MediaType", "items[0].bytes MediaBytes", "items[0] AspectRatio",
        "items[0].width Width");
    assertThat(service.get(id).currentActivity()).hasValue(5);
  }

  @Test
  void aCaptionOverXsLimitIsRefusedUnlessXHasAShorterOne() {
    service.handleTrusted(new CaseCommand.AttachDesign(cmd(), id, TIM, List.of(Fixtures.jpeg(2))));
    String long300 = "Keputusan KPU tentang pedoman teknis JDIH. ".repeat(7);
    CaseRuleViolation v = catchThrowableOfType(CaseRuleViolation.class,
        () -> service.handleTrusted(new CaseCommand.WriteCaption(cmd(), id, KASUBAG, Caption.of(long300))));
    assertThat(v.violations()).extracting(Violation::path).containsExactly("caption.text");
    assertThat(v.violations().get(0).message().in(Language.EN)).contains("X").contains("280");
    CommandResult ok = service.handleTrusted(new CaseCommand.WriteCaption(cmd(), id, KASUBAG,
        new Caption(long300, ImmutableMap.of(Platform.X, "Kenali pedoman teknis JDIH #KPU"))));
    assertThat(ok.state().currentActivity()).hasValue(7);
  }
}
