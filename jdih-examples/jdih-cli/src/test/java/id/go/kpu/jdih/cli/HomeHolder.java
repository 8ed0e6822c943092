package id.go.kpu.jdih.cli;

import java.nio.file.Path;
import java.time.Clock;

/** A second process that opens a home's store, says "ready", holds it for the given milliseconds and closes it. */
final class HomeHolder {
  private HomeHolder() {}

  public static void main(String[] args) throws Exception {
    try (Home home = new Home(Path.of(args[0]), Clock.systemUTC())) {
      home.store().version(id.go.kpu.jdih.workflow.CaseId.of("pemegang")); // the database is open
      System.out.println("ready");
      System.out.flush();
      Thread.sleep(Long.parseLong(args[1]));
    }
    System.exit(0);
  }
}
