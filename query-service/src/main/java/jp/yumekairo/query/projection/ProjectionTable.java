package jp.yumekairo.query.projection;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The projection tables, created by Flyway from {@code db/projection} in each {@link ProjectionSchema}. */
public enum ProjectionTable {
    EVENT_ORIGIN("event_origin", "aggregate_id", "aggregate_id", "sequence_number", "event_id", "event_type",
            "recorded_at", "user_id", "role", "municipality", "reason", "request_id"),
    PROJECT("project", "project_id", "project_id", "sequence_number", "recorded_at", "lead_municipality",
            "participants", "name", "summary", "scope", "grant_program", "department", "first_fiscal_year",
            "last_fiscal_year"),
    KPI("kpi", "project_id", "project_id", "sequence_number", "kpi_id", "recorded_at", "name", "unit", "direction",
            "measure", "baseline", "baseline_fiscal_year", "final_target"),
    KPI_TARGET("kpi_target", "project_id", "project_id", "sequence_number", "recorded_at", "kpi_id", "fiscal_year",
            "target"),
    KPI_ACTUAL("kpi_actual", "project_id", "project_id", "sequence_number", "recorded_at", "kpi_id", "fiscal_year",
            "actual", "status", "source", "note"),
    PROJECT_COST("project_cost", "project_id", "project_id", "sequence_number", "recorded_at", "fiscal_year",
            "total_cost", "grant_amount"),
    EVALUATION("evaluation", "project_id", "project_id", "sequence_number", "recorded_at", "fiscal_year", "effect",
            "policy", "rationale", "situation", "obstacles", "revisions", "shortfall_reasons:jsonb", "policy_rationale"),
    PROJECT_ACTIVITIES("project_activities", "project_id", "project_id", "sequence_number", "recorded_at",
            "fiscal_year", "activities"),
    PROJECT_DETAILS("project_details", "project_id", "project_id", "sequence_number", "recorded_at", "name", "summary",
            "department", "participants"),
    KPI_NAME("kpi_name", "project_id", "project_id", "sequence_number", "recorded_at", "kpi_id", "name"),
    PLAN("plan", "plan_id", "plan_id", "sequence_number", "recorded_at", "name", "members", "first_fiscal_year",
            "last_fiscal_year"),
    KGI("kgi", "plan_id", "plan_id", "sequence_number", "kgi_id", "recorded_at", "name", "unit", "direction",
            "aggregation", "baseline", "baseline_year"),
    PLAN_TARGET("plan_target", "plan_id", "plan_id", "sequence_number", "recorded_at", "kgi_id", "year", "target"),
    KGI_FIGURE("kgi_figure", "plan_id", "plan_id", "sequence_number", "recorded_at", "kgi_id", "municipality", "year",
            "value", "status", "source"),
    PARTNERSHIP_FIGURE("partnership_figure", "plan_id", "plan_id", "sequence_number", "recorded_at", "kgi_id", "year",
            "value", "status", "source"),
    REPORT_SUBMISSION("report_submission", "report_id", "report_id", "sequence_number", "recorded_at", "municipality",
            "fiscal_year", "submission", "reason"),
    REPORT_COMMENT("report_comment", "report_id", "report_id", "sequence_number", "recorded_at", "comment_id", "sector",
            "reviewer", "text", "project_id", "kpi_id"),
    REPORT_ANSWER("report_answer", "report_id", "report_id", "sequence_number", "recorded_at", "comment_id", "text"),
    REPORT_PUBLICATION("report_publication", "report_id", "report_id", "sequence_number", "recorded_at",
            "municipality", "fiscal_year", "version", "reason");

    /** Every row names its event by the aggregate's id (this column) and its {@code sequence_number}. */
    private final String aggregateColumn;
    private final String tableName;
    private final List<String> columns;
    private final String placeholders;

    ProjectionTable(String tableName, String aggregateColumn, String... columns) {
        this.tableName = tableName;
        this.aggregateColumn = aggregateColumn;
        this.columns = Arrays.stream(columns).map(column -> column.split(":")[0]).toList();
        this.placeholders = Arrays.stream(columns)
                .map(column -> column.contains(":") ? "?::" + column.split(":")[1] : "?")
                .collect(Collectors.joining(", "));
    }

    public String tableName() {
        return tableName;
    }

    public String aggregateColumn() {
        return aggregateColumn;
    }

    public int columnCount() {
        return columns.size();
    }

    /** Idempotent: the row of an event already applied is left as it is. */
    String insert(ProjectionSchema schema) {
        return "INSERT INTO " + schema.qualify(this) + " (" + String.join(", ", columns) + ") VALUES ("
                + placeholders + ") ON CONFLICT DO NOTHING";
    }
}
