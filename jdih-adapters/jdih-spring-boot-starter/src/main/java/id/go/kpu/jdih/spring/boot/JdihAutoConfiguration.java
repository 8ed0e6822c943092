package id.go.kpu.jdih.spring.boot;

import id.go.kpu.jdih.actor.ActorDirectory;
import id.go.kpu.jdih.anchor.HmacSha256Signer;
import id.go.kpu.jdih.anchor.InMemorySealStore;
import id.go.kpu.jdih.calendar.file.CalendarFile;
import id.go.kpu.jdih.definition.json.SopDefinitionJson;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.media.file.FileMediaStore;
import id.go.kpu.jdih.notify.Notifier;
import id.go.kpu.jdih.notify.PersonDirectory;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.publish.PlatformClients;
import id.go.kpu.jdih.runtime.InMemoryStorage;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.runtime.Storage;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.jdbc.JdbcStorage;
import id.go.kpu.jdih.time.HolidayCalendar;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Configures the jdih runtime in a Spring Boot app: the SOP definitions, a clock, the working calendar, the media
 * store, the storage on the app's {@code DataSource}, the {@link Jdih} itself and its {@link JdihWorker}. Each bean
 * backs off when the app defines one of its type. The app must define an {@link ActorDirectory} (who a principal is
 * and which roles they hold now): roles never come from a request.
 *
 * <p>Switched off by {@code jdih.enabled=false}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBooleanProperty(name = "jdih.enabled", matchIfMissing = true)
@EnableConfigurationProperties(JdihProperties.class)
public class JdihAutoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(JdihAutoConfiguration.class);

  /** The bundled reference SOP and the definitions of {@code jdih.definitions}. */
  @Bean
  @ConditionalOnMissingBean
  public SopRegistry jdihDefinitions(JdihProperties properties, ResourceLoader resources) {
    SopRegistry registry = SopRegistry.withReference();
    SopDefinitionJson json = new SopDefinitionJson();
    for (String location : properties.definitions()) {
      Resource r = resources.getResource(location);
      try (InputStream in = r.getInputStream()) {
        SopDefinition d = json.read(in);
        registry.register(d);
        LOG.info("jdih: SOP {} registered from {}", LogSafe.of(d.key()), location);
      } catch (IOException e) {
        throw new UncheckedIOException("jdih.definitions: berkas definisi SOP tidak terbaca / cannot read the SOP"
            + " definition file " + location, e);
      }
    }
    return registry;
  }

  /** The system clock in UTC: every time the runtime stores is an instant. */
  @Bean
  @ConditionalOnMissingBean
  public Clock jdihClock() {
    return Clock.systemUTC();
  }

  /**
   * The calendar of the office new cases open under: its zone ({@code jdih.calendar.zone}, else the office's),
   * the bundled national holidays, amended by {@code jdih.calendar.amendments}.
   */
  @Bean
  @ConditionalOnMissingBean
  public WorkingCalendar jdihCalendar(JdihProperties properties, SopRegistry registry) {
    ZoneId zone = properties.calendar().zoneIfSet()
        .orElseGet(() -> registry.get(newCasesUnder(properties)).office().zone());
    HolidayCalendar holidays = HolidayCalendar.bundled();
    if (properties.calendar().amendmentsIfSet().isPresent()) {
      Path file = properties.calendar().amendmentsIfSet().get();
      try {
        holidays = CalendarFile.amend(holidays, file);
      } catch (IOException e) {
        throw new UncheckedIOException("jdih.calendar.amendments: berkas kalender tidak terbaca / cannot read the"
            + " calendar file " + file.toAbsolutePath(), e);
      }
    }
    return WorkingCalendar.defaults(zone).withHolidays(holidays);
  }

  /** Every office on the one calendar; a server of several offices defines its own. */
  @Bean
  @ConditionalOnMissingBean
  public OfficeCalendars jdihOfficeCalendars(WorkingCalendar calendar) {
    return office -> Optional.of(calendar);
  }

  /** The media files in {@code jdih.media-dir}. */
  @Bean
  @ConditionalOnMissingBean
  public MediaStore jdihMedia(JdihProperties properties) {
    try {
      return new FileMediaStore(properties.mediaDir(), properties.mediaMaxBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("jdih.media-dir: folder media tidak dapat dipakai / cannot use the media folder "
          + properties.mediaDir().toAbsolutePath(), e);
    }
  }

  /**
   * The storage: on the app's {@code DataSource} ({@code jdih.store=jdbc}, the default) or in memory. The runtime
   * closes it (not the DataSource), so the bean has no destroy method of its own.
   */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public Storage jdihStorage(JdihProperties properties, ObjectProvider<DataSource> dataSource, SopRegistry registry) {
    if (properties.store() == JdihProperties.StoreKind.MEMORY) {
      LOG.warn("jdih.store=memory: cases, outbox and notifications are lost at shutdown");
      return new InMemoryStorage();
    }
    DataSource ds = dataSource.getIfAvailable();
    if (ds == null) {
      throw new IllegalStateException("jdih.store=jdbc membutuhkan DataSource (spring.datasource.url) / jdih.store=jdbc"
          + " needs a DataSource (spring.datasource.url); or set jdih.store=memory for a demo");
    }
    return JdbcStorage.open(ds, registry::find);
  }

  /**
   * The runtime. The {@link ActorDirectory} is the app's; a {@link PersonDirectory} bean (or the directory itself,
   * if it is one) says whom to notify. {@link PlatformClient}, {@link PlatformClients} and {@link Notifier} beans are
   * used as they are; {@link JdihBuilderCustomizer}s run last.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Jdih jdih(JdihProperties properties, SopRegistry registry, Storage storage, MediaStore media, Clock clock,
      WorkingCalendar calendar, OfficeCalendars calendars, ObjectProvider<ActorDirectory> actors,
      ObjectProvider<PersonDirectory> people, ObjectProvider<PlatformClient> platforms,
      ObjectProvider<PlatformClients> platformClients, ObjectProvider<Notifier> notifiers,
      ObjectProvider<JdihBuilderCustomizer> customizers) {
    ActorDirectory directory = actors.getIfAvailable();
    if (directory == null) {
      throw new IllegalStateException("jdih membutuhkan bean ActorDirectory (siapa seseorang dan perannya) / jdih needs"
          + " an ActorDirectory bean (who a principal is and the roles they hold)");
    }
    Jdih.Builder b = Jdih.builder().definitions(registry).newCasesUnder(newCasesUnder(properties)).storage(storage)
        .media(media).clock(clock).calendar(calendar).calendars(calendars::forOffice).actors(directory)
        .stateCacheSize(properties.stateCacheSize()).notificationLease(properties.notificationLease())
        .remindersInOfficeHours(properties.calendar().remindersInOfficeHours());
    people.ifAvailable(b::people);
    platforms.orderedStream().forEach(b::platform);
    platformClients.ifAvailable(b::platforms);
    notifiers.orderedStream().forEach(b::notifier);
    properties.publishAsIfSet().ifPresent(name -> b.publishAs(Principal.of(name)));
    properties.seal().keyFileIfSet().ifPresent(file -> b.sealWith(
        new HmacSha256Signer(properties.seal().keyId(), readKey(file)),
        storage instanceof JdbcStorage jdbc ? jdbc.seals() : new InMemorySealStore()));
    customizers.orderedStream().forEach(c -> c.customize(b));
    // A year the holidays do not cover counts every weekday as a working day: say so at start-up, not silently.
    calendar.coverageGaps(clock.instant().atZone(calendar.zone()).toLocalDate())
        .forEach(gap -> LOG.warn("{}", gap.message().bilingual()));
    return b.build();
  }

  /** The background pass, unless {@code jdih.worker.enabled=false}. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "jdih.worker.enabled", matchIfMissing = true)
  public JdihWorker jdihWorker(Jdih jdih, JdihProperties properties, ObjectProvider<RunListener> listeners) {
    return new JdihWorker(jdih, properties.worker().runEvery(), listeners.orderedStream().toList());
  }

  private static byte[] readKey(Path file) {
    try {
      byte[] key = Files.readAllBytes(file);
      if (key.length < HmacSha256Signer.MIN_KEY_BYTES) {
        throw new IllegalStateException("jdih.seal.key-file: kunci harus paling sedikit 32 bait / the key must have"
            + " at least 32 bytes: " + file);
      }
      return key;
    } catch (IOException e) {
      throw new IllegalStateException("jdih.seal.key-file tidak dapat dibaca / cannot be read: " + file, e);
    }
  }

  static SopKey newCasesUnder(JdihProperties properties) {
    return properties.newCasesUnderIfSet().map(SopKeys::parse).orElseGet(() -> ReferenceSop.definition().key());
  }
}
