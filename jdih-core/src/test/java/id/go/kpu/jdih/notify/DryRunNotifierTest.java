package id.go.kpu.jdih.notify;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.NotifyFixtures;
import id.go.kpu.jdih.workflow.CaseId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DryRunNotifierTest {

  @Test
  void itCollectsAndPrintsWhatWouldBeSentInTheRecipientsLanguageWithAddressesMasked() {
    List<String> printed = new ArrayList<>();
    DryRunNotifier dry = DryRunNotifier.printingTo(printed::add);
    Notification toSari = new Notification("k/available/4/5/to/1", NotificationKind.AVAILABLE, CaseId.of("k"),
        OptionalInt.of(4), NotifyFixtures.SARI, Text.of("Tugas baru", "New task"), Text.of("Baris 1\nBaris 2",
            "Line 1\nLine 2"));
    Notification toRina = new Notification("k/published/to/2", NotificationKind.PUBLISHED, CaseId.of("k"),
        OptionalInt.of(7), NotifyFixtures.RINA, Text.of("Terbit", "Published"), Text.of("Isi", "Body"));
    dry.send(toSari);
    dry.send(toRina);
    assertThat(dry.sent()).containsExactly(toSari, toRina);
    assertThat(dry.canReach(Contact.of(Fixtures.OUTSIDER))).isTrue();
    assertThat(printed).containsExactly(
        "New task  (to Sari Staf (NIP 19900303 201503 1 003) e-mail s***@k***.go.id)\n    Line 1\n    Line 2",
        "Terbit  (kepada Rina Kasubag (NIP 19800101 200604 1 001) e-mail r***@k***.go.id)\n    Isi");
    dry.clear();
    assertThat(dry.sent()).isEmpty();
    assertThat(new DryRunNotifier().channel()).isEqualTo("dry-run");
  }
}
