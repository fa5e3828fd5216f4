package jp.yumekairo.query.report;

import jp.yumekairo.query.project.ProjectView.EvaluationView;
import jp.yumekairo.query.project.ProjectView.KpiYear;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A member's yearly report (効果検証報告) as it stood at {@code asOf}, or as published version {@code version}:
 * the projects the member leads in that fiscal year with their KPI tables up to that year, costs and ratings,
 * and the committee's comments with their answers. {@code changedSinceVersion} names the last published version
 * when a figure in it has since been corrected (null otherwise, and in a published version). {@code grantAmount}
 * adds up the known 交付実績; {@code grantAmountIncomplete} says a project's cost was recorded with its 交付実績
 * unknown, and then the sum is null when none is known. Names are as corrected at the report's instant.
 */
public record ReportView(String reportId, String municipalityCode, String municipalityName, int fiscalYear,
                         String fiscalYearJa, String status, String statusJa, Integer version, Instant publishedAt,
                         Integer latestVersion, Integer changedSinceVersion, Instant asOf, long totalCost,
                         Long grantAmount, boolean grantAmountIncomplete, List<ReportProject> projects,
                         List<Comment> comments) {

    /**
     * One project of the report: its cost, evaluation and 事業実績 ({@code activities}, "" if none) of the report's
     * year, its KPIs' years up to it. {@code grantAmount} is null when the 交付実績 is unknown.
     */
    public record ReportProject(String projectId, String name, String scope, String scopeJa, String department,
                                Long totalCost, Long grantAmount, List<ReportKpi> kpis, EvaluationView evaluation,
                                String activities) {
    }

    /** A KPI with its targets and actuals of every fiscal year of the project up to the report's. */
    public record ReportKpi(String kpiId, String name, String unit, String direction, BigDecimal baseline,
                            Integer baselineFiscalYear, List<KpiYear> years) {
    }

    /** A reviewer's comment under their sector (産官学金労言), on the report or one project or KPI, with the answers. */
    public record Comment(String commentId, String sector, String sectorJa, String reviewer, String text,
                          String projectId, String kpiId, Instant commentedAt, List<Answer> answers) {
    }

    /** The member's answer to a comment. */
    public record Answer(String text, String answeredBy, Instant answeredAt) {
    }

    /** One published version: when, by whom, and why it was submitted and published. */
    public record Version(int version, Instant publishedAt, String publishedBy, String submissionReason,
                          String publicationReason) {
    }
}
