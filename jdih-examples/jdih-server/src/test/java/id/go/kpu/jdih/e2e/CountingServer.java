package id.go.kpu.jdih.e2e;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.IdSink;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.publish.PlatformClients;
import id.go.kpu.jdih.publish.PostAttempt;
import id.go.kpu.jdih.publish.PostResult;
import id.go.kpu.jdih.publish.PublisherClient;
import id.go.kpu.jdih.publish.Reconciliation;
import id.go.kpu.jdih.publish.dryrun.DryRunPublisher;
import id.go.kpu.jdih.server.JdihServerApplication;
import id.go.kpu.jdih.spring.boot.JdihProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Primary;

/**
 * The server as deployed, but for its platforms: every post goes to the dry run through a counter shared by all
 * instances in this JVM, so a test can tell whether any post was made twice. The other tests' configurations are
 * left out of the scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan("id.go.kpu.jdih.server")
@ComponentScan(basePackages = "id.go.kpu.jdih.server", excludeFilters = {
    @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = TestConfiguration.class),
    @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = JdihServerApplication.class)})
public class CountingServer {

  /** Calls to create a post, per intent id, over every instance. */
  public static final Map<String, AtomicInteger> POSTS = new ConcurrentHashMap<>();

  /** Posts made, per instance (its {@code spring.application.name}). */
  public static final Map<String, AtomicInteger> BY_INSTANCE = new ConcurrentHashMap<>();

  /** Dry-run clients that count. */
  @Bean
  @Primary
  PlatformClients countingPlatforms(JdihProperties properties, Clock clock,
      org.springframework.core.env.Environment environment) {
    String instance = environment.getProperty("spring.application.name", "?");
    Path root = properties.mediaDir().toAbsolutePath().getParent().resolve("published");
    Map<String, Map<Platform, PlatformClient>> byOffice = new ConcurrentHashMap<>();
    return (office, platform) -> java.util.Optional.ofNullable(byOffice.computeIfAbsent(office, o -> {
      Map<Platform, PlatformClient> clients = new EnumMap<>(Platform.class);
      DryRunPublisher.forAll(root.resolve(o), clock).forEach((p, publisher) -> {
        PlatformClient dry = PublisherClient.of(publisher, root.resolve(o).toUri());
        clients.put(p, new PlatformClient() {
          @Override
          public Platform platform() {
            return p;
          }

          @Override
          public Reconciliation reconciliation() {
            return dry.reconciliation();
          }

          @Override
          public PostResult createPost(PostAttempt attempt, IdSink ids) {
            POSTS.computeIfAbsent(attempt.intent().id().value(), k -> new AtomicInteger()).incrementAndGet();
            BY_INSTANCE.computeIfAbsent(instance, k -> new AtomicInteger()).incrementAndGet();
            return dry.createPost(attempt, ids);
          }

          @Override
          public URI postUrl(String postId) {
            return dry.postUrl(postId);
          }
        });
      });
      return clients;
    }).get(platform));
  }
}
