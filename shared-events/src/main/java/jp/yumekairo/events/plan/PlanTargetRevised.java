package jp.yumekairo.events.plan;

import jp.yumekairo.events.Figure;
import jp.yumekairo.events.Texts;

/** The partnership's target for a KGI in a year was set or revised; a revision always says why. */
public record PlanTargetRevised(String planId, String kgiId, int year, Figure target, String reason)
        implements PlanEvent {

    public PlanTargetRevised {
        reason = Texts.orEmpty(reason);
    }
}
