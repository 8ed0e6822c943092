package id.go.kpu.jdih.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HikariCP and the JDBC drivers are optional dependencies: the store runs on a caller's data source without
 * HikariCP and without the PostgreSQL and MariaDB drivers, a URL factory that misses one of them says which
 * artifact to add, and only the class that opens the pool names HikariCP's classes. Each test loads the store (and {@link IsolatedStorage}, which drives it) in a class loader whose
 * class path is this test's class path without those jars, and whose parent is the platform class loader, so that
 * nothing of the class path is found any other way.
 */
class OptionalDependenciesTest {

  private static final String HIKARI = "com.zaxxer.hikari.HikariDataSource";
  private static final String POSTGRES = "org.postgresql.Driver";
  private static final String MARIADB = "org.mariadb.jdbc.Driver";
  private static final String H2 = "org.h2.Driver";

  @TempDir
  Path dir;

  /**
   * Has {@link DriverManager} load the drivers of this class path now. It loads them once, through the context class
   * loader of the thread that first asks; if that were a call below (whose context class loader is an isolated
   * one), the other test classes of this JVM would find no driver.
   */
  @BeforeAll
  static void initialiseTheDriverManagerHere() {
    assertThat(DriverManager.drivers().map(d -> d.getClass().getName())).contains("org.h2.Driver");
  }

  @Test
  void storageOnACallersDataSourceRunsWithoutHikariCpAndTheServerDrivers() throws Exception {
    try (URLClassLoader loader = classPathWithout(HIKARI, POSTGRES, MARIADB)) {
      assertNotLoadable(loader, HIKARI, POSTGRES, MARIADB);

      Map<String, Object> run = call(loader, "onOwnDataSource", dir.resolve("eigen").toString());

      assertThat(run).containsEntry("appended", 3).containsEntry("loadedByStorage", 3)
          .containsEntry("loadedByCaseStore", 3).containsEntry("sameEvents", true)
          .containsEntry("storageLoader", loader.toString());
    }
  }

  @Test
  void theUrlFactoriesWithoutHikariCpNameTheArtifactToAdd() throws Exception {
    try (URLClassLoader loader = classPathWithout(HIKARI, POSTGRES, MARIADB)) {
      assertNotLoadable(loader, HIKARI);
      for (String[] call : new String[][] {
          {"storage.h2File", dir.resolve("h2-storage").toString()},
          {"cases.h2File", dir.resolve("h2-cases").toString()},
          {"storage.open", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"},
          {"cases.open", "jdbc:mariadb://127.0.0.1:3306/test?user=root"}}) {
        Map<String, Object> run = call(loader, "urlFactory", call[0], call[1]);

        assertThat(run).as(call[0]).containsEntry("thrown", JdbcStoreException.class.getName())
            .containsEntry("code", "JDIH-JDBC-006").containsEntry("kind", "MISSING_LIBRARY")
            .containsEntry("cause", "none");
        assertThat((String) run.get("message")).as(call[0])
            .startsWith("JDIH-JDBC-006: Basis data ")
            .contains("memerlukan HikariCP, yang tidak ada di class path. Tambahkan dependensi com.zaxxer:HikariCP")
            .contains(" / The database ")
            .contains("needs HikariCP, which is not on the class path. Add the dependency com.zaxxer:HikariCP")
            .doesNotContain("user=");
      }
    }
  }

  @Test
  void aUrlFactoryWithoutItsDatabasesDriverNamesTheArtifactToAdd() throws Exception {
    try (URLClassLoader loader = classPathWithout(POSTGRES, MARIADB)) {
      assertNotLoadable(loader, POSTGRES, MARIADB);
      assertThat(Class.forName(HIKARI, false, loader).getClassLoader()).isSameAs(loader);
      for (String[] call : new String[][] {
          {"jdbc:postgresql://127.0.0.1:1/tidak-ada", "org.postgresql:postgresql"},
          {"jdbc:mariadb://127.0.0.1:1/tidak-ada", "org.mariadb.jdbc:mariadb-java-client"}}) {
        Map<String, Object> run = call(loader, "urlFactory", "storage.open", call[0]);

        assertThat(run).as(call[0]).containsEntry("thrown", JdbcStoreException.class.getName())
            .containsEntry("code", "JDIH-JDBC-006").containsEntry("kind", "MISSING_LIBRARY");
        assertThat((String) run.get("message")).as(call[0]).isEqualTo("JDIH-JDBC-006: Basis data " + call[0]
            + " tidak dapat dibuka: driver JDBC-nya tidak ada di class path. Tambahkan dependensi " + call[1]
            + ". / The database " + call[0] + " cannot be opened: its JDBC driver is not on the class path. Add the"
            + " dependency " + call[1] + ".");
      }
    }
    try (URLClassLoader loader = classPathWithout(H2, POSTGRES, MARIADB)) {
      assertNotLoadable(loader, H2);
      Map<String, Object> run = call(loader, "urlFactory", "cases.h2File", dir.resolve("ohne-h2").toString());

      assertThat(run).containsEntry("code", "JDIH-JDBC-006").containsEntry("kind", "MISSING_LIBRARY");
      assertThat((String) run.get("message")).startsWith("JDIH-JDBC-006: Basis data jdbc:h2:file:")
          .contains("driver JDBC-nya tidak ada di class path. Tambahkan dependensi com.h2database:h2.")
          .endsWith("its JDBC driver is not on the class path. Add the dependency com.h2database:h2.");
    }
  }

  @Test
  void theIsolatedClassPathReallyLacksWhatItLeavesOut() throws Exception {
    // The same check the tests above rely on, seen from this class path: HikariCP is here, and gone over there.
    assertThat(Class.forName(HIKARI)).isSameAs(HikariDataSource.class);
    try (URLClassLoader loader = classPathWithout(HIKARI)) {
      assertThatThrownBy(() -> Class.forName(HIKARI, false, loader)).isInstanceOf(ClassNotFoundException.class);
      assertThat(Class.forName(JdbcStorage.class.getName(), false, loader).getClassLoader()).isSameAs(loader);
    }
  }

  @Test
  void onlyHikariPoolNamesHikariCpsClasses() throws Exception {
    // The compiled classes of this module, as the class loader of the tests above finds them.
    Path classes = Path.of(JdbcStorage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    byte[] hikari = "com/zaxxer/hikari/".getBytes(StandardCharsets.UTF_8);
    List<String> naming = new ArrayList<>();
    int seen = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        seen++;
        if (contains(Files.readAllBytes(f), hikari)) {
          naming.add(classes.relativize(f).toString().replace(File.separatorChar, '/'));
        }
      }
    }
    assertThat(seen).isGreaterThan(10);
    assertThat(naming).containsExactly("id/go/kpu/jdih/store/jdbc/HikariPool.class");
  }

  private static boolean contains(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * A class loader on this test's class path without the jars that hold {@code classes} (each must be found in a
   * jar of its own on the class path), its parent the platform class loader.
   */
  private static URLClassLoader classPathWithout(String... classes) throws ClassNotFoundException,
      URISyntaxException, MalformedURLException {
    Set<Path> left = new HashSet<>();
    for (String c : classes) {
      left.add(Path.of(Class.forName(c).getProtectionDomain().getCodeSource().getLocation().toURI()));
    }
    List<URL> urls = new ArrayList<>();
    Set<Path> removed = new HashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path p = Path.of(entry).toAbsolutePath();
      if (left.contains(p)) {
        removed.add(p);
      } else {
        urls.add(p.toUri().toURL());
      }
    }
    assertThat(removed).as("jars left out of the class path").isEqualTo(left);
    return new URLClassLoader("without-" + String.join("+", classes), urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader());
  }

  private static void assertNotLoadable(ClassLoader loader, String... classes) {
    for (String c : classes) {
      assertThatThrownBy(() -> Class.forName(c, false, loader)).as(c).isInstanceOf(ClassNotFoundException.class);
    }
  }

  /**
   * Calls a static method of {@link IsolatedStorage} as loaded by {@code loader}, with {@code loader} as the
   * thread's context class loader (as in an app whose class path it is).
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> call(ClassLoader loader, String method, String... args) throws Exception {
    Class<?> helper = Class.forName(IsolatedStorage.class.getName(), true, loader);
    assertThat(helper.getClassLoader()).isSameAs(loader);
    Class<?>[] types = new Class<?>[args.length];
    Arrays.fill(types, String.class);
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return (Map<String, Object>) helper.getMethod(method, types).invoke(null, (Object[]) args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception x) {
        throw x;
      }
      throw new AssertionError(e.getCause());
    } finally {
      helper.getMethod("deregisterDrivers").invoke(null);
      thread.setContextClassLoader(context);
    }
  }
}
