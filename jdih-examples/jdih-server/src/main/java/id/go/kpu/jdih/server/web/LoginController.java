package id.go.kpu.jdih.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page; Spring Security's form login takes the form's POST to {@code /login}. A failed login comes back
 * with {@code ?error} (a locked account says so), a logout with {@code ?logout}; the OIDC providers configured are
 * offered as links.
 */
@Controller
class LoginController {
  private final ObjectProvider<ClientRegistrationRepository> oidc;

  LoginController(ObjectProvider<ClientRegistrationRepository> oidc) {
    this.oidc = oidc;
  }

  /** A provider to log in with. */
  record Provider(String name, String url) {}

  @GetMapping("/login")
  String login(HttpServletRequest request, Model model) {
    boolean error = request.getParameter("error") != null;
    boolean locked = false;
    HttpSession session = request.getSession(false);
    if (error && session != null) {
      locked = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LockedException;
    }
    model.addAttribute("error", error);
    model.addAttribute("locked", locked);
    model.addAttribute("logout", request.getParameter("logout") != null);
    List<Provider> providers = new ArrayList<>();
    if (oidc.getIfAvailable() instanceof Iterable<?> registrations) {
      for (Object o : registrations) {
        ClientRegistration r = (ClientRegistration) o;
        providers.add(new Provider(r.getClientName(), "/oauth2/authorization/" + r.getRegistrationId()));
      }
    }
    model.addAttribute("providers", providers);
    return "login";
  }
}
