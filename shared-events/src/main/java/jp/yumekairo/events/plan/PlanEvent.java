package jp.yumekairo.events.plan;

/**
 * Everything that can happen to a wide-area plan. Sealed, so that a {@code switch} over it is exhaustive and the
 * approved JSON samples can be checked to cover every event (each projection handles the events it needs, one
 * handler per type).
 */
public sealed interface PlanEvent permits PlanDefined, KgiDefined, PlanTargetRevised, KgiFigureReported,
        PartnershipFigureReported {

    String planId();
}
