package jp.yumekairo.events.report;

/** Everything that can happen to a member's yearly report; projections switch over it exhaustively. */
public sealed interface ReportEvent permits ReportSubmitted, ReviewCommentAdded, ReviewCommentAnswered,
        ReportPublished {

    String reportId();
}
