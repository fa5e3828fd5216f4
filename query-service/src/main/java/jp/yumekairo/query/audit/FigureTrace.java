package jp.yumekairo.query.audit;

import jp.yumekairo.query.web.QueryRefused;

/**
 * Which events produced a figure of a view. A project's KPI in a fiscal year: its definition (unit, baseline,
 * final target) and every target revision and actual recorded for that year; {@code figure=target} or
 * {@code actual} narrows to one of them. A project's cost or evaluation of a year: its records; the evaluation
 * also the KPI events of that year its suggested 事業効果 is computed from. A plan's KGI: a member's figure of a
 * year ({@code member}), the partnership total of a year (every member's figure, the partnership's own figure
 * where one is published, and the plan's member list, which decides whether the total is complete), or the plan
 * target ({@code figure=target}).
 */
final class FigureTrace {

    private FigureTrace() {
    }

    static EventCriteria of(String project, String kpi, Integer fiscalYear, String plan, String kgi, String member,
                            Integer year, String figure) {
        if (project != null && plan == null) {
            return project(project, kpi, fiscalYear, figure);
        }
        if (plan != null && project == null) {
            return plan(plan, kgi, member, year != null ? year : fiscalYear, figure);
        }
        throw invalid("name either a project (project, kpi, fiscalYear, figure) or a plan (plan, kgi, member, year, "
                + "figure)");
    }

    private static EventCriteria project(String project, String kpi, Integer fiscalYear, String figure) {
        EventCriteria trace = new EventCriteria().aggregate(project);
        String kind = figure == null ? (kpi == null ? "" : "kpi") : figure;
        switch (kind) {
            case "kpi", "target", "actual" -> {
                if (kpi == null) {
                    throw invalid("figure=" + kind + " needs kpi");
                }
                EventCriteria events = new EventCriteria().kpi(kpi);
                if (kind.equals("target")) {
                    events.types("TargetRevised");
                } else if (kind.equals("actual")) {
                    events.types("ActualRecorded");
                }
                if (fiscalYear != null) {
                    events.fiscalYear(fiscalYear);
                }
                return trace.anyOf(new EventCriteria().types("KpiDefined", "KpiRenamed").kpi(kpi), events);
            }
            case "cost" -> {
                return trace.types("ProjectCostRecorded").fiscalYear(required(fiscalYear, "cost"));
            }
            case "activities" -> {
                return trace.types("ProjectActivitiesRecorded").fiscalYear(required(fiscalYear, "activities"));
            }
            case "details" -> {
                return trace.types("ProjectRegistered", "ProjectDetailsCorrected");
            }
            case "evaluation" -> {
                int year = required(fiscalYear, "evaluation");
                return trace.anyOf(new EventCriteria().types("KpiDefined"),
                        new EventCriteria().types("EvaluationSubmitted", "EvaluationRevised", "TargetRevised",
                                "ActualRecorded").fiscalYear(year));
            }
            default -> throw invalid("figure is one of target, actual, cost, activities, details, evaluation; "
                    + "a KPI's figures need kpi");
        }
    }

    private static EventCriteria plan(String plan, String kgi, String member, Integer year, String figure) {
        if (kgi == null) {
            throw invalid("a plan's figure needs kgi");
        }
        EventCriteria trace = new EventCriteria().aggregate(plan);
        EventCriteria definition = new EventCriteria().types("KgiDefined").jsonField("kgiId", kgi);
        if ("target".equals(figure)) {
            EventCriteria targets = new EventCriteria().types("PlanTargetRevised").jsonField("kgiId", kgi);
            return trace.anyOf(definition, year == null ? targets : targets.fiscalYear(year));
        }
        if (figure != null && !"figure".equals(figure) && !"total".equals(figure)) {
            throw invalid("a plan's figure is one of figure (a member's, or the total), total, target");
        }
        if (member != null) {
            EventCriteria figures = new EventCriteria().types("KgiFigureReported").jsonField("kgiId", kgi)
                    .jsonField("municipality", member);
            return trace.anyOf(definition, year == null ? figures : figures.fiscalYear(year));
        }
        // the total is the members' figures summed, or the partnership's own figure where one is published
        EventCriteria figures = new EventCriteria().types("KgiFigureReported", "PartnershipFigureReported")
                .jsonField("kgiId", kgi);
        return trace.anyOf(new EventCriteria().types("PlanDefined"), definition,
                year == null ? figures : figures.fiscalYear(year));
    }

    private static int required(Integer fiscalYear, String figure) {
        if (fiscalYear == null) {
            throw invalid("figure=" + figure + " needs fiscalYear");
        }
        return fiscalYear;
    }

    private static QueryRefused invalid(String detail) {
        return QueryRefused.invalid("invalid-trace", detail);
    }
}
