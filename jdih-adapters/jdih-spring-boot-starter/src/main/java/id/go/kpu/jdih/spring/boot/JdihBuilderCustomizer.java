package id.go.kpu.jdih.spring.boot;

import id.go.kpu.jdih.runtime.Jdih;

/**
 * Changes the runtime's builder before the auto-configured {@link Jdih} is built: the Spring Boot convention for
 * settings the properties do not cover (an output rule, a random source, a notification backoff). Every bean of
 * this type is applied, in {@link org.springframework.core.annotation.Order} order, after the starter has set
 * everything it configures.
 */
@FunctionalInterface
public interface JdihBuilderCustomizer {

  /** Changes {@code builder}. */
  void customize(Jdih.Builder builder);
}
