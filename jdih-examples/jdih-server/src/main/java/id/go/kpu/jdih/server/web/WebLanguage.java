package id.go.kpu.jdih.server.web;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.server.directory.PersonRecord;
import id.go.kpu.jdih.server.directory.ServerDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The page language and what every page's model holds: {@code ?lang=en} or {@code ?lang=id} is kept in the session;
 * without it the person's own language from the directory; Indonesian otherwise. Also the path the language switch
 * returns to. (Every form uses {@code th:action}, which adds the CSRF field.)
 */
@ControllerAdvice(basePackageClasses = WebLanguage.class)
class WebLanguage {
  static final String SESSION_ATTRIBUTE = "jdih.language";

  private final ServerDirectory directory;

  WebLanguage(ServerDirectory directory) {
    this.directory = directory;
  }

  @ModelAttribute
  void common(HttpServletRequest request, Model model) {
    model.addAttribute("ui", new Ui(language(request, directory)));
    model.addAttribute("here", request.getRequestURI());
  }

  /** The language of {@code request}'s pages, after taking its {@code lang} parameter into the session. */
  static Language language(HttpServletRequest request, ServerDirectory directory) {
    String asked = request.getParameter("lang");
    if ("id".equals(asked) || "en".equals(asked)) {
      Language l = Language.fromTag(asked);
      request.getSession().setAttribute(SESSION_ATTRIBUTE, l);
      return l;
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Language l) {
      return l;
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.isAuthenticated() && auth.getName() != null) {
      Optional<PersonRecord> p = directory.activePerson(auth.getName());
      if (p.isPresent()) {
        return p.get().language();
      }
    }
    return Language.ID;
  }
}
