package id.go.kpu.jdih.server;

import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.publish.PlatformClients;
import id.go.kpu.jdih.runtime.Storage;
import id.go.kpu.jdih.server.directory.Accounts;
import id.go.kpu.jdih.server.directory.CalendarDays;
import id.go.kpu.jdih.server.directory.Offices;
import id.go.kpu.jdih.server.directory.PlatformAccounts;
import id.go.kpu.jdih.server.directory.ServerDefinitions;
import id.go.kpu.jdih.server.platforms.ServerPlatformClients;
import id.go.kpu.jdih.server.platforms.SignedMediaUrls;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.spring.boot.JdihBuilderCustomizer;
import id.go.kpu.jdih.spring.boot.JdihProperties;
import id.go.kpu.jdih.spring.boot.OfficeCalendars;
import id.go.kpu.jdih.store.jdbc.JdbcStorage;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.Principal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The runtime as the server runs it: the definitions of every office read from the server's tables, the JDBC store
 * on the app's DataSource, each office's calendar in its own zone, and each office's posts recorded as its
 * publishing account. The starter's beans of the same types step aside.
 */
@Configuration(proxyBeanMethods = false)
public class ServerConfiguration {

  /** The registry of every office's definitions (the reference SOP included). */
  @Bean
  public SopRegistry jdihDefinitions() {
    return SopRegistry.withReference();
  }

  /** The definitions, read from the server's tables when not yet in memory. */
  @Bean
  public ServerDefinitions serverDefinitions(SopRegistry registry, DataSource dataSource) {
    return new ServerDefinitions(registry, dataSource);
  }

  /** The store: always the database, never memory (the API lists cases from its tables). */
  @Bean(destroyMethod = "")
  public Storage jdihStorage(DataSource dataSource, ServerDefinitions definitions) {
    return JdbcStorage.open(dataSource, definitions::find);
  }

  /**
   * Each office's calendar: the server's holidays amended by the office's own days (PUT .../calendar), in the zone
   * of the office's current SOP.
   */
  @Bean
  public OfficeCalendars jdihOfficeCalendars(WorkingCalendar calendar, Offices offices, CalendarDays days) {
    return officeId -> offices.currentDefinition(officeId).map(d -> calendar.withZone(d.office().zone())
        .withHolidays(days.amendments(officeId).apply(calendar.holidays())));
  }

  /**
   * Each office's platform accounts: the real adapter for an account the office's administrators configured
   * ({@code /api/v1/offices/{office}/platforms}), its token read from its reference at each call; without an
   * account, the dry-run publisher, which writes what it would post under {@code <media-dir>/../published/<office>}.
   */
  @Bean
  public PlatformClients jdihPlatformClients(JdihProperties properties, ServerProperties server,
      PlatformAccounts accounts, MediaStore media, SignedMediaUrls mediaUrls, Clock clock) {
    Path root = properties.mediaDir().toAbsolutePath().getParent().resolve("published");
    return new ServerPlatformClients(accounts, server, root, media, mediaUrls, clock);
  }

  /**
   * After every worker pass, registers the revisions other instances stored, so that this instance's outbox and
   * reminders find the definitions of every case.
   */
  @Bean
  public id.go.kpu.jdih.spring.boot.RunListener definitionRefresh(ServerDefinitions definitions) {
    return report -> definitions.refresh(Optional.empty());
  }

  /**
   * Notifications through the log, so that hand-offs and reminders are recorded and listed even before an office
   * sets up e-mail or Telegram ({@code jdih.server.log-notifications=false} turns it off).
   */
  @Bean
  @org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty(
      name = "jdih.server.log-notifications", matchIfMissing = true)
  public LogNotifier logNotifier() {
    return new LogNotifier();
  }

  /** The outbox records each office's posts as that office's publishing account. */
  @Bean
  public JdihBuilderCustomizer serverPublishers(Offices offices) {
    return b -> b.publishAsPerOffice(officeId -> offices.publisher(officeId).map(Principal::of));
  }

  /** Spring Security's delegating encoder: bcrypt for new hashes, every older form still readable. */
  @Bean
  public PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * At the first start (no account at all), creates the first server administrator with a one-time password and
   * prints it once on the console; it is never logged or stored but as a hash.
   */
  @Bean
  public ApplicationRunner bootstrapAdministrator(Accounts accounts, ServerProperties properties) {
    return args -> {
      if (!accounts.none()) {
        return;
      }
      String password = oneTimePassword();
      if (accounts.create(properties.bootstrapAdmin(), Optional.of(password), true)) {
        System.out.println();
        System.out.println("jdih-server: administrator pertama / first administrator: " + properties.bootstrapAdmin());
        System.out.println("jdih-server: kata sandi sekali pakai / one-time password: " + password);
        System.out.println("jdih-server: gantilah setelah masuk (PUT /api/v1/me/password) / change it after logging in");
        System.out.println();
      }
    };
  }

  private static String oneTimePassword() {
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
