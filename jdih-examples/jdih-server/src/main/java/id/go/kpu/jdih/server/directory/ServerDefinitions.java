package id.go.kpu.jdih.server.directory;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.definition.json.SopDefinitionJson;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.sop.SopRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SOP definitions of every office: the runtime's {@link SopRegistry} in memory, filled from the
 * {@code jdih_definition} table on demand, so that a revision another server instance published is found here too.
 * Thread-safe.
 */
public final class ServerDefinitions {
  private static final Logger LOG = LoggerFactory.getLogger(ServerDefinitions.class);

  private final SopRegistry registry;
  private final DataSource dataSource;
  private final SopDefinitionJson json = new SopDefinitionJson();

  /** Definitions in {@code registry}, read on demand from {@code dataSource}. */
  public ServerDefinitions(SopRegistry registry, DataSource dataSource) {
    this.registry = checkNotNull(registry, "registry");
    this.dataSource = checkNotNull(dataSource, "dataSource");
  }

  /** The registry the runtime uses. */
  public SopRegistry registry() {
    return registry;
  }

  /** The definition of {@code key}: registered already, or read from the table and registered now. */
  public Optional<SopDefinition> find(SopKey key) {
    checkNotNull(key, "key");
    Optional<SopDefinition> known = registry.find(key);
    if (known.isPresent()) {
      return known;
    }
    return load(key).map(d -> {
      registry.register(d);
      return d;
    });
  }

  /**
   * Registers every revision of {@code officeId} (or of every office, if empty) that another server instance
   * stored since this one last looked: one small query, then a read of each revision not yet known.
   */
  public void refresh(Optional<String> officeId) {
    String sql = "SELECT office_id, sop_number, sop_revision FROM jdih_definition"
        + (officeId.isPresent() ? " WHERE office_id = ?" : "");
    java.util.List<SopKey> missing = new java.util.ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      if (officeId.isPresent()) {
        s.setString(1, officeId.get());
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          SopKey key = new SopKey(r.getString(1), r.getString(2), r.getInt(3));
          if (registry.find(key).isEmpty()) {
            missing.add(key);
          }
        }
      }
    } catch (SQLException e) {
      LOG.debug("definitions not readable: {}", e.getMessage());
      return;
    }
    missing.forEach(this::find);
  }

  /** The definition of {@code key}, which must exist. */
  public SopDefinition get(SopKey key) {
    return find(key).orElseThrow(() -> new SopRegistry.UnknownDefinitionException(key));
  }

  /** The JSON form of a definition, as stored. */
  public String toJson(SopDefinition definition) {
    return json.write(definition);
  }

  /** Reads a definition from its JSON form. */
  public SopDefinition fromJson(String text) {
    return json.read(text);
  }

  private Optional<SopDefinition> load(SopKey key) {
    String sql = "SELECT definition FROM jdih_definition WHERE office_id = ? AND sop_number = ? AND sop_revision = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key.officeId());
      s.setString(2, key.number());
      s.setInt(3, key.revision());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(json.read(r.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      // Before the server's schema exists (the store migrates first) there is nothing to find.
      LOG.debug("definition {} not readable: {}", key, e.getMessage());
      return Optional.empty();
    }
  }
}
