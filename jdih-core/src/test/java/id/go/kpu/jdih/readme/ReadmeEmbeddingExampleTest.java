package id.go.kpu.jdih.readme;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.InMemoryPersonDirectory;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseRuleViolation;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.Principal;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The embedding example of README.md, kept here verbatim between the markers so that it always runs. */
class ReadmeEmbeddingExampleTest {

  @Test
  void embeddingExampleRuns() {
    // README:embedding:start
    InMemoryPersonDirectory people = new InMemoryPersonDirectory(); // or your own ActorDirectory
    people.put(Contact.of(Person.of("198001012006041001", "Rina", ReferenceSop.KASUBAG_HUKUM)));
    people.put(Contact.of(Person.of("199003032015031003", "Sari", ReferenceSop.STAF)));
    Jdih jdih = Jdih.builder()
        .actors(people)                                   // roles come from here, never from the caller
        .publishAs(Principal.of("199003032015031003"))    // the uploads are recorded as Sari (Staf)
        .build();                                         // in memory; .storage(...) for a database

    Principal rina = Principal.of("198001012006041001"); // as your login authenticated them
    Principal sari = Principal.of("199003032015031003");
    CaseId id = CaseId.random();
    jdih.cases().as(rina).propose(CommandId.random(), id, new ContentProposal("Tahukah kamu: DPT",
        ContentCategory.INFORMASI_HUKUM, "Materi tertulis tentang DPT ...", Optional.empty(),
        Set.of(Platform.INSTAGRAM)));
    try {
      jdih.cases().as(sari).approve(CommandId.random(), id, Optional.empty());
    } catch (CaseRuleViolation e) {
      System.out.println(e.getMessage()); // JDIH-CASE-001: ... tidak memegang peran Kasubag Hukum ...
    }
    jdih.cases().as(rina).approve(CommandId.random(), id, Optional.empty());
    ContentCase state = jdih.cases().get(id);     // now at activity 3, the meeting
    jdih.runDue(jdih.clock().instant());          // deliveries and reminders: call it from your scheduler
    // README:embedding:end
    assertThat(state.currentActivity()).hasValue(3);
    assertThat(state.version()).isEqualTo(2);
    assertThat(jdih.cases().history(id)).allSatisfy(e -> assertThat(e.principal()).contains(rina));
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
