package jp.yumekairo.events.plan;

import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.Figure;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Texts;

/**
 * A member reported its own figure of a KGI for a year. {@code value} is null when there is no figure yet;
 * a second report for the same member and year is a correction, and then {@code reason} says why.
 */
public record KgiFigureReported(String planId, String kgiId, MunicipalityCode municipality, int year,
                                Figure value, ActualStatus status, String source, String reason)
        implements PlanEvent {

    public KgiFigureReported {
        source = Texts.orEmpty(source);
        reason = Texts.orEmpty(reason);
    }
}
