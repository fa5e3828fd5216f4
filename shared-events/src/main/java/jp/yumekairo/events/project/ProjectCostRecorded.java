package jp.yumekairo.events.project;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.Texts;

/** 総事業費 and 交付実績 of a fiscal year, in yen; recording the year again is a correction with a reason. */
public record ProjectCostRecorded(String projectId, FiscalYear fiscalYear, long totalCost, long grantAmount,
                                  String reason) implements ProjectEvent {

    public ProjectCostRecorded {
        reason = Texts.orEmpty(reason);
    }
}
