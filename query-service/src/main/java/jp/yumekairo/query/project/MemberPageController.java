package jp.yumekairo.query.project;

import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.EffectRating;
import jp.yumekairo.events.InvalidValueException;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Policy;
import jp.yumekairo.query.ui.Formats;
import jp.yumekairo.query.ui.PageAsOf;
import jp.yumekairo.query.ui.SignedIn;
import jp.yumekairo.query.ui.UiPage;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.QueryRefused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's page: its projects, each KPI's figures per fiscal year with achievement and a chart of target against
 * actual, costs, the submitted 事業効果 beside the suggested one, 今後の方針; and, for that member's editor, the
 * forms to record actuals, revise targets and submit evaluations.
 */
@Controller
@UiPage
class MemberPageController {

    private final ProjectViews views;
    private final Formats formats;

    MemberPageController(ProjectViews views, Formats formats) {
        this.views = views;
        this.formats = formats;
    }

    /** The member page, as of the picker's moment. */
    @GetMapping("/members/{code}")
    String member(@PathVariable String code, @RequestParam(required = false) String asOf, Model model) {
        MunicipalityCode member = member(code);
        boolean past = (Boolean) model.getAttribute("past");
        Instant at = past ? PageAsOf.parse(asOf) : AsOf.LATEST;
        List<ProjectView> projects = new java.util.ArrayList<>(views.projectsOf(member, at));
        // the member's own projects first, then the wide-area ones it takes part in
        projects.sort(java.util.Comparator.comparing(project -> !project.leadMunicipality().equals(member.code())));
        SignedIn me = (SignedIn) model.getAttribute("me");
        model.addAttribute("member", member);
        model.addAttribute("members", MunicipalityCode.values());
        model.addAttribute("projects", projects);
        Map<String, Object> charts = new HashMap<>();
        for (ProjectView project : projects) {
            for (ProjectView.KpiView kpi : project.kpis()) {
                charts.put(project.projectId() + "/" + kpi.kpiId(), formats.json(chart(kpi)));
            }
        }
        model.addAttribute("charts", charts);
        // the forms only for the lead member's own editor, and never on a view of the past
        model.addAttribute("editable", !past && me != null && me.editorOf(member.code()));
        model.addAttribute("statuses", ActualStatus.values());
        model.addAttribute("effects", EffectRating.values());
        model.addAttribute("policies", Policy.values());
        return "member";
    }

    /** The member chooser of the page: to that member's page. */
    @GetMapping("/members")
    String choose(@RequestParam String code, @RequestParam(required = false) String asOf) {
        MunicipalityCode member = member(code);
        return "redirect:/members/" + member.code() + (asOf == null || asOf.isBlank() ? "" : "?asOf=" + org.springframework.web.util.UriUtils.encodeQueryParam(asOf, java.nio.charset.StandardCharsets.UTF_8));
    }

    private Map<String, Object> chart(ProjectView.KpiView kpi) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", kpi.years().stream().map(year -> formats.fiscalYear(year.fiscalYear())).toList());
        chart.put("actual", kpi.years().stream().map(ProjectView.KpiYear::actual).toList());
        chart.put("target", kpi.years().stream().map(ProjectView.KpiYear::target).toList());
        chart.put("unit", kpi.unit());
        return chart;
    }

    static MunicipalityCode member(String code) {
        try {
            return MunicipalityCode.of(code);
        } catch (InvalidValueException notAMember) {
            throw QueryRefused.unknown(notAMember.code(), notAMember.getMessage());
        }
    }
}
