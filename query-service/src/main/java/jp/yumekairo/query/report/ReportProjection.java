package jp.yumekairo.query.report;

import jp.yumekairo.events.report.ReportPublished;
import jp.yumekairo.events.report.ReportSubmitted;
import jp.yumekairo.events.report.ReviewCommentAdded;
import jp.yumekairo.events.report.ReviewCommentAnswered;
import jp.yumekairo.query.project.ProjectProjection;
import jp.yumekairo.query.projection.ProjectionRow.ReportAnswerRow;
import jp.yumekairo.query.projection.ProjectionRow.ReportCommentRow;
import jp.yumekairo.query.projection.ProjectionRow.ReportPublicationRow;
import jp.yumekairo.query.projection.ProjectionRow.ReportSubmissionRow;
import jp.yumekairo.query.projection.ProjectionRows;
import jp.yumekairo.query.projection.ProjectionSchema;
import jp.yumekairo.query.projection.RebuildableProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every report event as one appended row; handled by the same processor as the projects the reports show. */
@Component
@ProcessingGroup(ProjectProjection.PROCESSOR)
class ReportProjection implements RebuildableProjection {

    private final ProjectionRows rows;

    @Autowired
    ReportProjection(JdbcTemplate jdbc) {
        this(new ProjectionRows(jdbc, ProjectionSchema.LIVE));
    }

    private ReportProjection(ProjectionRows rows) {
        this.rows = rows;
    }

    @Override
    public RebuildableProjection writingTo(ProjectionRows rows) {
        return new ReportProjection(rows);
    }

    @EventHandler
    void on(ReportSubmitted event, EventMessage<?> message) {
        rows.add(message, event.reason(), new ReportSubmissionRow(event.reportId(), event.municipality().code(),
                event.fiscalYear().startYear(), event.submission(), event.reason()));
    }

    @EventHandler
    void on(ReviewCommentAdded event, EventMessage<?> message) {
        rows.add(message, "", new ReportCommentRow(event.reportId(), event.commentId(), event.sector().name(),
                event.reviewer(), event.text(), event.projectId(), event.kpiId()));
    }

    @EventHandler
    void on(ReviewCommentAnswered event, EventMessage<?> message) {
        rows.add(message, "", new ReportAnswerRow(event.reportId(), event.commentId(), event.text()));
    }

    @EventHandler
    void on(ReportPublished event, EventMessage<?> message) {
        rows.add(message, event.reason(), new ReportPublicationRow(event.reportId(), event.municipality().code(),
                event.fiscalYear().startYear(), event.version(), event.reason()));
    }
}
