package id.go.kpu.jdih.server.api;

import id.go.kpu.jdih.server.directory.ApiTokens;
import id.go.kpu.jdih.server.directory.CalendarDays;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An office's amendments of the server's calendar: its own days off (a regional holiday) and the bundled days off it
 * works on, uploaded as the CSV of jdih-calendar-file by its administrators. Deadlines of the office's cases are
 * counted on the amended calendar from then on (of running cases too: a due date is computed when asked).
 */
@RestController
@RequestMapping(path = "/api/v1/offices/{office}/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
public class CalendarController {

  /** A row as listed; name and source are empty for {@code REMOVE}. */
  public record DayView(String date, String kind, String name, String source) {
    static DayView of(CalendarDays.Row r) {
      return new DayView(r.date().toString(), r.kind(), r.name(), r.source());
    }
  }

  private final Access access;
  private final CalendarDays days;

  CalendarController(Access access, CalendarDays days) {
    this.access = access;
    this.days = days;
  }

  /** The office's amendments, by date (for its people, or a token with {@code sop:read}). */
  @GetMapping
  public List<DayView> list(@PathVariable String office) {
    Access.Caller caller = access.caller();
    if (access.isServerAdmin(caller)) {
      access.administer(office);
    } else {
      access.member(office, ApiTokens.Scope.SOP_READ);
    }
    return days.list(office).stream().map(DayView::of).toList();
  }

  /**
   * Replaces the office's amendments with the CSV's rows ({@code date,kind,name,source}); any bad line refuses the
   * whole upload, each named as {@code line N} in the problem's {@code errors}.
   */
  @PutMapping(consumes = "text/csv")
  public List<DayView> replace(@PathVariable String office, @RequestBody byte[] csv) {
    access.administer(office);
    days.replace(office, CalendarDays.parse(new String(csv, StandardCharsets.UTF_8)));
    days.forget(office);
    return days.list(office).stream().map(DayView::of).toList();
  }
}
