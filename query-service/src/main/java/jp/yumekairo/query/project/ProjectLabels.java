package jp.yumekairo.query.project;

import jp.yumekairo.events.EffectRating;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.query.trace.TraceLinks;
import jp.yumekairo.query.project.ProjectRows.Actual;
import jp.yumekairo.query.project.ProjectView.ActivitiesView;
import jp.yumekairo.query.project.ProjectView.CostView;
import jp.yumekairo.query.project.ProjectView.EvaluationView;
import jp.yumekairo.query.project.ProjectView.KpiView;
import jp.yumekairo.query.project.ProjectView.KpiYear;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a project's view shows beside its stored and computed values, as of the instant it was read at: each
 * value's Japanese label, fiscal years in 和暦, and the trace links where an auditor lists the events behind a
 * figure (as of the same instant).
 */
record ProjectLabels(Instant asOf) {

    ProjectView project(ProjectRows.Rows rows, List<KpiView> kpis, List<CostView> costs,
                        List<EvaluationView> evaluations, List<ActivitiesView> activities) {
        ProjectRows.Project project = rows.project();
        return new ProjectView(project.projectId(), project.lead().code(), project.lead().nameJa(),
                project.participants(), project.name(), project.summary(), project.scope().name(),
                project.scope().labelJa(), project.grantProgram().name(), project.grantProgram().labelJa(),
                project.department(), project.firstFiscalYear(), project.lastFiscalYear(), rows.version(), kpis, costs,
                evaluations, activities);
    }

    KpiView kpi(ProjectRows.Kpi kpi, List<KpiYear> years) {
        return new KpiView(kpi.kpiId(), kpi.name(), kpi.unit(), kpi.direction().name(), kpi.measure().name(),
                kpi.baseline(), kpi.baselineFiscalYear(), kpi.finalTarget(), years);
    }

    KpiYear kpiYear(String projectId, String kpiId, int year, BigDecimal target, Actual actual,
                    Achievement achievement) {
        return new KpiYear(year, fiscalYear(year), target, actual == null ? null : actual.value(),
                actual == null ? null : actual.status().name(), actual == null ? null : actual.status().labelJa(),
                achievement.reached(), achievement.progress(), actual == null ? null : actual.source(),
                actual == null ? null : actual.note(), TraceLinks.kpiYear(projectId, kpiId, year, asOf),
                achievement.checksJa());
    }

    CostView cost(String projectId, ProjectRows.Cost cost) {
        return new CostView(cost.fiscalYear(), fiscalYear(cost.fiscalYear()), cost.totalCost(), cost.grantAmount(),
                TraceLinks.projectFigure(projectId, "cost", cost.fiscalYear(), asOf));
    }

    ActivitiesView activities(String projectId, ProjectRows.Activities done) {
        return new ActivitiesView(done.fiscalYear(), fiscalYear(done.fiscalYear()), done.activities(),
                TraceLinks.projectFigure(projectId, "activities", done.fiscalYear(), asOf));
    }

    /** The submitted evaluation of a year (null when none was) beside the effect the KPIs suggest. */
    EvaluationView evaluation(String projectId, int year, ProjectRows.Evaluation evaluation,
                              SuggestedEffect suggestion, boolean differs) {
        EffectRating suggested = suggestion.rating();
        String trace = TraceLinks.projectFigure(projectId, "evaluation", year, asOf);
        if (evaluation == null) {
            return new EvaluationView(year, fiscalYear(year), null, null, suggested, suggested.labelJa(),
                    suggestion.reason(), suggestion.reasonJa(), false, null, null, "", "", "", "", "", Map.of(), false,
                    trace);
        }
        return new EvaluationView(year, fiscalYear(year), evaluation.effect(), evaluation.effect().labelJa(), suggested,
                suggested == null ? null : suggested.labelJa(), suggestion.reason(), suggestion.reasonJa(), differs,
                evaluation.policy(), evaluation.policy().labelJa(), evaluation.rationale(),
                evaluation.policyRationale(), evaluation.situation(), evaluation.obstacles(), evaluation.revisions(),
                evaluation.shortfallReasons(), evaluation.revised(), trace);
    }

    private static String fiscalYear(int year) {
        return FiscalYear.of(year).toJapanese();
    }
}
