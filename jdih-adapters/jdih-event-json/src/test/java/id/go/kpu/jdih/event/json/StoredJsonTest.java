package id.go.kpu.jdih.event.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.notify.CaseProgress;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.notify.DeliveryStatus;
import id.go.kpu.jdih.notify.Notification;
import id.go.kpu.jdih.notify.NotificationKind;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.store.OutboxStoreContract;
import id.go.kpu.jdih.workflow.CaseId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The JSON forms of outbox intents and notification records: exact round trips and strict reading. */
class StoredJsonTest {

  private final OutboxJson outbox = new OutboxJson();
  private final NotificationJson notifications = new NotificationJson();
  private static final Instant T0 = Instant.parse("2024-03-04T01:00:00Z");

  @Test
  void intentStatesRoundTripExactly() {
    for (IntentState s : new IntentState[] {OutboxStoreContract.rich(), OutboxStoreContract.pending("k-1",
        Platform.TELEGRAM)}) {
      String json = outbox.write(s);
      assertThat(json).startsWith("{\"v\":1,").doesNotContain("\n");
      assertThat(outbox.read(json)).isEqualTo(s);
      assertThat(outbox.write(outbox.read(json))).isEqualTo(json);
    }
  }

  @Test
  void deliveriesAndProgressRoundTripExactly() {
    Contact full = new Contact(Fixtures.STAF, Optional.of("sari.dewi@kpu-mentawai.go.id"), Optional.of("-100123"),
        Language.EN);
    Notification n = new Notification("kasus/x/\ud83d\ude00", NotificationKind.OVERDUE, CaseId.of("kasus"),
        OptionalInt.of(4), full, Text.of("Terlambat", "Overdue"), Text.of("Isi\n", "Body\n"));
    Delivery d = Delivery.pending(n, "telegram", T0).with(DeliveryStatus.FAILED, 3, T0.plusSeconds(9),
        Optional.empty(), Optional.of("JDIH-NOTIFY-003: ditolak"));
    assertThat(notifications.readDelivery(notifications.write(d))).isEqualTo(d);
    Delivery plain = Delivery.pending(new Notification("k", NotificationKind.AVAILABLE, CaseId.of("c"),
        OptionalInt.empty(), Contact.of(Fixtures.TIM), Text.of("s", "s"), Text.of("b", "b")), "email", T0);
    assertThat(notifications.readDelivery(notifications.write(plain))).isEqualTo(plain);
    CaseProgress p = new CaseProgress(7, T0.plusNanos(1), true);
    assertThat(notifications.readProgress(notifications.write(p))).isEqualTo(p);
  }

  @Test
  void damagedRecordsAreRefusedWithTheirPathAndKind() {
    String json = outbox.write(OutboxStoreContract.rich());
    EventJsonException unknown = catchThrowableOfType(EventJsonException.class,
        () -> outbox.read(json.replace("\"polls\":", "\"extra\":1,\"polls\":")));
    assertThat(unknown.code()).isEqualTo("JDIH-JSON-102");
    assertThat(unknown.path()).isEqualTo("extra");
    assertThat(unknown.getMessage()).contains("outbox intent JSON", "JSON niat terbit");
    EventJsonException status = catchThrowableOfType(EventJsonException.class,
        () -> outbox.read(json.replace("\"status\":\"PUBLISHED\"", "\"status\":\"DONE\"")));
    assertThat(status.path()).isEqualTo("status");
    EventJsonException inconsistent = catchThrowableOfType(EventJsonException.class,
        () -> outbox.read(json.replaceAll(",\"post\":\\{[^}]*\\}", "")));
    assertThat(inconsistent.code()).isEqualTo("JDIH-JSON-105");
    EventJsonException version = catchThrowableOfType(EventJsonException.class,
        () -> notifications.readProgress("{\"v\":9,\"version\":1,\"checkedUntil\":\"2024-01-01T00:00:00Z\","
            + "\"closed\":false}"));
    assertThat(version.code()).isEqualTo("JDIH-JSON-106");
    assertThat(version.getMessage()).contains("case progress JSON");
    EventJsonException mail = catchThrowableOfType(EventJsonException.class,
        () -> notifications.readDelivery(notifications.write(Delivery.pending(new Notification("k",
            NotificationKind.AVAILABLE, CaseId.of("c"), OptionalInt.empty(), Contact.of(Fixtures.TIM)
            .withEmail("budi@kpu.go.id"), Text.of("s", "s"), Text.of("b", "b")), "email", T0))
            .replace("budi@kpu.go.id", "bukan-alamat")));
    assertThat(mail.path()).isEqualTo("notification.recipient");
    assertThat(mail.getMessage()).doesNotContain("bukan-alamat");
  }
}
