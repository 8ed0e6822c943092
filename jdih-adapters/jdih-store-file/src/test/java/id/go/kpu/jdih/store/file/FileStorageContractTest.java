package id.go.kpu.jdih.store.file;

import id.go.kpu.jdih.runtime.Storage;
import id.go.kpu.jdih.testkit.store.StorageContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The file storage against the contract, each reopen a new instance on the root as another process would open it. */
class FileStorageContractTest extends StorageContract {

  @TempDir
  Path dir;

  private int homes;

  @Override
  protected Storage createStorage() {
    return FileStorage.open(dir.resolve("home-" + homes++));
  }

  @Override
  protected Storage reopen(Storage storage) {
    return FileStorage.open(((FileStorage) storage).root());
  }
}
