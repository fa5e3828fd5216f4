package jp.yumekairo.query.audit;

import jakarta.servlet.http.HttpServletRequest;
import jp.yumekairo.query.ui.PageAsOf;
import jp.yumekairo.query.ui.SelfApi;
import jp.yumekairo.query.ui.SignedIn;
import jp.yumekairo.query.ui.UiPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's page (AUDITOR and ADMIN): the event log with filters, tracing a figure to the events behind it,
 * verifying the log's hash chain, and a projection rebuild whose progress the page follows.
 */
@Controller
@UiPage
class AuditPageController {

    static final List<String> FILTERS = List.of("municipality", "project", "kpi", "fiscalYear", "type", "from", "to");

    private final SelfApi api;

    AuditPageController(SelfApi api) {
        this.api = api;
    }

    /** The log, filtered; {@code after} pages on from the last event shown. */
    @GetMapping("/audit")
    String audit(@RequestParam Map<String, String> parameters, @RequestParam(required = false) Long run,
                 @AuthenticationPrincipal SignedIn me, Model model, HttpServletRequest request) {
        Map<String, String> filters = new LinkedHashMap<>();
        UriComponentsBuilder events = UriComponentsBuilder.fromPath("/api/audit/events").queryParam("limit", 100);
        for (String filter : FILTERS) {
            String value = parameters.getOrDefault(filter, "").trim();
            filters.put(filter, value);
            if (!value.isEmpty()) {
                events.queryParam(filter, value);
            }
        }
        if (parameters.containsKey("after") && !parameters.get("after").isBlank()) {
            events.queryParam("after", parameters.get("after"));
        }
        if ((Boolean) model.getAttribute("past")) {
            events.queryParam("to", PageAsOf.parse(parameters.get("asOf")).toString());
        }
        SelfApi.Read log = api.get(request, me, events.encode().build().toUriString());
        model.addAttribute("filters", filters);
        model.addAttribute("logAvailable", log.ok());
        model.addAttribute("logStatus", log.status());
        model.addAttribute("logCode", log.code());
        model.addAttribute("events", log.ok() && log.body().get("events") instanceof List<?> list ? list : List.of());
        model.addAttribute("next", log.ok() ? log.body().get("next") : null);
        SelfApi.Read latest = run != null ? api.get(request, me, "/api/audit/rebuild/" + run)
                : api.get(request, me, "/api/audit/rebuild");
        model.addAttribute("rebuild", latest.ok() ? latest.body() : null);
        return "audit";
    }

    /** Verifies the hash chain of the stored log and shows whether it is intact. */
    @PostMapping("/audit/verify")
    String verify(@AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes flash) {
        SelfApi.Read verification = api.get(request, me, "/api/audit/verify");
        flash.addFlashAttribute("verification", verification.ok() ? verification.body() : null);
        flash.addFlashAttribute("verificationStatus", verification.status());
        return "redirect:/audit#verify";
    }

    /** Starts a rebuild of every projection from the log; the page then follows its progress. */
    @PostMapping("/audit/rebuild")
    String rebuild(@AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes flash) {
        SelfApi.Read started = api.post(request, me, "/api/audit/rebuild");
        if (!started.ok()) {
            flash.addFlashAttribute("rebuildRefused", started.code());
            return "redirect:/audit#rebuild";
        }
        return "redirect:/audit?run=" + started.body().get("runId") + "#rebuild";
    }

    /** A run's progress for the page's script: state, replayed of total events, and the verdict once finished. */
    @GetMapping("/audit/rebuild/{runId}")
    @ResponseBody
    ResponseEntity<Map<String, Object>> rebuildStatus(@PathVariable long runId, @AuthenticationPrincipal SignedIn me,
                                                      HttpServletRequest request) {
        SelfApi.Read status = api.get(request, me, "/api/audit/rebuild/" + runId);
        return ResponseEntity.status(status.status()).body(status.body());
    }
}
