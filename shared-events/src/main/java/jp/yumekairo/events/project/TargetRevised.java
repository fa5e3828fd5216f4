package jp.yumekairo.events.project;

import jp.yumekairo.events.Figure;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.Texts;

/** A KPI's target (目標値) for a fiscal year was set or revised; a revision always says why. */
public record TargetRevised(String projectId, String kpiId, FiscalYear fiscalYear, Figure target, String reason)
        implements ProjectEvent {

    public TargetRevised {
        reason = Texts.orEmpty(reason);
    }
}
