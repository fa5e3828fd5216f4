package jp.yumekairo.events.report;

/**
 * Everything that can happen to a member's yearly report. Sealed, so that a {@code switch} over it is exhaustive
 * and the approved JSON samples can be checked to cover every event (each projection handles the events it needs,
 * one handler per type).
 */
public sealed interface ReportEvent permits ReportSubmitted, ReviewCommentAdded, ReviewCommentAnswered,
        ReportPublished {

    String reportId();
}
