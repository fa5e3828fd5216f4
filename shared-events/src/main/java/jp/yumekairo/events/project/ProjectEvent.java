package jp.yumekairo.events.project;

/**
 * Everything that can happen to a grant project (事業). Sealed, so that a {@code switch} over it is exhaustive and
 * the approved JSON samples can be checked to cover every event (each projection handles the events it needs, one
 * handler per type).
 */
public sealed interface ProjectEvent permits ProjectRegistered, KpiDefined, TargetRevised, ActualRecorded,
        ProjectCostRecorded, EvaluationSubmitted, EvaluationRevised, ProjectActivitiesRecorded,
        ProjectDetailsCorrected, KpiRenamed {

    String projectId();
}
