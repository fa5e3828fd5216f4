package jp.yumekairo.query.project;

import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.EffectRating;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Policy;
import jp.yumekairo.query.ui.Formats;
import jp.yumekairo.query.ui.PageAsOf;
import jp.yumekairo.query.ui.SignedIn;
import jp.yumekairo.query.ui.UiPage;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.PathValues;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.TreeSet;
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

    /**
     * The member page, as of the picker's moment, for one fiscal year (default: the latest year that has a target
     * or an actual): the projects running that year first, each with its KPIs' figures of that year.
     */
    @GetMapping("/members/{code}")
    String member(@PathVariable String code, @RequestParam(required = false) String asOf,
                  @RequestParam(required = false) Integer year, Model model) {
        MunicipalityCode member = PathValues.member(code);
        boolean past = (Boolean) model.getAttribute("past");
        Instant at = past ? PageAsOf.parse(asOf) : AsOf.LATEST;
        List<ProjectView> projects = new ArrayList<>(views.projectsOf(member, at));
        // the member's own projects first, then the wide-area ones it takes part in
        projects.sort(Comparator.comparing(project -> !project.leadMunicipality().equals(member.code())));
        SignedIn me = (SignedIn) model.getAttribute("me");
        TreeSet<Integer> years = new TreeSet<>();
        for (ProjectView project : projects) {
            for (int y = project.firstFiscalYear(); y <= project.lastFiscalYear(); y++) {
                years.add(y);
            }
        }
        int selected = year != null && years.contains(year) ? year : defaultYear(projects, years);
        model.addAttribute("member", member);
        model.addAttribute("members", MunicipalityCode.values());
        model.addAttribute("projects", projects);
        model.addAttribute("years", years.descendingSet());
        model.addAttribute("year", selected);
        model.addAttribute("yearProjects", projects.stream().filter(p -> runs(p, selected)).toList());
        model.addAttribute("otherProjects", projects.stream().filter(p -> !runs(p, selected)).toList());
        Map<String, Object> charts = new HashMap<>();
        Map<String, ProjectView.KpiYear> ofYear = new HashMap<>();
        Map<String, ProjectView.CostView> costs = new HashMap<>();
        Map<String, ProjectView.EvaluationView> evaluations = new HashMap<>();
        for (ProjectView project : projects) {
            for (ProjectView.KpiView kpi : project.kpis()) {
                charts.put(project.projectId() + "/" + kpi.kpiId(), formats.json(chart(kpi)));
                kpi.years().stream().filter(y -> y.fiscalYear() == selected).findFirst()
                        .ifPresent(y -> ofYear.put(project.projectId() + "/" + kpi.kpiId(), y));
            }
            project.costs().stream().filter(c -> c.fiscalYear() == selected).findFirst()
                    .ifPresent(c -> costs.put(project.projectId(), c));
            project.evaluations().stream().filter(e -> e.fiscalYear() == selected).findFirst()
                    .ifPresent(e -> evaluations.put(project.projectId(), e));
        }
        model.addAttribute("charts", charts);
        model.addAttribute("ofYear", ofYear);
        model.addAttribute("costOfYear", costs);
        model.addAttribute("evaluationOfYear", evaluations);
        Object flashed = model.getAttribute("noticeForm");
        Object refused = model.getAttribute("formError");
        String activeForm = refused instanceof jp.yumekairo.query.ui.FormError error ? error.formId()
                : flashed instanceof String formId ? formId : null;
        model.addAttribute("activeForm", activeForm);
        model.addAttribute("openOther", activeForm != null && projects.stream().filter(p -> !runs(p, selected))
                .anyMatch(p -> activeForm.endsWith("-" + p.projectId()) || activeForm.contains("-" + p.projectId() + "-")));
        // the confirmation shows beside the form that was saved, not at the top of the page
        model.addAttribute("localNotice", true);
        // the forms only for the lead member's own editor, and never on a view of the past
        model.addAttribute("editable", !past && me != null && me.editorOf(member.code()));
        model.addAttribute("statuses", ActualStatus.values());
        model.addAttribute("effects", EffectRating.values());
        model.addAttribute("policies", Policy.values());
        return "member";
    }

    private static boolean runs(ProjectView project, int year) {
        return project.firstFiscalYear() <= year && year <= project.lastFiscalYear();
    }

    /** The latest fiscal year with a target or an actual; else the current one within the projects' years. */
    private static int defaultYear(List<ProjectView> projects, TreeSet<Integer> years) {
        int latest = Integer.MIN_VALUE;
        for (ProjectView project : projects) {
            for (ProjectView.KpiView kpi : project.kpis()) {
                for (ProjectView.KpiYear y : kpi.years()) {
                    if (y.target() != null || y.actual() != null) {
                        latest = Math.max(latest, y.fiscalYear());
                    }
                }
            }
        }
        if (latest != Integer.MIN_VALUE) {
            return latest;
        }
        int current = jp.yumekairo.events.FiscalYear.containing(java.time.LocalDate.now(AsOf.JAPAN)).startYear();
        if (years.isEmpty() || years.contains(current)) {
            return current;
        }
        return current < years.first() ? years.first() : years.last();
    }

    /** The member chooser of the page: to that member's page. */
    @GetMapping("/members")
    String choose(@RequestParam String code, @RequestParam(required = false) String asOf) {
        MunicipalityCode member = PathValues.member(code);
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
}
