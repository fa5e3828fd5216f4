package jp.yumekairo.events.report;

/** The member's editor answered a reviewer's comment on the report. */
public record ReviewCommentAnswered(String reportId, String commentId, String text) implements ReportEvent {
}
