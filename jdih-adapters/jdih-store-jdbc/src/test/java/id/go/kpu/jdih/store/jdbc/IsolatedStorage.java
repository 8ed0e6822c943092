package id.go.kpu.jdih.store.jdbc;

import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Runs the store inside the class loader {@link OptionalDependenciesTest} makes (the test class path without some
 * optional dependencies), called there by reflection. Public, with JDK types only in its signatures, because it is
 * another runtime package than the test's: it answers with plain values and the test asserts on them.
 */
public final class IsolatedStorage {

  private static final SopRegistry REGISTRY = SopRegistry.withReference();
  private static final Instant MONDAY = Instant.parse("2024-03-04T01:00:00Z");

  private IsolatedStorage() {}

  /**
   * Opens {@link JdbcStorage} and then {@link JdbcCaseStore} on an H2 data source of the app's (H2's own
   * {@code JdbcDataSource}, no pool) in {@code dir}, appends the first three commands of a case through the storage,
   * and loads the case through both.
   *
   * @return {@code appended}, {@code loadedByStorage}, {@code loadedByCaseStore} (event counts),
   *     {@code sameEvents} (both loads equal the appended events) and {@code storageLoader} (the class loader of
   *     {@link JdbcStorage}, as text)
   */
  public static Map<String, Object> onOwnDataSource(String dir) {
    JdbcDataSource own = new JdbcDataSource();
    own.setURL(JdbcCaseStore.h2FileUrl(Path.of(dir)));
    CaseId id = CaseId.of("tanpa-hikari");
    List<RecordedEvent> events = Histories.happyPath(id, MONDAY, 3);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("appended", events.size());
    boolean same;
    try (JdbcStorage storage = JdbcStorage.open(own, REGISTRY::find)) {
      storage.append(id, 0, events, List.of());
      List<RecordedEvent> loaded = storage.cases().load(id);
      out.put("loadedByStorage", loaded.size());
      same = loaded.equals(events);
    }
    try (JdbcCaseStore store = JdbcCaseStore.open(own, REGISTRY::find)) {
      List<RecordedEvent> loaded = store.load(id);
      out.put("loadedByCaseStore", loaded.size());
      same = same && loaded.equals(events);
    }
    out.put("sameEvents", same);
    out.put("storageLoader", String.valueOf(JdbcStorage.class.getClassLoader()));
    return out;
  }

  /**
   * Deregisters the JDBC drivers this class loader registered with {@link DriverManager} (only code of the same
   * class loader may), so that none outlives the test.
   *
   * @return how many were deregistered
   */
  public static int deregisterDrivers() throws SQLException {
    int n = 0;
    for (Driver d : DriverManager.drivers().toList()) {
      if (d.getClass().getClassLoader() == IsolatedStorage.class.getClassLoader()) {
        DriverManager.deregisterDriver(d);
        n++;
      }
    }
    return n;
  }

  /**
   * Calls a URL factory and reports what it threw.
   *
   * @param factory {@code storage.h2File}, {@code cases.h2File}, {@code storage.open} or {@code cases.open}
   * @param target the folder for the {@code h2File} factories, the JDBC URL for the {@code open} factories
   * @return {@code thrown} (the exception's class name, or {@code nothing}), and for a {@link JdbcStoreException}
   *     {@code code}, {@code kind}, {@code message} (both languages) and {@code cause} (the cause's class name, or
   *     {@code none})
   */
  public static Map<String, Object> urlFactory(String factory, String target) {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      AutoCloseable opened = switch (factory) {
        case "storage.h2File" -> JdbcStorage.h2File(Path.of(target), REGISTRY::find);
        case "cases.h2File" -> JdbcCaseStore.h2File(Path.of(target), REGISTRY::find);
        case "storage.open" -> JdbcStorage.open(target, null, null, REGISTRY::find);
        case "cases.open" -> JdbcCaseStore.open(target, null, null, REGISTRY::find);
        default -> throw new IllegalArgumentException(factory);
      };
      opened.close();
      out.put("thrown", "nothing");
    } catch (JdbcStoreException e) {
      out.put("thrown", e.getClass().getName());
      out.put("code", e.code());
      out.put("kind", e.kind().name());
      out.put("message", e.getMessage());
      out.put("cause", e.getCause() == null ? "none" : e.getCause().getClass().getName());
    } catch (Throwable e) { // NoClassDefFoundError included: that is what the test is about
      out.put("thrown", e.getClass().getName());
      out.put("message", String.valueOf(e.getMessage()));
    }
    return out;
  }
}
