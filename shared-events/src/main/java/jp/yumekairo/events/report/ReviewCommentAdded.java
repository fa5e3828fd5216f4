package jp.yumekairo.events.report;

import jp.yumekairo.events.Sector;

/**
 * A member of the 産官学金労言 committee commented on a submitted report, under their own sector, about the
 * whole report or one project ({@code projectId}) or one of its KPIs ({@code kpiId}); both null otherwise.
 */
public record ReviewCommentAdded(String reportId, String commentId, Sector sector, String reviewer, String text,
                                 String projectId, String kpiId) implements ReportEvent {
}
