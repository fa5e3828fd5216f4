package jp.yumekairo.query.projection;

import java.math.BigDecimal;

/**
 * The row an event appends to one {@link ProjectionTable}: a component for each of the table's columns, named
 * after it ({@code kpi_id} is {@code kpiId}), except {@code sequence_number} and {@code recorded_at}, which
 * {@link ProjectionRows} takes from the event's message. The table binds the components to its columns by name,
 * and refuses to load if a name is missing on either side.
 */
public sealed interface ProjectionRow {

    /** Who caused the event, for which member, why and in which request; {@link ProjectionRows} adds it to every event. */
    record EventOriginRow(String aggregateId, String eventId, String eventType, String userId, String role,
                          String municipality, String reason, String requestId) implements ProjectionRow {
    }

    record ProjectRow(String projectId, String leadMunicipality, String[] participants, String name, String summary,
                      String scope, String grantProgram, String department, int firstFiscalYear, int lastFiscalYear)
            implements ProjectionRow {
    }

    record KpiRow(String projectId, String kpiId, String name, String unit, String direction, String measure,
                  BigDecimal baseline, Integer baselineFiscalYear, BigDecimal finalTarget) implements ProjectionRow {
    }

    record KpiTargetRow(String projectId, String kpiId, int fiscalYear, BigDecimal target) implements ProjectionRow {
    }

    record KpiActualRow(String projectId, String kpiId, int fiscalYear, BigDecimal actual, String status,
                        String source, String note) implements ProjectionRow {
    }

    record ProjectCostRow(String projectId, int fiscalYear, long totalCost, Long grantAmount) implements ProjectionRow {
    }

    /** {@code shortfallReasons} is the reasons as a JSON object, for the {@code jsonb} column. */
    record EvaluationRow(String projectId, int fiscalYear, String effect, String policy, String rationale,
                         String situation, String obstacles, String revisions, String shortfallReasons,
                         String policyRationale) implements ProjectionRow {
    }

    record ProjectActivitiesRow(String projectId, int fiscalYear, String activities) implements ProjectionRow {
    }

    record ProjectDetailsRow(String projectId, String name, String summary, String department, String[] participants)
            implements ProjectionRow {
    }

    record KpiNameRow(String projectId, String kpiId, String name) implements ProjectionRow {
    }

    record PlanRow(String planId, String name, String[] members, int firstFiscalYear, int lastFiscalYear)
            implements ProjectionRow {
    }

    record KgiRow(String planId, String kgiId, String name, String unit, String direction, String aggregation,
                  BigDecimal baseline, int baselineYear) implements ProjectionRow {
    }

    record PlanTargetRow(String planId, String kgiId, int year, BigDecimal target) implements ProjectionRow {
    }

    record KgiFigureRow(String planId, String kgiId, String municipality, int year, BigDecimal value, String status,
                        String source) implements ProjectionRow {
    }

    record PartnershipFigureRow(String planId, String kgiId, int year, BigDecimal value, String status, String source)
            implements ProjectionRow {
    }

    record ReportSubmissionRow(String reportId, String municipality, int fiscalYear, int submission, String reason)
            implements ProjectionRow {
    }

    record ReportCommentRow(String reportId, String commentId, String sector, String reviewer, String text,
                            String projectId, String kpiId) implements ProjectionRow {
    }

    record ReportAnswerRow(String reportId, String commentId, String text) implements ProjectionRow {
    }

    record ReportPublicationRow(String reportId, String municipality, int fiscalYear, int version, String reason)
            implements ProjectionRow {
    }
}
