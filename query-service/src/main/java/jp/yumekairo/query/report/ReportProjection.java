package jp.yumekairo.query.report;

import jp.yumekairo.events.report.ReportPublished;
import jp.yumekairo.events.report.ReportSubmitted;
import jp.yumekairo.events.report.ReviewCommentAdded;
import jp.yumekairo.events.report.ReviewCommentAnswered;
import jp.yumekairo.query.project.ProjectProjection;
import jp.yumekairo.query.projection.ProjectionRows;
import jp.yumekairo.query.projection.ProjectionSchema;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static jp.yumekairo.query.projection.ProjectionRows.recordedAt;
import static jp.yumekairo.query.projection.ProjectionRows.sequenceNumber;
import static jp.yumekairo.query.projection.ProjectionTable.REPORT_ANSWER;
import static jp.yumekairo.query.projection.ProjectionTable.REPORT_COMMENT;
import static jp.yumekairo.query.projection.ProjectionTable.REPORT_PUBLICATION;
import static jp.yumekairo.query.projection.ProjectionTable.REPORT_SUBMISSION;

/** Every report event as one appended row; handled by the same processor as the projects the reports show. */
@Component
@ProcessingGroup(ProjectProjection.PROCESSOR)
public class ReportProjection {

    private final ProjectionRows rows;

    @Autowired
    ReportProjection(JdbcTemplate jdbc) {
        this(new ProjectionRows(jdbc, ProjectionSchema.LIVE));
    }

    /** Writing somewhere else than the live views: the auditor's rebuild. */
    public ReportProjection(ProjectionRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(ReportSubmitted event, EventMessage<?> message) {
        rows.add(message, event.reason(), REPORT_SUBMISSION, event.reportId(), sequenceNumber(message),
                recordedAt(message), event.municipality().code(), event.fiscalYear().startYear(), event.submission(),
                event.reason());
    }

    @EventHandler
    void on(ReviewCommentAdded event, EventMessage<?> message) {
        rows.add(message, "", REPORT_COMMENT, event.reportId(), sequenceNumber(message), recordedAt(message),
                event.commentId(), event.sector().name(), event.reviewer(), event.text(), event.projectId(),
                event.kpiId());
    }

    @EventHandler
    void on(ReviewCommentAnswered event, EventMessage<?> message) {
        rows.add(message, "", REPORT_ANSWER, event.reportId(), sequenceNumber(message), recordedAt(message),
                event.commentId(), event.text());
    }

    @EventHandler
    void on(ReportPublished event, EventMessage<?> message) {
        rows.add(message, event.reason(), REPORT_PUBLICATION, event.reportId(), sequenceNumber(message),
                recordedAt(message), event.municipality().code(), event.fiscalYear().startYear(), event.version(),
                event.reason());
    }
}
