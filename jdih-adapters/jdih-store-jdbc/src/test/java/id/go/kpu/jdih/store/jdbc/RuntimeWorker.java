package id.go.kpu.jdih.store.jdbc;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.media.InMemoryMediaStore;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.InMemoryPersonDirectory;
import id.go.kpu.jdih.publish.OutboxPolicy;
import id.go.kpu.jdih.publish.Reconciliation;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.Principal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One application instance of the multi-instance test, in a JVM of its own: a {@link Jdih} runtime on the shared
 * database, publishing to the shared fake platforms and notifying the shared fake inbox, running its passes on its
 * own scheduler until its standard input closes (or it is killed).
 *
 * <p>Arguments: the database URL, the worker's name and, optionally, {@code hang-notifier} for a worker whose
 * notification channel never answers (it dies holding the notifications it claimed).
 */
public final class RuntimeWorker {

  /** Holds Kasubag Hukum. */
  static final Person KASUBAG = Person.of("198001012006041001", "Rina Kasubag", ReferenceSop.KASUBAG_HUKUM);
  /** Holds Tim Pembina/Teknis. */
  static final Person TIM = Person.of("198502022010012002", "Budi Tim", ReferenceSop.TIM_PEMBINA_TEKNIS);
  /** Holds Staf: the account the uploads are recorded as. */
  static final Person STAF = Person.of("199003032015031003", "Sari Staf", ReferenceSop.STAF);
  /** The design every case of the test attaches. */
  static final byte[] DESIGN = "desain uji bersama".getBytes(StandardCharsets.UTF_8);

  private RuntimeWorker() {}

  /** The directory every instance shares. */
  static InMemoryPersonDirectory directory() {
    InMemoryPersonDirectory d = new InMemoryPersonDirectory();
    d.put(Contact.of(KASUBAG));
    d.put(Contact.of(TIM));
    d.put(Contact.of(STAF));
    return d;
  }

  /** The patience of the test: short leases, so that a dead worker's work is taken over within seconds. */
  static OutboxPolicy policy() {
    return OutboxPolicy.defaults().toBuilder().backoff(Duration.ofMillis(200), Duration.ofSeconds(2))
        .reconciliation(Duration.ofMillis(300), Duration.ofSeconds(30), 2, 20).lease(Duration.ofSeconds(3))
        .batchSize(10).build();
  }

  /** Starts a worker on {@code url} named {@code name}; it runs until stdin closes. */
  public static void main(String[] args) throws IOException {
    String url = args[0];
    String name = args[1];
    SopRegistry registry = SopRegistry.withReference();
    InMemoryMediaStore media = new InMemoryMediaStore();
    media.put(new ByteArrayInputStream(DESIGN), "image/jpeg"); // content-addressed: the same reference everywhere
    Jdih jdih = Jdih.builder().actors(directory()).storage(JdbcStorage.open(url, null, null, registry::find))
        .media(media).platform(new FakeDbPlatform(Platform.INSTAGRAM, Reconciliation.CONTAINER_STATUS, url, name))
        .platform(new FakeDbPlatform(Platform.X, Reconciliation.RECENT_POSTS, url, name))
        .notifier(new FakeDbNotifier(url, name, args.length > 2 && args[2].equals("hang-notifier"))).publishAs(Principal.of(STAF.nip())).outboxPolicy(policy())
        .notificationLease(Duration.ofSeconds(3)).runEvery(Duration.ofMillis(50)).build();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    jdih.start(scheduler);
    System.out.println("ready " + name);
    System.out.flush();
    while (System.in.read() != -1) {
      // runs until the test closes our stdin
    }
    jdih.close();
    scheduler.shutdown();
  }
}
