package id.go.kpu.jdih.server.web;

import id.go.kpu.jdih.server.directory.ApiTokens.Scope;
import id.go.kpu.jdih.server.directory.PersonRecord;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.SopDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * <em>Tugas saya</em>: the open activities of the person's office that their roles execute, the soonest due first;
 * and <em>Papan</em>: the office's open cases in one column per activity of its SOP, like the SOP's lanes.
 */
@Controller
class TasksController {
  private final Pages pages;

  TasksController(Pages pages) {
    this.pages = pages;
  }

  /** A column of the board. */
  record Column(Activity activity, String role, List<Pages.OpenCase> cases) {}

  @GetMapping("/")
  String tasks(Model model) {
    PersonRecord p = pages.me(Scope.CASES_READ);
    SopDefinition sop = pages.currentSop(p.officeId());
    List<Pages.OpenCase> mine = pages.openCases(p.officeId()).stream()
        .filter(o -> p.roles().contains(o.activity().executor())).toList();
    common(model, p, sop);
    model.addAttribute("tasks", mine);
    return "tasks";
  }

  @GetMapping("/papan")
  String board(Model model) {
    PersonRecord p = pages.me(Scope.CASES_READ);
    SopDefinition sop = pages.currentSop(p.officeId());
    Map<Integer, Column> columns = new LinkedHashMap<>();
    for (Activity a : sop.activities()) {
      columns.put(a.number(), new Column(a, roleName(sop, a), new java.util.ArrayList<>()));
    }
    for (Pages.OpenCase o : pages.openCases(p.officeId())) {
      columns.computeIfAbsent(o.activity().number(), n -> new Column(o.activity(), roleName(o.sop(), o.activity()),
          new java.util.ArrayList<>())).cases().add(o);
    }
    common(model, p, sop);
    model.addAttribute("columns", columns.values());
    return "board";
  }

  static void common(Model model, PersonRecord p, SopDefinition sop) {
    model.addAttribute("me", p);
    model.addAttribute("office", sop.office());
    model.addAttribute("zone", sop.office().zone());
    model.addAttribute("mayPropose", p.roles().contains(sop.startActivity().executor())
        && sop.startActivity().kind() == ActivityKind.PROPOSAL);
    // From the directory's record of the caller (never from the request): the Admin link of the menu.
    model.addAttribute("mayAdminister", p.officeAdmin());
  }

  static String roleName(SopDefinition sop, Activity a) {
    return sop.role(a.executor()).map(r -> r.name()).orElse(a.executor().value());
  }
}
