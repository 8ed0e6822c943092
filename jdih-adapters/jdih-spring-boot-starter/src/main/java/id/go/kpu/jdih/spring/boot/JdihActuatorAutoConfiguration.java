package id.go.kpu.jdih.spring.boot;

import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.time.WorkingCalendar;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The runtime's health indicator (with Spring Boot's health module, as Actuator brings it) and metrics (with
 * Micrometer). Both back off when the app defines its own.
 */
@AutoConfiguration(after = JdihAutoConfiguration.class)
@ConditionalOnBean(Jdih.class)
public class JdihActuatorAutoConfiguration {

  /** The health indicator {@code jdih}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Health {

    @Bean
    @ConditionalOnMissingBean
    JdihHealthIndicator jdihHealthIndicator(Jdih jdih, WorkingCalendar calendar, JdihProperties properties) {
      return new JdihHealthIndicator(jdih, calendar, properties.health().maxBacklogAge());
    }
  }

  /** The metrics, told of each pass of the worker. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static class Metrics {

    @Bean
    @ConditionalOnMissingBean
    JdihMetrics jdihMetrics(Jdih jdih, OfficeCalendars calendars, JdihProperties properties) {
      return new JdihMetrics(jdih, calendars, properties.metrics().refreshEvery());
    }
  }
}
