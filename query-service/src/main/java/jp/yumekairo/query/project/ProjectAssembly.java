package jp.yumekairo.query.project;

import jp.yumekairo.events.EffectRating;
import jp.yumekairo.query.project.ProjectRows.Actual;
import jp.yumekairo.query.project.ProjectRows.Key;
import jp.yumekairo.query.project.ProjectView.EvaluationView;
import jp.yumekairo.query.project.ProjectView.KpiView;
import jp.yumekairo.query.project.ProjectView.KpiYear;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's view from its rows, the domain's arithmetic: every fiscal year of the project for each KPI, its
 * target (the final target in the last year when none was set for it), achievement and progress, the effect the
 * year's KPIs suggest and whether the submitted evaluation differs from it. What is shown beside the figures
 * (labels, 和暦, trace links) comes from {@link ProjectLabels}.
 */
final class ProjectAssembly {

    private ProjectAssembly() {
    }

    static ProjectView view(ProjectRows.Rows rows, ProjectLabels labels) {
        ProjectRows.Project project = rows.project();
        List<KpiView> kpis = new ArrayList<>();
        Map<Integer, List<SuggestedEffect.Kpi>> achievementsByYear = new LinkedHashMap<>();
        for (ProjectRows.Kpi kpi : rows.kpis()) {
            List<KpiYear> years = new ArrayList<>();
            for (int year = project.firstFiscalYear(); year <= project.lastFiscalYear(); year++) {
                Key key = new Key(kpi.kpiId(), year);
                BigDecimal target = rows.targets().get(key);
                if (target == null && year == project.lastFiscalYear()) {
                    target = kpi.finalTarget();
                }
                Actual actual = rows.actuals().get(key);
                Achievement achievement = Achievement.of(kpi.direction(), kpi.measure(), kpi.unit(), kpi.baseline(),
                        target, actual == null ? null : actual.value());
                achievementsByYear.computeIfAbsent(year, y -> new ArrayList<>())
                        .add(new SuggestedEffect.Kpi(kpi.name(), achievement));
                years.add(labels.kpiYear(project.projectId(), kpi.kpiId(), year, target, actual, achievement));
            }
            kpis.add(labels.kpi(kpi, years));
        }
        List<EvaluationView> evaluations = new ArrayList<>();
        for (int year = project.firstFiscalYear(); year <= project.lastFiscalYear(); year++) {
            SuggestedEffect suggestion = SuggestedEffect.ofNamed(achievementsByYear.getOrDefault(year, List.of()));
            ProjectRows.Evaluation evaluation = rows.evaluations().get(year);
            if (evaluation == null && suggestion.rating() == null) {
                continue;
            }
            EffectRating suggested = suggestion.rating();
            boolean differs = evaluation != null && suggested != null && suggested != evaluation.effect();
            evaluations.add(labels.evaluation(project.projectId(), year, evaluation, suggestion, differs));
        }
        return labels.project(rows, kpis,
                rows.costs().stream().map(cost -> labels.cost(project.projectId(), cost)).toList(), evaluations,
                rows.activities().stream().map(done -> labels.activities(project.projectId(), done)).toList());
    }
}
