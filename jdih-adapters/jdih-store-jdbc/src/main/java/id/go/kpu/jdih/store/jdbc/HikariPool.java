package id.go.kpu.jdih.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.go.kpu.jdih.i18n.Text;
import java.io.Closeable;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The connection pool the URL factories open ({@link JdbcCaseStore#h2File}, {@link JdbcCaseStore#open(String,
 * String, String, java.util.function.Function)} and {@link JdbcStorage}'s): the one class of this module that uses
 * HikariCP. HikariCP is an optional dependency, so nothing else names its classes, and this class is loaded only
 * when a factory creates a pool: a store on a caller's data source runs without HikariCP on the class path.
 */
final class HikariPool implements Closeable {

  /** The artifact an embedder adds to use the URL factories. */
  static final String ARTIFACT = "com.zaxxer:HikariCP";
  private static final String DATA_SOURCE_CLASS = "com.zaxxer.hikari.HikariDataSource";

  /** The JDBC drivers of the databases the store supports: URL prefix, driver class, artifact. */
  private static final String[][] DRIVERS = {
      {"jdbc:h2:", "org.h2.Driver", "com.h2database:h2"},
      {"jdbc:postgresql:", "org.postgresql.Driver", "org.postgresql:postgresql"},
      {"jdbc:mariadb:", "org.mariadb.jdbc.Driver", "org.mariadb.jdbc:mariadb-java-client"},
  };

  private final HikariDataSource pool;

  private HikariPool(HikariDataSource pool) {
    this.pool = pool;
  }

  /**
   * Opens a pool of {@code size} connections (auto-commit on, READ COMMITTED) on {@code jdbcUrl}.
   *
   * @param shownUrl the URL as error messages show it (without its parameters, which may hold a password)
   * @throws JdbcStoreException {@link JdbcStoreException.Kind#MISSING_LIBRARY} if HikariCP, or the driver of a
   *     database the store supports, is not on the class path; {@link JdbcStoreException.Kind#DATABASE_FAILURE}
   *     if the database cannot be reached
   */
  static HikariPool open(String jdbcUrl, String user, String password, int size, String shownUrl) {
    if (!loadable(DATA_SOURCE_CLASS)) {
      throw missingPool(shownUrl);
    }
    // HikariCP configuration (HikariConfig setters, per the HikariCP README "Configuration"): maximumPoolSize
    // caps the connections; minimumIdle keeps one open while idle; autoCommit is the default auto-commit of
    // connections handed out; transactionIsolation takes the name of a java.sql.Connection constant;
    // connectionTimeout is how long getConnection() waits for a free connection before it throws.
    HikariConfig config = new HikariConfig();
    config.setPoolName("jdih-store-jdbc");
    config.setJdbcUrl(jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setAutoCommit(true);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.setConnectionTimeout(15_000);
    try {
      return new HikariPool(new HikariDataSource(config));
    } catch (RuntimeException e) {
      String driver = driverNotFound(jdbcUrl);
      if (driver != null) {
        throw missingDriver(shownUrl, driver, e);
      }
      throw new JdbcStoreException(JdbcStoreException.Kind.DATABASE_FAILURE, Text.of(
          "Basis data %s tidak dapat dibuka: %s", "The database %s cannot be opened: %s")
          .format(shownUrl, e.getMessage()), e);
    }
  }

  /** The pool, a data source. */
  DataSource dataSource() {
    return pool;
  }

  /** Closes the pool and its connections. */
  @Override
  public void close() {
    pool.close();
  }

  /**
   * The artifact of the driver {@code jdbcUrl} needs, if it is the URL of a database the store supports and that
   * driver's class is on neither this module's class path nor the thread's context class path; otherwise null.
   */
  private static String driverNotFound(String jdbcUrl) {
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    for (String[] d : DRIVERS) {
      if (url.startsWith(d[0]) && !loadable(d[1])) {
        return d[2];
      }
    }
    return null;
  }

  private static boolean loadable(String className) {
    for (ClassLoader loader : new ClassLoader[] {
        HikariPool.class.getClassLoader(), Thread.currentThread().getContextClassLoader()}) {
      if (loader == null) {
        continue;
      }
      try {
        Class.forName(className, false, loader);
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        // try the next loader
      }
    }
    return false;
  }

  private static JdbcStoreException missingPool(String shownUrl) {
    return new JdbcStoreException(JdbcStoreException.Kind.MISSING_LIBRARY, Text.of(
        "Basis data %s tidak dapat dibuka: kumpulan koneksinya memerlukan HikariCP, yang tidak ada di class path."
            + " Tambahkan dependensi %s, atau buka penyimpan pada DataSource milik aplikasi"
            + " (JdbcStorage.open(DataSource, ...)).",
        "The database %s cannot be opened: its connection pool needs HikariCP, which is not on the class path."
            + " Add the dependency %s, or open the store on the app's own DataSource"
            + " (JdbcStorage.open(DataSource, ...)).")
        .format(shownUrl, ARTIFACT), null);
  }

  private static JdbcStoreException missingDriver(String shownUrl, String artifact, RuntimeException cause) {
    return new JdbcStoreException(JdbcStoreException.Kind.MISSING_LIBRARY, Text.of(
        "Basis data %s tidak dapat dibuka: driver JDBC-nya tidak ada di class path. Tambahkan dependensi %s.",
        "The database %s cannot be opened: its JDBC driver is not on the class path. Add the dependency %s.")
        .format(shownUrl, artifact), cause);
  }
}
