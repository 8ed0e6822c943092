package id.go.kpu.jdih.benchmarks.national;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.event.json.EventJson;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.jdbc.JdbcCaseStore;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Makes, checks, sizes and drops the national data set in schema {@value NationalDb#SCHEMA}. A plain {@code main}:
 *
 * <pre>
 * java -cp benchmarks.jar id.go.kpu.jdih.benchmarks.national.NationalData generate OFFICES CASES_PER_OFFICE
 * java -cp benchmarks.jar id.go.kpu.jdih.benchmarks.national.NationalData verify OFFICES CASES_PER_OFFICE SAMPLE
 * java -cp benchmarks.jar id.go.kpu.jdih.benchmarks.national.NationalData sizes
 * java -cp benchmarks.jar id.go.kpu.jdih.benchmarks.national.NationalData plans [OFFICE]
 * java -cp benchmarks.jar id.go.kpu.jdih.benchmarks.national.NationalData drop
 * </pre>
 *
 * <p><b>generate</b> drops the schema if it exists, creates it empty, opens {@link JdbcCaseStore} on it once (its
 * own Flyway migrations create the tables and indexes, every version), closes it, and then writes the histories of
 * {@link NationalGenerator} with PostgreSQL's {@code COPY ... FROM STDIN} (pgJDBC's {@link PGCopyOutputStream}),
 * office after office, into {@code case_events} and {@code cases} at once on two connections, with the rows the
 * store itself writes: each event's line of {@link EventJson}, its hashes and columns, and the case's summary
 * row from the state the events fold to over the office's definition ({@link ContentCase#apply}). Then
 * {@code VACUUM ANALYZE} on both tables, as autovacuum would after a bulk load.
 *
 * <p><b>verify</b> makes a random sample of cases again and checks: {@link JdbcCaseStore#load} returns exactly the
 * generated events and their chain verifies; and every column of their {@code case_events} and {@code cases} rows
 * equals what {@link JdbcCaseStore} itself writes when the same events are appended through it, one at a time as
 * commands would, into an in-memory H2 database.
 */
public final class NationalData {

  static final long SEED = 20261204L;
  private static final String EVENT_COLUMNS = "case_id, sequence_no, sop_office, sop_number, sop_revision,"
      + " command_id, actor_nip, occurred_at, activity, payload_type, event_json, previous_hash, event_hash";
  private static final String CASE_COLUMNS = "case_id, sop_office, sop_number, sop_revision, status,"
      + " current_activity, available_since, opened_at, version, head_hash";

  private NationalData() {}

  public static void main(String[] args) throws Exception {
    String what = args.length > 0 ? args[0] : "";
    switch (what) {
      case "generate" -> generate(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      case "verify" -> verify(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "sizes" -> sizes();
      case "plans" -> plans(args.length > 1 ? args[1] : NationalOffices.id(NationalOffices.PROVINCES));
      case "drop" -> {
        NationalDb.execute("DROP SCHEMA IF EXISTS " + NationalDb.SCHEMA + " CASCADE");
        System.out.println("dropped schema " + NationalDb.SCHEMA);
      }
      default -> {
        System.err.println("usage: NationalData generate OFFICES CASES | verify OFFICES CASES SAMPLE | sizes | drop");
        System.exit(2);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  private static void generate(int offices, int cases) throws Exception {
    long t0 = System.nanoTime();
    ImmutableList<SopDefinition> definitions = NationalOffices.definitions(offices);
    SopRegistry registry = NationalOffices.registry(definitions);
    NationalDb.execute("DROP SCHEMA IF EXISTS " + NationalDb.SCHEMA + " CASCADE",
        "CREATE SCHEMA " + NationalDb.SCHEMA);
    try (JdbcCaseStore store = JdbcCaseStore.open(NationalDb.schemaUrl(), null, null, registry::find)) {
      System.out.println("schema " + NationalDb.SCHEMA + " created by the store's migrations: "
          + store.count(id.go.kpu.jdih.store.jdbc.CaseQuery.all()) + " cases");
    }
    long t1 = System.nanoTime();
    EventJson json = new EventJson();
    long events = 0;
    long jsonChars = 0;
    Map<CaseStatus, Long> byStatus = new EnumMap<>(CaseStatus.class);
    long overdueCandidates = 0;
    try (Connection ec = NationalDb.connect(); Connection cc = NationalDb.connect();
        Writer ew = copy(ec, "COPY case_events (" + EVENT_COLUMNS + ") FROM STDIN");
        Writer cw = copy(cc, "COPY cases (" + CASE_COLUMNS + ") FROM STDIN")) {
      StringBuilder row = new StringBuilder(4096);
      for (int o = 0; o < offices; o++) {
        SopDefinition d = definitions.get(o);
        NationalGenerator g = new NationalGenerator(d.key(), o, d.office().zone(), SEED);
        for (int n = 1; n <= cases; n++) {
          ImmutableList<RecordedEvent> h = g.history(n);
          ContentCase state = ContentCase.empty(h.get(0).caseId());
          for (RecordedEvent e : h) {
            state = state.apply(d, e);
            String line = json.write(e);
            jsonChars += line.length();
            eventRow(row, e, line);
            ew.write(row.toString());
          }
          events += h.size();
          caseRow(row, h, state);
          cw.write(row.toString());
          byStatus.merge(state.status(), 1L, Long::sum);
          if (state.status() == CaseStatus.OPEN) {
            overdueCandidates++;
          }
        }
        if ((o + 1) % 50 == 0) {
          System.out.printf(Locale.ROOT, "  %d offices, %,d events, %.0f s%n", o + 1, events,
              (System.nanoTime() - t1) / 1e9);
        }
      }
    }
    long t2 = System.nanoTime();
    try (Connection c = NationalDb.connect(); Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE cases");
      s.execute("VACUUM ANALYZE case_events");
    }
    long t3 = System.nanoTime();
    System.out.printf(Locale.ROOT, "generated %d offices x %d cases = %,d cases, %,d events (%.2f per case), event JSON"
        + " %,d chars (%.0f per event)%n", offices, cases, (long) offices * cases, events,
        events / (double) (offices * (long) cases), jsonChars, jsonChars / (double) events);
    System.out.println("cases by status: " + byStatus + " (open " + overdueCandidates + ")");
    System.out.printf(Locale.ROOT, "time: schema %.1f s, generate + COPY %.1f s (%,.0f events/s), VACUUM ANALYZE"
        + " %.1f s, total %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, events / ((t2 - t1) / 1e9), (t3 - t2) / 1e9,
        (t3 - t0) / 1e9);
  }

  private static Writer copy(Connection c, String sql) throws SQLException {
    PGConnection pg = c.unwrap(PGConnection.class);
    return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, sql, 1 << 16),
        StandardCharsets.UTF_8), 1 << 16);
  }

  /** One row of {@code case_events} in COPY's text format, as {@code JdbcCaseStore} binds it. */
  private static void eventRow(StringBuilder row, RecordedEvent e, String line) {
    row.setLength(0);
    field(row, e.caseId().value()).append('\t').append(e.sequence()).append('\t');
    field(row, e.sop().officeId()).append('\t');
    field(row, e.sop().number()).append('\t').append(e.sop().revision()).append('\t');
    field(row, e.commandId().value()).append('\t');
    field(row, e.actor().nip().value()).append('\t').append(column(e.at())).append('\t');
    if (e.activity().isPresent()) {
      row.append(e.activity().getAsInt());
    } else {
      row.append("\\N");
    }
    row.append('\t');
    field(row, payloadType(e)).append('\t');
    field(row, line).append('\t').append(e.previousHash()).append('\t').append(e.hash()).append('\n');
  }

  /** The case's row of {@code cases}, from the state its events fold to, as {@code JdbcCaseStore} writes it. */
  private static void caseRow(StringBuilder row, List<RecordedEvent> h, ContentCase state) {
    RecordedEvent first = h.get(0);
    row.setLength(0);
    field(row, first.caseId().value()).append('\t');
    field(row, first.sop().officeId()).append('\t');
    field(row, first.sop().number()).append('\t').append(first.sop().revision()).append('\t');
    row.append(state.status().name()).append('\t');
    row.append(state.currentActivity().isPresent() ? String.valueOf(state.currentActivity().getAsInt()) : "\\N")
        .append('\t');
    row.append(state.availableSince().map(NationalData::column).orElse("\\N")).append('\t');
    row.append(column(state.openedAt().orElse(first.at()))).append('\t');
    row.append(h.size()).append('\t').append(HashChain.head(h)).append('\n');
  }

  /** The payload's kind as the store writes it: the event JSON's {@code type} ({@code proposed}, ...). */
  private static String payloadType(RecordedEvent e) {
    String name = e.payload().getClass().getSimpleName();
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** A TIMESTAMP(6) value as the store writes it: UTC wall time, truncated to the microsecond. */
  private static String column(Instant at) {
    return LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC).toString();
  }

  /** COPY text format: backslash, tab, newline and carriage return escaped (PostgreSQL manual, COPY, "Text Format"). */
  private static StringBuilder field(StringBuilder row, String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> row.append("\\\\");
        case '\t' -> row.append("\\t");
        case '\n' -> row.append("\\n");
        case '\r' -> row.append("\\r");
        default -> row.append(ch);
      }
    }
    return row;
  }

  // ---------------------------------------------------------------------------------------------------------

  private static void verify(int offices, int cases, int sample) throws Exception {
    long t0 = System.nanoTime();
    ImmutableList<SopDefinition> definitions = NationalOffices.definitions(offices);
    SopRegistry registry = NationalOffices.registry(definitions);
    Random random = new Random(SEED + 1);
    int events = 0;
    try (JdbcCaseStore pg = JdbcCaseStore.open(NationalDb.schemaUrl(), null, null, registry::find);
        JdbcCaseStore h2 = JdbcCaseStore.open("jdbc:h2:mem:national-check;DB_CLOSE_DELAY=-1", null, null,
            registry::find);
        Connection pc = NationalDb.connect();
        Connection hc = java.sql.DriverManager.getConnection("jdbc:h2:mem:national-check")) {
      long rows;
      try (Statement s = pc.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cases")) {
        rs.next();
        rows = rs.getLong(1);
      }
      if (rows != (long) offices * cases) {
        throw new IllegalStateException("cases has " + rows + " rows, expected " + offices + " x " + cases);
      }
      for (int i = 0; i < sample; i++) {
        int o = random.nextInt(offices);
        int n = 1 + random.nextInt(cases);
        SopDefinition d = definitions.get(o);
        NationalGenerator g = new NationalGenerator(d.key(), o, d.office().zone(), SEED);
        ImmutableList<RecordedEvent> expected = g.history(n);
        ImmutableList<RecordedEvent> loaded = pg.load(g.caseId(n));
        if (!loaded.equals(expected)) {
          throw new IllegalStateException("case " + g.caseId(n) + ": the store loads other events than generated");
        }
        if (HashChain.verify(loaded).isPresent()) {
          throw new IllegalStateException("case " + g.caseId(n) + ": the chain breaks: " + HashChain.verify(loaded));
        }
        if (h2.version(g.caseId(n)) == 0) {
          for (int k = 0; k < expected.size(); k++) {
            h2.append(g.caseId(n), k, List.of(expected.get(k)));
          }
        }
        sameRows(pc, hc, "SELECT " + EVENT_COLUMNS + " FROM case_events WHERE case_id = ? ORDER BY sequence_no",
            g.caseId(n).value());
        sameRows(pc, hc, "SELECT " + CASE_COLUMNS + " FROM cases WHERE case_id = ?", g.caseId(n).value());
        events += expected.size();
      }
    }
    System.out.printf(Locale.ROOT, "verified %d random cases (%d events): loaded = generated, chains verify, every"
        + " column of their case_events and cases rows = what JdbcCaseStore writes (appended to H2), %.1f s%n",
        sample, events, (System.nanoTime() - t0) / 1e9);
  }

  private static void sameRows(Connection pg, Connection h2, String sql, String caseId) throws SQLException {
    List<List<Object>> a = rows(pg, sql, caseId);
    List<List<Object>> b = rows(h2, sql, caseId);
    if (a.isEmpty() || !a.equals(b)) {
      throw new IllegalStateException("case " + caseId + ": rows differ from the store's\n  COPY:  " + a
          + "\n  store: " + b);
    }
  }

  private static List<List<Object>> rows(Connection c, String sql, String caseId) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData m = rs.getMetaData();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= m.getColumnCount(); i++) {
            String name = m.getColumnName(i).toLowerCase(Locale.ROOT);
            Object v = name.endsWith("_at") || name.equals("available_since")
                ? rs.getObject(i, LocalDateTime.class) : rs.getString(i);
            row.add(v == null ? "NULL" : Objects.toString(v));
          }
          out.add(row);
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------

  private static void sizes() throws SQLException {
    try (Connection c = NationalDb.connect(); Statement s = c.createStatement()) {
      for (String table : List.of("case_events", "cases")) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*), pg_total_relation_size('" + table + "'),"
            + " pg_relation_size('" + table + "'), pg_indexes_size('" + table + "'),"
            + " pg_total_relation_size('" + table + "') - pg_relation_size('" + table + "')"
            + " - pg_indexes_size('" + table + "') FROM " + table)) {
          rs.next();
          System.out.printf(Locale.ROOT, "%s: %,d rows; total %s (heap %s, TOAST and maps %s, indexes %s)%n",
              table, rs.getLong(1), mib(rs.getLong(2)), mib(rs.getLong(3)), mib(rs.getLong(5)), mib(rs.getLong(4)));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT indexrelname, pg_relation_size(indexrelid) FROM"
          + " pg_stat_user_indexes WHERE schemaname = '" + NationalDb.SCHEMA + "' AND relname IN ('cases',"
          + " 'case_events') ORDER BY relname, indexrelname")) {
        while (rs.next()) {
          System.out.printf(Locale.ROOT, "  index %s: %s%n", rs.getString(1), mib(rs.getLong(2)));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM cases GROUP BY status ORDER BY status")) {
        StringBuilder sb = new StringBuilder("cases by status:");
        while (rs.next()) {
          sb.append(' ').append(rs.getString(1)).append(' ').append(rs.getLong(2));
        }
        System.out.println(sb);
      }
      try (ResultSet rs = s.executeQuery("SELECT current_activity, COUNT(*) FROM cases WHERE status = 'OPEN'"
          + " GROUP BY current_activity ORDER BY current_activity")) {
        StringBuilder sb = new StringBuilder("open cases by current activity:");
        while (rs.next()) {
          sb.append(' ').append(rs.getInt(1)).append(": ").append(rs.getLong(2));
        }
        System.out.println(sb);
      }
      try (ResultSet rs = s.executeQuery("SELECT MIN(n), percentile_disc(0.5) WITHIN GROUP (ORDER BY n), MAX(n) FROM"
          + " (SELECT COUNT(*) AS n FROM cases WHERE status = 'OPEN' GROUP BY sop_office) t")) {
        rs.next();
        System.out.printf(Locale.ROOT, "open cases per office: min %d, median %d, max %d%n", rs.getLong(1),
            rs.getLong(2), rs.getLong(3));
      }
    }
  }

  /**
   * PostgreSQL's plans, with actual times and buffers, of the statements the store runs for one office's queries
   * (the SQL as in {@code JdbcCaseStore}, with one office's values in place of the parameters).
   */
  private static void plans(String office) throws SQLException {
    String open = "SELECT case_id FROM cases WHERE status IS NOT NULL AND sop_office = '" + office + "'"
        + " AND status = 'OPEN'";
    Map<String, String> statements = new java.util.LinkedHashMap<>();
    statements.put("open cases of the office (cases(CaseQuery office + OPEN), my tasks and board)",
        "SELECT case_id, sop_office, sop_number, sop_revision, status, current_activity, available_since,"
            + " opened_at, version, head_hash FROM cases WHERE status IS NOT NULL AND sop_office = '" + office
            + "' AND status = 'OPEN' ORDER BY opened_at DESC, case_id DESC LIMIT 1000 OFFSET 0");
    statements.put("their histories (loadAll, one IN list)", "SELECT case_id, sequence_no, event_json FROM"
        + " case_events WHERE case_id IN (" + String.join(", ", ids(open)) + ") ORDER BY case_id, sequence_no");
    statements.put("overdue list (overdue(office, ..))", "SELECT case_id, sop_office, sop_number, sop_revision,"
        + " status, current_activity, available_since, opened_at, version, head_hash FROM cases WHERE sop_office = '"
        + office + "' AND status = 'OPEN' ORDER BY case_id");
    statements.put("one office's histories for a year (histories(office, from, to))", "SELECT e.case_id,"
        + " e.sequence_no, e.event_json FROM case_events e WHERE e.case_id IN (SELECT c.case_id FROM cases c WHERE"
        + " c.sop_office = '" + office + "' AND c.opened_at >= '2025-12-04T03:00' AND c.opened_at <"
        + " '2026-12-04T03:00') ORDER BY e.case_id, e.sequence_no");
    statements.put("every office's open cases (overdue(deadlines, at), the former overdue list)",
        "SELECT case_id, sop_office, sop_number, sop_revision, status, current_activity, available_since,"
            + " opened_at, version, head_hash FROM cases WHERE status = 'OPEN' ORDER BY case_id");
    try (Connection c = NationalDb.connect(); Statement s = c.createStatement()) {
      for (Map.Entry<String, String> e : statements.entrySet()) {
        System.out.println("-- " + e.getKey() + ", office " + office);
        try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + e.getValue())) {
          while (rs.next()) {
            System.out.println("   " + rs.getString(1));
          }
        }
      }
    }
  }

  private static List<String> ids(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = NationalDb.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add("'" + rs.getString(1) + "'");
      }
    }
    return out.isEmpty() ? List.of("''") : out;
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1024.0 * 1024));
  }
}
