package jp.yumekairo.events.plan;

/** Everything that can happen to a wide-area plan; projections switch over it exhaustively. */
public sealed interface PlanEvent permits PlanDefined, KgiDefined, PlanTargetRevised, KgiFigureReported,
        PartnershipFigureReported {

    String planId();
}
