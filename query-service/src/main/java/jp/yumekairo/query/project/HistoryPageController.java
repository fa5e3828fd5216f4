package jp.yumekairo.query.project;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.InvalidValueException;
import jp.yumekairo.query.ui.PageAsOf;
import jp.yumekairo.query.ui.UiPage;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.QueryRefused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A project's revision history: every change of a target, actual (with its 出典 and 備考), cost or evaluation, before
 * and after, who and why; narrowed to one KPI and one fiscal year when the filters ask.
 */
@Controller
@UiPage
class HistoryPageController {

    private final ProjectViews views;
    private final ProjectHistory history;

    HistoryPageController(ProjectViews views, ProjectHistory history) {
        this.views = views;
        this.history = history;
    }

    /** The history page, newest change first, as of the picker's moment, for one KPI and one year when given. */
    @GetMapping("/projects/{projectId}/history")
    String history(@PathVariable String projectId, @RequestParam(required = false) String asOf,
                   @RequestParam(required = false) String kpi, @RequestParam(required = false) String year,
                   Model model) {
        Instant at = (Boolean) model.getAttribute("past") ? PageAsOf.parse(asOf) : AsOf.LATEST;
        ProjectView project = views.project(projectId, at)
                .orElseThrow(() -> QueryRefused.unknown("unknown-project", "no project with that id (at that moment)"));
        Map<String, ProjectView.KpiView> kpis = new LinkedHashMap<>();
        project.kpis().forEach(k -> kpis.put(k.kpiId(), k));
        String kpiId = blankToNull(kpi);
        if (kpiId != null && !kpis.containsKey(kpiId)) {
            throw QueryRefused.unknown("unknown-kpi", "the project has no KPI " + kpiId);
        }
        Integer fiscalYear = blankToNull(year) == null ? null : fiscalYear(year);
        List<ProjectHistory.Revision> all = history.of(projectId, at);
        SortedSet<Integer> years = new TreeSet<>();
        all.forEach(r -> years.add(r.fiscalYear()));
        List<ProjectHistory.Revision> revisions = new ArrayList<>(all.stream()
                .filter(r -> kpiId == null || kpiId.equals(r.kpiId()))
                .filter(r -> fiscalYear == null || fiscalYear == r.fiscalYear())
                .toList());
        Collections.reverse(revisions);
        model.addAttribute("project", project);
        model.addAttribute("kpis", kpis);
        model.addAttribute("years", years);
        model.addAttribute("kpiFilter", kpiId);
        model.addAttribute("yearFilter", fiscalYear);
        model.addAttribute("filtered", kpiId != null || fiscalYear != null);
        model.addAttribute("revisions", revisions);
        return "history";
    }

    private static Integer fiscalYear(String text) {
        try {
            return FiscalYear.parse(text).startYear();
        } catch (InvalidValueException unreadable) {
            throw QueryRefused.invalid("invalid-fiscal-year", "not a fiscal year: " + text);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
