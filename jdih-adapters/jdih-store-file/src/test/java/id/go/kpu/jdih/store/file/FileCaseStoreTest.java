package id.go.kpu.jdih.store.file;

import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.testkit.store.CaseStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store passes the case-store contract, race test included: 10,000 appends by 8 threads over the
 * contract's default 20 cases, each append synced to disk.
 */
class FileCaseStoreTest extends CaseStoreContract {

  @TempDir
  Path dir;

  private long started;

  @Override
  protected CaseStore createStore() {
    started = System.nanoTime();
    return new FileCaseStore(dir);
  }

  @Override
  protected void raceReport(int appends, int conflicts) {
    super.raceReport(appends, conflicts);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("FileCaseStoreTest race: %d cases, %.1f s, %.0f appends/s (each fsynced)%n", raceCases(),
        seconds, appends / seconds);
  }
}
