package id.go.kpu.jdih.server.api;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.spring.boot.OfficeCalendars;
import id.go.kpu.jdih.store.jdbc.JdbcStorage;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.ContentCase;
import org.springframework.stereotype.Component;

/**
 * What the controllers beside the cases API share: a case of an office as the caller may see it, the office's
 * deadlines in its own calendar, the JDBC store. Thread-safe.
 */
@Component
class CaseLookup {
  private final Jdih jdih;
  private final Access access;
  private final OfficeCalendars calendars;
  private final WorkingCalendar calendar;

  CaseLookup(Jdih jdih, Access access, OfficeCalendars calendars, WorkingCalendar calendar) {
    this.jdih = jdih;
    this.access = access;
    this.calendars = calendars;
    this.calendar = calendar;
  }

  /** The case, if it exists and is the office's: another office's case is refused like a missing one. */
  ContentCase visible(String office, String caseIdText) {
    return jdih.cases().as(access.caller().principal()).find(caseId(caseIdText))
        .filter(c -> jdih.cases().definitionOf(c.id()).office().id().equals(office))
        .orElseThrow(() -> new ServerException(ServerException.Kind.NOT_FOUND, Text.of(
            "Kasus %s tidak ditemukan di kantor %s", "Case %s not found in office %s").format(caseIdText, office)));
  }

  static CaseId caseId(String text) {
    try {
      return CaseId.of(text);
    } catch (IllegalArgumentException e) {
      throw ServerException.badField("caseId", "Pattern", Text.of("huruf, angka, - dan _, 1-64 karakter",
          "letters, digits, - and _, 1-64 characters"));
    }
  }

  /** The office's deadlines: its own calendar, or the server's if it has none. */
  Deadlines deadlines(String office) {
    return new Deadlines(calendars.forOffice(office).orElse(calendar));
  }

  /** The runtime's JDBC storage. */
  JdbcStorage jdbc() {
    if (jdih.storage() instanceof JdbcStorage s) {
      return s;
    }
    throw new IllegalStateException("jdih-server needs the JDBC store");
  }
}
