package id.go.kpu.jdih.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the server: {@code java -jar jdih-server.jar [--spring.datasource.url=...]}, or {@code ./jdih serve}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JdihServerApplication {

  /** The entry point. */
  public static void main(String[] args) {
    SpringApplication.run(JdihServerApplication.class, args);
  }
}
