package id.go.kpu.jdih.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the jdih runtime under {@code jdih.*}. Every one has a default, so an app with a
 * {@code DataSource} and an {@code ActorDirectory} bean needs none of them.
 *
 * @param store where cases, the outbox and the notification ledger live: {@code jdbc} (the default: the app's
 *     {@code DataSource}, schema kept by jdih-store-jdbc's own Flyway history {@code jdih_schema_history}) or
 *     {@code memory} (lost at shutdown: tests and demos only)
 * @param mediaDir the folder of the media store (designs, documents); default {@code jdih-media} in the working
 *     folder
 * @param mediaMaxBytes the largest media file accepted, in bytes; default 50 MiB
 * @param definitions SOP definition files ({@code jdih-sop-definition/1} JSON) to register besides the bundled
 *     reference SOP, as Spring resource locations ({@code file:...}, {@code classpath:...})
 * @param newCasesUnder the definition new cases open under when a command names none, as
 *     {@code office/number/rN}; default the bundled reference SOP
 * @param calendar the working calendar of the office new cases open under
 * @param worker the background pass that delivers the outbox and sends reminders
 * @param publishAs the principal whose name the uploads are recorded under (a person the directory knows with the
 *     role of the upload activity); empty: deliveries wait for a person to record them
 * @param stateCacheSize how many case states the runtime keeps in memory
 * @param notificationLease how long a runtime may hold a notification it is sending before another may take it
 * @param health what the health indicator tolerates
 * @param metrics how often the case gauges are recounted
 * @param seal the head seals that make a history rewritten with database access detectable (off unless a key file
 *     is set; see {@code docs/anchoring.md})
 */
@ConfigurationProperties("jdih")
public record JdihProperties(
    @DefaultValue("jdbc") StoreKind store,
    @DefaultValue("jdih-media") Path mediaDir,
    @DefaultValue("52428800") long mediaMaxBytes,
    @DefaultValue List<String> definitions,
    @Nullable String newCasesUnder,
    @DefaultValue Calendar calendar,
    @DefaultValue Worker worker,
    @Nullable String publishAs,
    @DefaultValue("1000") int stateCacheSize,
    @DefaultValue("5m") Duration notificationLease,
    @DefaultValue Health health,
    @DefaultValue Metrics metrics,
    @DefaultValue Seal seal) {

  /** The definition for new cases, if set. */
  public Optional<String> newCasesUnderIfSet() {
    return Optional.ofNullable(newCasesUnder);
  }

  /** The publishing principal, if set. */
  public Optional<String> publishAsIfSet() {
    return Optional.ofNullable(publishAs);
  }

  /** Where the runtime keeps its data. */
  public enum StoreKind {
    /** The app's DataSource (H2, PostgreSQL, MariaDB). */
    JDBC,
    /** In memory: everything is lost at shutdown. */
    MEMORY
  }

  /**
   * The working calendar.
   *
   * @param zone the office's time zone; default the zone of the office new cases open under
   * @param amendments a CSV file of days off added or removed ({@code date,kind,name,source}, see jdih-calendar-file)
   *     applied over the bundled national holidays
   * @param remindersInOfficeHours whether due-soon and overdue reminders found outside office hours wait for the
   *     next opening (default {@code true}; they are recorded at once and never lost)
   */
  public record Calendar(@Nullable ZoneId zone, @Nullable Path amendments,
      @DefaultValue("true") boolean remindersInOfficeHours) {

    /** The zone, if set. */
    public Optional<ZoneId> zoneIfSet() {
      return Optional.ofNullable(zone);
    }

    /** The amendments file, if set. */
    public Optional<Path> amendmentsIfSet() {
      return Optional.ofNullable(amendments);
    }
  }

  /**
   * What the health indicator tolerates.
   *
   * @param maxBacklogAge how long the earliest due intent may wait before the runtime is reported {@code DEGRADED}
   */
  public record Health(@DefaultValue("15m") Duration maxBacklogAge) {}

  /**
   * Head seals: an HMAC over each case's head with a key kept outside the database.
   *
   * @param keyFile a file of at least 32 random bytes (e.g. {@code head -c 32 /dev/urandom > seal.key}), readable by
   *     the app only; unset: no sealing
   * @param keyId the key's name, recorded with every seal (for rotation)
   */
  public record Seal(@Nullable Path keyFile, @DefaultValue("k1") String keyId) {

    /** The key file, if set. */
    public Optional<Path> keyFileIfSet() {
      return Optional.ofNullable(keyFile);
    }
  }

  /**
   * The metrics.
   *
   * @param refreshEvery the case gauges are recounted after a pass at most this often
   */
  public record Metrics(@DefaultValue("1m") Duration refreshEvery) {}

  /**
   * The background pass ({@code Jdih.runDue}) on a thread of its own, started with the application context and
   * stopped before the runtime closes.
   *
   * @param enabled whether to run it; an app that runs several instances may run it on all of them (each intent and
   *     notification is leased to one at a time)
   * @param runEvery the pause between the end of one pass and the start of the next
   */
  public record Worker(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration runEvery) {}
}
