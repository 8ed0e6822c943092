package id.go.kpu.jdih.benchmarks.flowablerest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Flowable 8's process engine with its REST API, as Flowable's Spring Boot starter sets it up; nothing of its own
 * but the settings in {@code application.properties}. The load generator deploys the BPMN and drives it over HTTP.
 */
@SpringBootApplication
public class FlowableRestApplication {

  public static void main(String[] args) {
    SpringApplication.run(FlowableRestApplication.class, args);
  }
}
