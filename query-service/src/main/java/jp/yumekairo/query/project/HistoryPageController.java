package jp.yumekairo.query.project;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A project's revision history: every change of a target, actual, cost or evaluation, before and after, who and why. */
@Controller
@UiPage
class HistoryPageController {

    private final ProjectViews views;
    private final ProjectHistory history;

    HistoryPageController(ProjectViews views, ProjectHistory history) {
        this.views = views;
        this.history = history;
    }

    /** The history page, newest change first, as of the picker's moment. */
    @GetMapping("/projects/{projectId}/history")
    String history(@PathVariable String projectId, @RequestParam(required = false) String asOf, Model model) {
        Instant at = (Boolean) model.getAttribute("past") ? PageAsOf.parse(asOf) : AsOf.LATEST;
        ProjectView project = views.project(projectId, at)
                .orElseThrow(() -> QueryRefused.unknown("unknown-project", "no project with that id (at that moment)"));
        Map<String, ProjectView.KpiView> kpis = new HashMap<>();
        project.kpis().forEach(kpi -> kpis.put(kpi.kpiId(), kpi));
        model.addAttribute("project", project);
        model.addAttribute("kpis", kpis);
        List<ProjectHistory.Revision> revisions = new ArrayList<>(history.of(projectId, at));
        Collections.reverse(revisions);
        model.addAttribute("revisions", revisions);
        return "history";
    }
}
