package jp.yumekairo.events.plan;

import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.Figure;
import jp.yumekairo.events.Texts;

/**
 * The secretariat reported a KGI's figure for the partnership as a whole (圏域全体), where the source publishes
 * only the total and no member's share (交流人口, 新規雇用創出数 and 社会動態 in the plan). {@code value} is null
 * when there is no figure yet; a second report for the same year is a correction, and then {@code reason} says why.
 */
public record PartnershipFigureReported(String planId, String kgiId, int year, Figure value, ActualStatus status,
                                        String source, String reason) implements PlanEvent {

    public PartnershipFigureReported {
        source = Texts.orEmpty(source);
        reason = Texts.orEmpty(reason);
    }
}
