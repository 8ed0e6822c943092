package id.go.kpu.jdih.readme;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.PlatformOutputRules;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseRuleViolation;
import id.go.kpu.jdih.workflow.CaseService;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.Person;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The embedding example of README.md, kept here verbatim between the markers so that it always runs. */
class ReadmeEmbeddingExampleTest {

  @Test
  void embeddingExampleRuns() {
    // README:embedding:start
    SopRegistry registry = SopRegistry.withReference();
    CaseService cases = new CaseService(registry, ReferenceSop.definition().key(),
        new InMemoryCaseStore(), Clock.systemUTC(), PlatformOutputRules.defaults());

    Person kasubag = Person.of("198001012006041001", "Rina", ReferenceSop.KASUBAG_HUKUM);
    Person staf = Person.of("199003032015031003", "Sari", ReferenceSop.STAF);
    CaseId id = CaseId.random();

    cases.handle(new CaseCommand.Propose(CommandId.random(), id, kasubag, new ContentProposal(
        "Tahukah kamu: DPT", ContentCategory.INFORMASI_HUKUM, "Materi tertulis tentang DPT ...",
        Optional.empty(), Set.of(Platform.INSTAGRAM))));
    try {
      cases.handle(new CaseCommand.Approve(CommandId.random(), id, staf, Optional.empty()));
    } catch (CaseRuleViolation e) {
      System.out.println(e.getMessage()); // JDIH-CASE-001: ... tidak memegang peran Kasubag Hukum ...
    }
    cases.handle(new CaseCommand.Approve(CommandId.random(), id, kasubag, Optional.empty()));
    ContentCase state = cases.get(id); // now at activity 3, the meeting
    // README:embedding:end
    assertThat(state.currentActivity()).hasValue(3);
    assertThat(state.version()).isEqualTo(2);
  }

  @Test
  void readmeShowsTheExampleUnchanged() throws java.io.IOException {
    java.nio.file.Path self = java.nio.file.Path.of(
        "src/test/java/id/go/kpu/jdih/readme/ReadmeEmbeddingExampleTest.java");
    String source = java.nio.file.Files.readString(self);
    String block = source.substring(source.indexOf("// README:embedding:start") + 26,
        source.indexOf("    // README:embedding:end"));
    String snippet = block.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
        .collect(java.util.stream.Collectors.joining("\n"));
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
    assertThat(readme).contains(snippet);
  }
}
