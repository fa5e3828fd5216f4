package jp.yumekairo.events.project;

import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.Figure;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.Texts;

/**
 * A KPI's actual (実績値) for a fiscal year was recorded. {@code actual} is null when there is no figure
 * (確認中 or ー). Recording the same year again is a correction, and then {@code reason} says why.
 */
public record ActualRecorded(String projectId, String kpiId, FiscalYear fiscalYear, Figure actual,
                             ActualStatus status, String source, String note, String reason) implements ProjectEvent {

    public ActualRecorded {
        source = Texts.orEmpty(source);
        note = Texts.orEmpty(note);
        reason = Texts.orEmpty(reason);
    }
}
