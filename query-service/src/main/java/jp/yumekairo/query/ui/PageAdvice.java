package jp.yumekairo.query.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.yumekairo.query.web.QueryRefused;
import jp.yumekairo.edge.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;

/**
 * What every page's layout needs (who is signed in, the "as of" moment and whether it is in the past, the language
 * switch) and HTML error pages for the UI's controllers, ahead of the API's problem-details advice.
 */
@ControllerAdvice(annotations = UiPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(PageAdvice.class);

    @ModelAttribute
    void layout(Model model, Authentication authentication, HttpServletRequest request) {
        if (authentication != null && authentication.getPrincipal() instanceof SignedIn me) {
            model.addAttribute("me", me);
        }
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        String asOf = request.getParameter("asOf");
        Instant at;
        try {
            at = PageAsOf.parse(asOf);
            model.addAttribute("asOfField", PageAsOf.fieldValue(at, english));
        } catch (QueryRefused invalid) {
            // the page shows now under an alert, and the field keeps what was typed so that it can be corrected
            at = jp.yumekairo.query.web.AsOf.LATEST;
            model.addAttribute("asOfInvalid", true);
            model.addAttribute("asOfField", asOf);
        }
        boolean past = PageAsOf.past(at);
        model.addAttribute("past", past);
        model.addAttribute("asOfInstant", past ? at : null);
        model.addAttribute("asOfParam", PageAsOf.linkValue(at));
        model.addAttribute("lang", english ? "en" : "ja");
        // relative: the request's Host header is the client's to choose and is never written into a page
        model.addAttribute("otherLanguageUrl", ServletUriComponentsBuilder.fromRequest(request)
                .scheme(null).host(null).port(null)
                .replaceQueryParam("lang", english ? "ja" : "en").build().toUriString());
        model.addAttribute("path", request.getRequestURI());
    }

    @ExceptionHandler(QueryRefused.class)
    String refused(QueryRefused refused, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(refused.status().value());
        model.addAttribute("errorCode", refused.code());
        model.addAttribute("requestId", RequestIds.of(request));
        errorLayout(model, request);
        return "error-page";
    }

    /** A query value that is not of its type ({@code ?from=abc}): a 400 page, not a 500. */
    @ExceptionHandler({TypeMismatchException.class, ServletRequestBindingException.class})
    String unreadableParameter(Exception invalid, HttpServletRequest request, HttpServletResponse response,
                               Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errorCode", "invalid-parameter");
        model.addAttribute("requestId", RequestIds.of(request));
        errorLayout(model, request);
        return "error-page";
    }

    /** A form of another member's, or a page the role may not see: the same 403 page Spring Security shows. */
    @ExceptionHandler(AccessDeniedException.class)
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        errorLayout(model, request);
        return "forbidden";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception exception, HttpServletRequest request, HttpServletResponse response, Model model) {
        LOG.error("unexpected failure on a page", exception);
        response.setStatus(500);
        model.addAttribute("errorCode", "internal-error");
        model.addAttribute("requestId", RequestIds.of(request));
        errorLayout(model, request);
        return "error-page";
    }

    /**
     * Spring does not run the {@code @ModelAttribute} methods for an exception handler's model: an error page gets the
     * layout's attributes (language, who is signed in) here, so it is as Japanese and as navigable as any page.
     */
    private void errorLayout(Model model, HttpServletRequest request) {
        if (!model.containsAttribute("lang")) {
            layout(model, org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication(),
                    request);
        }
    }
}
