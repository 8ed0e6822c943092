package id.go.kpu.jdih.server.directory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Creates and updates the server's own tables with Flyway, in a history table of their own
 * ({@code jdih_server_schema_history}) so that they never mix with the store's migrations or an app's. Runs once
 * when the bean is made, after the store has made its own (Flyway refuses a schema that holds tables but no
 * history of its own unless told to baseline, which this does and the store does not); every other directory bean
 * depends on it.
 */
@Component
@DependsOn("jdihStorage")
public class ServerSchema {

  /** The server's Flyway history table. */
  public static final String HISTORY_TABLE = "jdih_server_schema_history";

  private final String vendor;

  /** Migrates {@code dataSource}. */
  public ServerSchema(DataSource dataSource) {
    this.vendor = vendorOf(dataSource);
    String text = switch (vendor) {
      case "postgresql" -> "TEXT";
      case "mariadb" -> "LONGTEXT";
      default -> "CLOB";
    };
    // Flyway 11 FluentConfiguration: placeholders replace ${name} in the scripts; table() names the history table.
    Flyway.configure(ServerSchema.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/jdih-server")
        .table(HISTORY_TABLE)
        .placeholders(Map.of("text", text))
        .baselineOnMigrate(true) // the database already holds the store's tables
        .baselineVersion("0")
        .cleanDisabled(true)
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  /** {@code h2}, {@code postgresql} or {@code mariadb}. */
  public String vendor() {
    return vendor;
  }

  private static String vendorOf(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      String version = c.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT);
      if (product.equals("postgresql")) {
        return "postgresql";
      }
      if (product.equals("mariadb") || (product.equals("mysql") && version.contains("mariadb"))) {
        return "mariadb";
      }
      if (product.equals("h2")) {
        return "h2";
      }
      throw new IllegalStateException("jdih-server: basis data tidak didukung / unsupported database: " + product);
    } catch (SQLException e) {
      throw new IllegalStateException("jdih-server: basis data tidak dapat dibuka / the database cannot be opened: "
          + e.getMessage(), e);
    }
  }
}
