package jp.yumekairo.command.report;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Sector;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands a yearly report accepts; its id is {@code ReportIds.of(member, fiscal year)}. */
final class ReportCommands {

    private ReportCommands() {
    }

    record SubmitReport(@TargetAggregateIdentifier String reportId, MunicipalityCode municipality,
                        FiscalYear fiscalYear, String reason) {
    }

    /** {@code sector} is the sector the reviewer claims to speak for, or null for their own. */
    record AddReviewComment(@TargetAggregateIdentifier String reportId, Sector sector, String text, String projectId,
                            String kpiId) {
    }

    record AnswerReviewComment(@TargetAggregateIdentifier String reportId, String commentId, String text) {
    }

    record PublishReport(@TargetAggregateIdentifier String reportId, String reason) {
    }
}
