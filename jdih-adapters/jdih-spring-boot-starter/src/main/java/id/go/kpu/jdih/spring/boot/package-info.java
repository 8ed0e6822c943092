/**
 * Spring Boot auto-configuration of the jdih runtime. Add {@code jdih-spring-boot-starter} to a Spring Boot 4.1 app
 * with a {@code DataSource} and an {@link id.go.kpu.jdih.actor.ActorDirectory} bean, and it gets a {@link
 * id.go.kpu.jdih.runtime.Jdih} bean on that database ({@link JdihAutoConfiguration}), a background worker that
 * delivers the outbox and sends reminders ({@link JdihWorker}), and with Actuator and Micrometer a health indicator
 * ({@link JdihHealthIndicator}) and metrics ({@link JdihMetrics}). Settings: {@link JdihProperties}
 * ({@code jdih.*}).
 */
package id.go.kpu.jdih.spring.boot;
