package jp.yumekairo.query.ui;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in page, the 403 page, and each role's home page. */
@Controller
@UiPage
class SignInController {

    /** The sign-in form; Spring Security takes its POST and asks the command service. */
    @GetMapping("/signin")
    String signIn() {
        return "signin";
    }

    /** Home: the prefecture and reviewers' dashboard, an editor's own member page, the auditor's page. */
    @GetMapping("/")
    String home(Authentication authentication) {
        SignedIn me = (SignedIn) authentication.getPrincipal();
        return switch (me.role()) {
            case "EDITOR" -> "redirect:/members/" + me.municipality();
            case "AUDITOR" -> "redirect:/audit";
            case "REVIEWER" -> "redirect:/reports";
            default -> "redirect:/dashboard";
        };
    }

    /** What a person sees when their role may not open a page or use a form. */
    @RequestMapping("/forbidden")
    String forbidden(jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_FORBIDDEN);
        return "forbidden";
    }
}
