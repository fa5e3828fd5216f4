package jp.yumekairo.query.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.Aggregation;
import jp.yumekairo.events.Direction;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.ui.Forms;
import jp.yumekairo.query.ui.SignedIn;
import jp.yumekairo.query.ui.UiPage;
import jp.yumekairo.query.ui.UiProperties;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.QueryRefused;
import jp.yumekairo.query.web.ViewVersions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * 広域計画の管理: the secretariat maintains the wide-area plan in the browser — a new KGI, the plan's targets, a
 * member's KGI figure and the figures published only for the partnership as a whole, each with its reason — through
 * the command API, as every write goes. Only the secretariat (ADMIN) gets here (ui.UiSecurity); the command service
 * checks the same again.
 */
@Controller
@UiPage
class PlanFormController {

    private final DashboardViews dashboards;
    private final UiProperties properties;
    private final ViewVersions versions;
    private final Forms forms;

    PlanFormController(DashboardViews dashboards, UiProperties properties, ViewVersions versions, Forms forms) {
        this.dashboards = dashboards;
        this.properties = properties;
        this.versions = versions;
        this.forms = forms;
    }

    @GetMapping("/plan")
    String plan(Model model) {
        Dashboard plan = dashboards.of(properties.planId(), null, AsOf.LATEST).orElse(null);
        model.addAttribute("plan", plan);
        model.addAttribute("members", MunicipalityCode.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("aggregations", Aggregation.values());
        model.addAttribute("statuses", List.of(ActualStatus.CONFIRMED, ActualStatus.PROVISIONAL));
        model.addAttribute("years", plan == null ? List.of()
                : IntStream.rangeClosed(plan.firstFiscalYear() - 12, plan.lastFiscalYear()).boxed().toList());
        return "plan";
    }

    @PostMapping("/plan/kgis")
    String defineKgi(@RequestParam String kgiId, @RequestParam String name, @RequestParam String unit,
                     @RequestParam String direction, @RequestParam String aggregation,
                     @RequestParam(required = false) String baselineValue, @RequestParam int baselineYear,
                     @AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes flash) {
        String formId = "kgi-new";
        Map<String, String> values = Forms.values("kgiId", kgiId, "name", name, "unit", unit, "direction", direction,
                "aggregation", aggregation, "baselineValue", baselineValue, "baselineYear", String.valueOf(baselineYear));
        try {
            Map<String, Object> baseline = new LinkedHashMap<>();
            baseline.put("value", Forms.figure("baselineValue", baselineValue));
            baseline.put("year", baselineYear);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kgiId", kgiId.strip());
            body.put("name", name.strip());
            body.put("unit", unit.strip());
            body.put("direction", direction);
            body.put("aggregation", aggregation);
            body.put("baseline", baseline);
            send(request, me, formId, "POST", "/kgis", body, values, flash);
        } catch (Forms.Unreadable unreadable) {
            forms.unreadable(unreadable, formId, values, flash);
        }
        return "redirect:/plan#" + formId;
    }

    @PostMapping("/plan/targets")
    String reviseTarget(@RequestParam String kgiId, @RequestParam int year, @RequestParam(required = false) String value,
                        @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal SignedIn me,
                        HttpServletRequest request, RedirectAttributes flash) {
        String formId = "plan-target";
        Map<String, String> values = Forms.values("kgiId", kgiId, "year", String.valueOf(year), "value", value,
                "reason", reason);
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("value", Forms.figure("value", value));
            body.put("reason", reason);
            send(request, me, formId, "PUT", "/kgis/" + kgiId + "/targets/" + year, body, values, flash);
        } catch (Forms.Unreadable unreadable) {
            forms.unreadable(unreadable, formId, values, flash);
        }
        return "redirect:/plan#" + formId;
    }

    /** A member's figure, or with {@code member=partnership} the figure published for the partnership as a whole. */
    @PostMapping("/plan/figures")
    String reportFigure(@RequestParam String kgiId, @RequestParam String member, @RequestParam int year,
                        @RequestParam(required = false) String value, @RequestParam String status,
                        @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String reason,
                        @AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes flash) {
        String formId = "plan-figure";
        Map<String, String> values = Forms.values("kgiId", kgiId, "member", member, "year", String.valueOf(year),
                "value", value, "status", status, "source", source, "reason", reason);
        String whose = "partnership".equals(member) ? "partnership" : member(member);
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("value", Forms.figure("value", value));
            body.put("status", status);
            body.put("source", source);
            body.put("reason", reason);
            send(request, me, formId, "PUT", "/kgis/" + kgiId + "/figures/" + whose + "/" + year, body, values, flash);
        } catch (Forms.Unreadable unreadable) {
            forms.unreadable(unreadable, formId, values, flash);
        }
        return "redirect:/plan#" + formId;
    }

    private static String member(String code) {
        try {
            return MunicipalityCode.of(code).code();
        } catch (IllegalArgumentException notAMember) {
            throw QueryRefused.invalid("not-a-member", "not a member of the partnership: " + code);
        }
    }

    private void send(HttpServletRequest request, SignedIn me, String formId, String method, String path,
                      Map<String, Object> body, Map<String, String> values, RedirectAttributes flash) {
        String planId = properties.planId();
        if (!path.matches("[/A-Za-z0-9_-]+")) {
            throw QueryRefused.invalid("invalid-parameter", "not an id: " + path);
        }
        forms.send(request, me, new Forms.Submission(formId, method, "/api/plans/" + planId + path, body, null, values),
                v -> versions.awaitVersion(planId, v), flash);
    }
}
