package id.go.kpu.jdih.server.web;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.server.api.Problems;
import id.go.kpu.jdih.server.directory.ServerDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A refusal while rendering a page: a page with its status, code and message, never the data refused. */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {
  private final Problems problems;
  private final ServerDirectory directory;

  PageErrors(Problems problems, ServerDirectory directory) {
    this.problems = problems;
    this.directory = directory;
  }

  @ExceptionHandler(JdihException.class)
  ModelAndView refused(JdihException e, HttpServletRequest request, HttpServletResponse response) {
    Ui ui = new Ui(WebLanguage.language(request, directory));
    Problems.Problem p = problems.of(e, ui.language());
    response.setStatus(p.status());
    ModelAndView mv = new ModelAndView("refused");
    mv.addObject("ui", ui);
    mv.addObject("problem", p);
    mv.addObject("here", "/");
    mv.setStatus(org.springframework.http.HttpStatusCode.valueOf(p.status()));
    return mv;
  }
}
