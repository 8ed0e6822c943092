package id.go.kpu.jdih.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.actor.ActorDirectory;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.InMemoryPersonDirectory;
import id.go.kpu.jdih.runtime.InMemoryStorage;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.runtime.Storage;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.store.jdbc.JdbcStorage;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.Principal;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class JdihAutoConfigurationTest {

  static final Person KASUBAG = Person.of("198001012006041001", "Rina Kasubag", ReferenceSop.KASUBAG_HUKUM);

  @TempDir
  Path dir;

  /** The app's directory: one head of the legal sub-division. */
  @Configuration(proxyBeanMethods = false)
  static class Directory {
    @Bean
    InMemoryPersonDirectory directory() {
      InMemoryPersonDirectory d = new InMemoryPersonDirectory();
      d.put(Contact.of(KASUBAG));
      return d;
    }

  }

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MetricsAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class, JdihAutoConfiguration.class,
            JdihActuatorAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:starter-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
            "jdih.media-dir=" + dir.resolve("media"), "jdih.worker.run-every=1h", "jdih.metrics.refresh-every=0s");
  }

  private static ContentProposal proposal() {
    return new ContentProposal("Tahukah kamu: istilah pemilu", ContentCategory.INFORMASI_HUKUM,
        "Seri 'tahukah kamu' tentang istilah DPT, DPTb dan DPK.", Optional.empty(),
        ImmutableSet.of(Platform.INSTAGRAM));
  }

  @Test
  void aRuntimeOnTheAppsDataSourceWithWorkerHealthAndMetrics() {
    runner().withUserConfiguration(Directory.class).run(context -> {
      assertThat(context).hasNotFailed();
      Jdih jdih = context.getBean(Jdih.class);
      assertThat(jdih.storage()).isInstanceOf(JdbcStorage.class);
      assertThat(context.getBean(JdihWorker.class).isRunning()).isTrue();

      CaseId id = CaseId.of("starter-1");
      jdih.cases().as(Principal.of(KASUBAG.nip().value())).propose(CommandId.of("c-1"), id, proposal());
      assertThat(jdih.cases().get(id).status()).isEqualTo(CaseStatus.OPEN);

      context.getBean(JdihWorker.class).runOnce();
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      // The running worker recounts too, replacing the gauge's rows (MultiGauge overwrite): a lookup during that
      // finds no row for a moment (seen once in a CI run under load), so look again until it stands.
      Double open = null;
      for (int i = 0; i < 50 && open == null; i++) {
        io.micrometer.core.instrument.Gauge g = meters.find("jdih.cases").tag("office", ReferenceSop.OFFICE_ID)
            .tag("status", "OPEN").tag("activity", "2").gauge();
        if (g != null) {
          open = g.value();
        } else {
          Thread.sleep(100);
        }
      }
      assertThat(open).isEqualTo(1.0);
      assertThat(meters.get("jdih.passes").tag("result", "ok").counter().count()).isGreaterThanOrEqualTo(1.0);

      Health health = context.getBean(JdihHealthIndicator.class).health(true);
      assertThat(health.getStatus()).isIn(Status.UP, JdihHealthIndicator.DEGRADED);
      assertThat(health.getDetails()).containsKeys("outboxBacklogSeconds", "intents", "calendarZone");
      assertThat(health.getDetails().get("calendarZone")).isEqualTo("Asia/Jakarta");
    });
  }

  /** With a key file, every append seals the case's head in the database; a short key is refused at start. */
  @Test
  void aKeyFileTurnsOnHeadSeals() throws Exception {
    java.nio.file.Path key = dir.resolve("seal.key");
    java.nio.file.Files.write(key, new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32});
    runner().withUserConfiguration(Directory.class).withPropertyValues("jdih.seal.key-file=" + key,
        "jdih.worker.enabled=false").run(context -> {
          assertThat(context).hasNotFailed();
          Jdih jdih = context.getBean(Jdih.class);
          CaseId id = CaseId.of("bersegel-1");
          jdih.cases().as(Principal.of(KASUBAG.nip().value())).propose(CommandId.of("s-1"), id, proposal());
          long version = jdih.cases().get(id).version();
          assertThat(((JdbcStorage) jdih.storage()).seals().find(id, version)).isNotEmpty();
        });
    java.nio.file.Path shortKey = dir.resolve("short.key");
    java.nio.file.Files.write(shortKey, new byte[] {1, 2, 3});
    runner().withUserConfiguration(Directory.class).withPropertyValues("jdih.seal.key-file=" + shortKey)
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("32");
        });
  }

  /** At the end of 2026 the next year has no holidays bundled: the start-up says so instead of staying silent. */
  @Test
  @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
  void aYearTheCalendarDoesNotCoverIsReportedAtStartUp(org.springframework.boot.test.system.CapturedOutput output) {
    runner().withUserConfiguration(Directory.class)
        .withBean(java.time.Clock.class, () -> java.time.Clock.fixed(java.time.Instant.parse("2026-12-04T03:00:00Z"),
            java.time.ZoneOffset.UTC))
        .withPropertyValues("jdih.worker.enabled=false").run(context -> {
          assertThat(context).hasNotFailed();
          context.getBean(Jdih.class);
          assertThat(output.getAll()).contains("2027");
        });
  }

  @Test
  void withoutADirectoryTheContextFailsNamingTheMissingBean() {
    runner().run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ActorDirectory");
    });
  }

  @Test
  void jdbcWithoutADataSourceFailsWithTheSettingToUse() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JdihAutoConfiguration.class))
        .withUserConfiguration(Directory.class).withPropertyValues("jdih.media-dir=" + dir.resolve("m"))
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("spring.datasource.url")
              .hasMessageContaining("jdih.store=memory");
        });
  }

  @Test
  void memoryStoreWorkerOffZoneAndCustomizer() {
    AtomicInteger customized = new AtomicInteger();
    runner().withUserConfiguration(Directory.class)
        .withBean(JdihBuilderCustomizer.class, () -> b -> customized.incrementAndGet())
        .withPropertyValues("jdih.store=memory", "jdih.worker.enabled=false", "jdih.calendar.zone=Asia/Jayapura")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(Jdih.class).storage()).isInstanceOf(InMemoryStorage.class);
          assertThat(context).doesNotHaveBean(JdihWorker.class);
          assertThat(context.getBean(OfficeCalendars.class).forOffice("any").orElseThrow().zone())
              .isEqualTo(ZoneId.of("Asia/Jayapura"));
          assertThat(customized).hasValue(1);
        });
  }

  @Test
  void theAppsOwnBeansWin() {
    InMemoryStorage own = new InMemoryStorage();
    runner().withUserConfiguration(Directory.class).withBean(Storage.class, () -> own).run(context -> {
      assertThat(context.getBean(Jdih.class).storage()).isSameAs(own);
      assertThat(context.getBean(ActorDirectory.class)).isInstanceOf(InMemoryPersonDirectory.class);
    });
  }

  @Test
  void newCasesUnderAnUnknownDefinitionOrAMalformedKeyFails() {
    runner().withUserConfiguration(Directory.class).withPropertyValues("jdih.new-cases-under=kpu-x/1 Tahun 2024/r0")
        .run(context -> assertThat(context).hasFailed());
    assertThatThrownBy(() -> SopKeys.parse("tanpa-garis")).hasMessageContaining("office/number/rN");
    assertThatThrownBy(() -> SopKeys.parse("a/b/x1")).hasMessageContaining("office/number/rN");
    assertThat(SopKeys.parse("kpu-kab-kepulauan-mentawai/6 Tahun 2023/r0"))
        .isEqualTo(ReferenceSop.definition().key());
  }
}
