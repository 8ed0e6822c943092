package id.go.kpu.jdih.server.web;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.server.api.Access;
import id.go.kpu.jdih.server.directory.ApiTokens.Scope;
import id.go.kpu.jdih.server.directory.PersonRecord;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.spring.boot.OfficeCalendars;
import id.go.kpu.jdih.store.jdbc.CaseQuery;
import id.go.kpu.jdih.store.jdbc.CaseSummary;
import id.go.kpu.jdih.store.jdbc.JdbcStorage;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.OpenActivity;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.ContentCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * What the pages share: the caller as a person of their office (checked by {@link Access} like the API), the
 * office's SOP and deadlines, its open cases, and a case only if it is of the caller's office. Thread-safe.
 */
@Component
class Pages {

  /** An open case with the activity it waits on. */
  record OpenCase(ContentCase c, SopDefinition sop, Activity activity, OpenActivity open, String title) {}

  private final Jdih jdih;
  private final Access access;
  private final OfficeCalendars calendars;
  private final WorkingCalendar calendar;

  Pages(Jdih jdih, Access access, OfficeCalendars calendars, WorkingCalendar calendar) {
    this.jdih = jdih;
    this.access = access;
    this.calendars = calendars;
    this.calendar = calendar;
  }

  /** The caller as a person of their own office, allowed {@code scope} there; 403 for an account of no office. */
  PersonRecord me(Scope scope) {
    Access.Caller caller = access.caller();
    PersonRecord p = access.person(caller).orElseThrow(() -> new ServerException(ServerException.Kind.FORBIDDEN,
        Text.of("Akun ini bukan pegawai kantor mana pun", "This account is no person of any office")));
    return access.member(p.officeId(), scope);
  }

  /** The runtime acting as the caller. */
  Cases.Acting acting() {
    return jdih.cases().as(access.caller().principal());
  }

  /** The office's current SOP. */
  SopDefinition currentSop(String office) {
    return access.offices().currentDefinition(office).orElseThrow(() -> new ServerException(
        ServerException.Kind.NOT_FOUND, Text.of("Kantor %s tidak ditemukan", "Office %s not found").format(office)));
  }

  /** The SOP revision {@code c} runs under. */
  SopDefinition sopOf(ContentCase c) {
    return jdih.cases().definitionOf(c);
  }

  /** The case, if it exists and is of {@code p}'s office: another office's case is answered like a missing one. */
  ContentCase visible(PersonRecord p, String caseIdText) {
    Optional<CaseId> id;
    try {
      id = Optional.of(CaseId.of(caseIdText));
    } catch (IllegalArgumentException e) {
      id = Optional.empty();
    }
    return id.flatMap(i -> acting().find(i)).filter(c -> sopOf(c).office().id().equals(p.officeId()))
        .orElseThrow(() -> new ServerException(ServerException.Kind.NOT_FOUND, Text.of(
            "Kasus tidak ditemukan di kantor Anda", "No such case in your office")));
  }

  /** The office's deadlines: its own calendar, or the server's. */
  Deadlines deadlines(String office) {
    return new Deadlines(calendars.forOffice(office).orElse(calendar));
  }

  Instant now() {
    return jdih.clock().instant();
  }

  /** The office's open cases, the soonest due first. */
  List<OpenCase> openCases(String office) {
    Deadlines deadlines = deadlines(office);
    Instant now = now();
    List<OpenCase> out = new ArrayList<>();
    CaseQuery q = CaseQuery.ofOffice(office).withStatus(CaseStatus.OPEN).page(0, CaseQuery.MAX_LIMIT);
    List<CaseId> ids;
    try (Stream<CaseSummary> s = jdbc().cases().cases(q)) {
      ids = s.map(CaseSummary::id).toList();
    }
    // One query for every open case's history, not one (or three) per case.
    for (ContentCase c : acting().findAll(ids).values()) {
      SopDefinition sop = sopOf(c);
      Optional<OpenActivity> open = deadlines.open(c, sop, now);
      if (open.isEmpty()) {
        continue;
      }
      Activity a = sop.activity(open.get().activity()).orElseThrow();
      out.add(new OpenCase(c, sop, a, open.get(), title(c)));
    }
    out.sort(Comparator.comparing((OpenCase o) -> o.open().due().orElse(Instant.MAX))
        .thenComparing(o -> o.c().id().value()));
    return out;
  }

  static String title(ContentCase c) {
    return c.proposal().map(p -> p.title()).orElse(c.id().value());
  }

  private JdbcStorage jdbc() {
    if (jdih.storage() instanceof JdbcStorage s) {
      return s;
    }
    throw new IllegalStateException("jdih-server needs the JDBC store");
  }
}
