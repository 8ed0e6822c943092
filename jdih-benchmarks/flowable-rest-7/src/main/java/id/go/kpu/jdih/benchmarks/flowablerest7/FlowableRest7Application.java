package id.go.kpu.jdih.benchmarks.flowablerest7;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Flowable's engines with Flowable's own REST API, as Flowable's Spring Boot REST starter sets them up; nothing of
 * its own but the settings in {@code application.properties}.
 */
@SpringBootApplication
public class FlowableRest7Application {

  public static void main(String[] args) {
    SpringApplication.run(FlowableRest7Application.class, args);
  }
}
