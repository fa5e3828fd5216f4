package jp.yumekairo.events.project;

/** Everything that can happen to a grant project (事業); projections switch over it exhaustively. */
public sealed interface ProjectEvent permits ProjectRegistered, KpiDefined, TargetRevised, ActualRecorded,
        ProjectCostRecorded, EvaluationSubmitted, EvaluationRevised, ProjectActivitiesRecorded,
        ProjectDetailsCorrected, KpiRenamed {

    String projectId();
}
