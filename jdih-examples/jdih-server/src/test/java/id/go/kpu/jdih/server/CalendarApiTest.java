package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An office's own calendar amendments over the API: a bad upload is refused line by line and stores nothing; a
 * good one moves the deadlines of that office's cases only.
 */
class CalendarApiTest extends ServerTestSupport {

  static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

  @Test
  void anOfficesDaysOffMoveItsDeadlinesOnly() {
    Client admin = admin();
    office(admin, "cal-a", "Asia/Jakarta", "19800101200609");
    office(admin, "cal-b", "Asia/Jakarta", "19900101200609");
    Client kasubagA = session("cal-a.kasubag");
    Client kasubagB = session("cal-b.kasubag");
    String caseA = "/api/v1/offices/cal-a/cases/" + kasubagA.post("/api/v1/offices/cal-a/cases", proposal("A"),
        Map.of("Idempotency-Key", "cal-1")).expect(201).json().get("id").asString();
    String caseB = "/api/v1/offices/cal-b/cases/" + kasubagB.post("/api/v1/offices/cal-b/cases", proposal("B"),
        Map.of("Idempotency-Key", "cal-1")).expect(201).json().get("id").asString();
    Instant dueA = Instant.parse(kasubagA.get(caseA).expect(200).json().get("due").asString());
    Instant dueB = Instant.parse(kasubagB.get(caseB).expect(200).json().get("due").asString());
    String calendar = "/api/v1/offices/cal-a/calendar";

    // Who may: the office's administrators upload; anyone else is refused.
    String good = csv(dueA);
    put(new Client(port), calendar, good).expect(401);
    put(kasubagB, calendar, good).expect(403);
    put(session("cal-a.tim"), calendar, good).expect(403);

    // A bad upload: every bad line named, nothing stored.
    Client.Response bad = put(kasubagA, calendar, """
        date,kind,name,source
        2026-12-07,CUTI_BERSAMA,Cuti,"SK KPU"
        2026-13-01,CUTI_BERSAMA,Cuti,SK
        2026-12-08,LIBUR,Cuti,SK
        # a comment
        2026-12-09,CUTI_BERSAMA,,SK
        2026-12-10,CUTI_BERSAMA,Cuti
        2026-12-07,REMOVE,,
        """).expect(400);
    List<String> fields = new ArrayList<>();
    bad.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).containsExactly("line 3", "line 4", "line 6", "line 7", "line 8");
    put(kasubagA, calendar, "tanggal,jenis\n").expect(400);
    assertThat(kasubagA.get(calendar).expect(200).json()).isEmpty();

    // Days off from today to the due date, for cal-a only: its deadline moves, cal-b's does not.
    JsonNode stored = put(kasubagA, calendar, good).expect(200).json();
    assertThat(stored.size()).isGreaterThan(0);
    assertThat(stored.get(0).get("kind").asString()).isEqualTo("CUTI_BERSAMA");
    assertThat(session("cal-a.tim").get(calendar).expect(200).json().size()).isEqualTo(stored.size());
    kasubagB.get(calendar).expect(403);
    assertThat(kasubagB.get("/api/v1/offices/cal-b/calendar").expect(200).json()).isEmpty();
    Instant movedA = Instant.parse(kasubagA.get(caseA).expect(200).json().get("due").asString());
    assertThat(movedA).isAfter(dueA);
    assertThat(Instant.parse(kasubagB.get(caseB).expect(200).json().get("due").asString())).isEqualTo(dueB);

    // Taking them back: the deadline is where it was.
    put(kasubagA, calendar, "date,kind,name,source\n").expect(200);
    assertThat(Instant.parse(kasubagA.get(caseA).expect(200).json().get("due").asString())).isEqualTo(dueA);
  }

  private static String csv(Instant due) {
    StringBuilder sb = new StringBuilder("date,kind,name,source\n");
    LocalDate last = due.atZone(JAKARTA).toLocalDate();
    for (LocalDate d = LocalDate.now(JAKARTA); !d.isAfter(last); d = d.plusDays(1)) {
      sb.append(d).append(",CUTI_BERSAMA,\"Libur daerah, uji\",\"SK KPU Kab. A\"\n");
    }
    return sb.toString();
  }

  private static Client.Response put(Client c, String path, String csv) {
    return c.send("PUT", path, "text/csv; charset=UTF-8", csv.getBytes(StandardCharsets.UTF_8), Map.of());
  }
}
