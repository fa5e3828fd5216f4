package jp.yumekairo.query.projection;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The projection tables, created by Flyway from {@code db/projection} in each {@link ProjectionSchema}. */
public enum ProjectionTable {
    EVENT_ORIGIN("event_origin", "global_index", "aggregate_id", "sequence_number", "event_type", "recorded_at",
            "user_id", "role", "municipality", "reason", "request_id"),
    PROJECT("project", "global_index", "project_id", "recorded_at", "lead_municipality", "participants", "name",
            "summary", "scope", "grant_program", "department", "first_fiscal_year", "last_fiscal_year"),
    KPI("kpi", "global_index", "project_id", "kpi_id", "recorded_at", "name", "unit", "direction", "measure",
            "baseline", "baseline_fiscal_year", "final_target"),
    KPI_TARGET("kpi_target", "global_index", "project_id", "sequence_number", "recorded_at", "kpi_id",
            "fiscal_year", "target"),
    KPI_ACTUAL("kpi_actual", "global_index", "project_id", "sequence_number", "recorded_at", "kpi_id",
            "fiscal_year", "actual", "status", "source", "note"),
    PROJECT_COST("project_cost", "global_index", "project_id", "sequence_number", "recorded_at", "fiscal_year",
            "total_cost", "grant_amount"),
    EVALUATION("evaluation", "global_index", "project_id", "sequence_number", "recorded_at", "fiscal_year",
            "effect", "policy", "rationale", "situation", "obstacles", "revisions", "shortfall_reasons:jsonb"),
    PLAN("plan", "global_index", "plan_id", "recorded_at", "name", "members", "first_fiscal_year",
            "last_fiscal_year"),
    KGI("kgi", "global_index", "plan_id", "kgi_id", "recorded_at", "name", "unit", "direction", "aggregation",
            "baseline", "baseline_year"),
    PLAN_TARGET("plan_target", "global_index", "plan_id", "sequence_number", "recorded_at", "kgi_id", "year",
            "target"),
    KGI_FIGURE("kgi_figure", "global_index", "plan_id", "sequence_number", "recorded_at", "kgi_id",
            "municipality", "year", "value", "status", "source");

    private final String tableName;
    private final List<String> columns;
    private final String placeholders;

    ProjectionTable(String tableName, String... columns) {
        this.tableName = tableName;
        this.columns = Arrays.stream(columns).map(column -> column.split(":")[0]).toList();
        this.placeholders = Arrays.stream(columns)
                .map(column -> column.contains(":") ? "?::" + column.split(":")[1] : "?")
                .collect(Collectors.joining(", "));
    }

    public String tableName() {
        return tableName;
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
