package id.go.kpu.jdih.workflow;

import static id.go.kpu.jdih.testkit.Fixtures.KASUBAG;
import static id.go.kpu.jdih.testkit.Fixtures.cmd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.publish.PlatformOutputRules;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.InvalidDefinitionException;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.TestCases;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An office's definition names the platforms it publishes to; a proposal naming another is refused. */
class AllowedPlatformsTest {

  private static final SopDefinition INSTAGRAM_AND_FACEBOOK = ReferenceSop.definition().toBuilder()
      .allowedPlatforms(EnumSet.of(Platform.INSTAGRAM, Platform.FACEBOOK)).build();

  private final Cases service = cases(INSTAGRAM_AND_FACEBOOK);

  @Test
  void everyPlatformIsAllowedUnlessTheDefinitionNarrowsIt() {
    assertThat(ReferenceSop.definition().allowedPlatforms()).containsExactly(Platform.values());
    assertThat(INSTAGRAM_AND_FACEBOOK.allowedPlatforms()).containsExactly(Platform.INSTAGRAM, Platform.FACEBOOK);
    assertThat(INSTAGRAM_AND_FACEBOOK).isNotEqualTo(ReferenceSop.definition());
    assertThat(INSTAGRAM_AND_FACEBOOK.toBuilder().build()).isEqualTo(INSTAGRAM_AND_FACEBOOK);
  }

  @Test
  void aProposalNamingAnotherPlatformIsRefusedAndNothingIsRecorded() {
    CaseId id = CaseId.of("allowed-x");
    CaseRuleViolation v = catchThrowableOfType(CaseRuleViolation.class, () -> service.handleTrusted(
        new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.produkHukum()))); // Instagram and X
    assertThat(v.rule()).isEqualTo(CaseRuleViolation.Rule.INVALID_OUTPUT);
    assertThat(v.violations()).extracting(x -> x.path() + " " + x.rule())
        .containsExactly("proposal.platforms AllowedPlatform");
    assertThat(v.violations().get(0).message().in(Language.EN))
        .isEqualTo("X is not a platform of this office (allowed: Instagram, Facebook)");
    assertThat(v.violations().get(0).message().in(Language.ID))
        .isEqualTo("X bukan platform kantor ini (yang boleh: Instagram, Facebook)");
    assertThat(service.find(id)).isEmpty();
  }

  @Test
  void aProposalWithinTheAllowedPlatformsOpensTheCase() {
    CaseId id = CaseId.of("allowed-ig");
    CommandResult r = service.handleTrusted(new CaseCommand.Propose(cmd(), id, KASUBAG,
        Fixtures.informasiHukum(Platform.INSTAGRAM, Platform.FACEBOOK)));
    assertThat(r.state().currentActivity()).hasValue(2);
  }

  @Test
  void noPlatformAtAllIsRefusedByTheBuilder() {
    assertThatThrownBy(() -> ReferenceSop.definition().toBuilder().allowedPlatforms(List.of()).build())
        .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("allowedPlatforms");
  }

  private static Cases cases(SopDefinition d) {
    SopRegistry registry = new SopRegistry();
    registry.register(d);
    return TestCases.of(registry, d.key(), new InMemoryCaseStore(), MutableClock.at("2024-03-04T01:00:00Z"),
        PlatformOutputRules.defaults());
  }
}
