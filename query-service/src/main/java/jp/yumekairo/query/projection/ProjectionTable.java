package jp.yumekairo.query.projection;

import jp.yumekairo.query.projection.ProjectionRow.EvaluationRow;
import jp.yumekairo.query.projection.ProjectionRow.EventOriginRow;
import jp.yumekairo.query.projection.ProjectionRow.KgiFigureRow;
import jp.yumekairo.query.projection.ProjectionRow.KgiRow;
import jp.yumekairo.query.projection.ProjectionRow.KpiActualRow;
import jp.yumekairo.query.projection.ProjectionRow.KpiNameRow;
import jp.yumekairo.query.projection.ProjectionRow.KpiRow;
import jp.yumekairo.query.projection.ProjectionRow.KpiTargetRow;
import jp.yumekairo.query.projection.ProjectionRow.PartnershipFigureRow;
import jp.yumekairo.query.projection.ProjectionRow.PlanRow;
import jp.yumekairo.query.projection.ProjectionRow.PlanTargetRow;
import jp.yumekairo.query.projection.ProjectionRow.ProjectActivitiesRow;
import jp.yumekairo.query.projection.ProjectionRow.ProjectCostRow;
import jp.yumekairo.query.projection.ProjectionRow.ProjectDetailsRow;
import jp.yumekairo.query.projection.ProjectionRow.ProjectRow;
import jp.yumekairo.query.projection.ProjectionRow.ReportAnswerRow;
import jp.yumekairo.query.projection.ProjectionRow.ReportCommentRow;
import jp.yumekairo.query.projection.ProjectionRow.ReportPublicationRow;
import jp.yumekairo.query.projection.ProjectionRow.ReportSubmissionRow;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The projection tables, created by Flyway from {@code db/projection} in each {@link ProjectionSchema}, each with
 * the {@link ProjectionRow} its events append and its columns in the order of the {@code INSERT}.
 */
public enum ProjectionTable {
    EVENT_ORIGIN("event_origin", "aggregate_id", EventOriginRow.class, "aggregate_id", "sequence_number", "event_id",
            "event_type", "recorded_at", "user_id", "role", "municipality", "reason", "request_id"),
    PROJECT("project", "project_id", ProjectRow.class, "project_id", "sequence_number", "recorded_at",
            "lead_municipality", "participants", "name", "summary", "scope", "grant_program", "department",
            "first_fiscal_year", "last_fiscal_year"),
    KPI("kpi", "project_id", KpiRow.class, "project_id", "sequence_number", "kpi_id", "recorded_at", "name", "unit",
            "direction", "measure", "baseline", "baseline_fiscal_year", "final_target"),
    KPI_TARGET("kpi_target", "project_id", KpiTargetRow.class, "project_id", "sequence_number", "recorded_at",
            "kpi_id", "fiscal_year", "target"),
    KPI_ACTUAL("kpi_actual", "project_id", KpiActualRow.class, "project_id", "sequence_number", "recorded_at",
            "kpi_id", "fiscal_year", "actual", "status", "source", "note"),
    PROJECT_COST("project_cost", "project_id", ProjectCostRow.class, "project_id", "sequence_number", "recorded_at",
            "fiscal_year", "total_cost", "grant_amount"),
    EVALUATION("evaluation", "project_id", EvaluationRow.class, "project_id", "sequence_number", "recorded_at",
            "fiscal_year", "effect", "policy", "rationale", "situation", "obstacles", "revisions",
            "shortfall_reasons:jsonb", "policy_rationale"),
    PROJECT_ACTIVITIES("project_activities", "project_id", ProjectActivitiesRow.class, "project_id",
            "sequence_number", "recorded_at", "fiscal_year", "activities"),
    PROJECT_DETAILS("project_details", "project_id", ProjectDetailsRow.class, "project_id", "sequence_number",
            "recorded_at", "name", "summary", "department", "participants"),
    KPI_NAME("kpi_name", "project_id", KpiNameRow.class, "project_id", "sequence_number", "recorded_at", "kpi_id",
            "name"),
    PLAN("plan", "plan_id", PlanRow.class, "plan_id", "sequence_number", "recorded_at", "name", "members",
            "first_fiscal_year", "last_fiscal_year"),
    KGI("kgi", "plan_id", KgiRow.class, "plan_id", "sequence_number", "kgi_id", "recorded_at", "name", "unit",
            "direction", "aggregation", "baseline", "baseline_year"),
    PLAN_TARGET("plan_target", "plan_id", PlanTargetRow.class, "plan_id", "sequence_number", "recorded_at", "kgi_id",
            "year", "target"),
    KGI_FIGURE("kgi_figure", "plan_id", KgiFigureRow.class, "plan_id", "sequence_number", "recorded_at", "kgi_id",
            "municipality", "year", "value", "status", "source"),
    PARTNERSHIP_FIGURE("partnership_figure", "plan_id", PartnershipFigureRow.class, "plan_id", "sequence_number",
            "recorded_at", "kgi_id", "year", "value", "status", "source"),
    REPORT_SUBMISSION("report_submission", "report_id", ReportSubmissionRow.class, "report_id", "sequence_number",
            "recorded_at", "municipality", "fiscal_year", "submission", "reason"),
    REPORT_COMMENT("report_comment", "report_id", ReportCommentRow.class, "report_id", "sequence_number",
            "recorded_at", "comment_id", "sector", "reviewer", "text", "project_id", "kpi_id"),
    REPORT_ANSWER("report_answer", "report_id", ReportAnswerRow.class, "report_id", "sequence_number", "recorded_at",
            "comment_id", "text"),
    REPORT_PUBLICATION("report_publication", "report_id", ReportPublicationRow.class, "report_id", "sequence_number",
            "recorded_at", "municipality", "fiscal_year", "version", "reason");

    /** The columns every table has, whose values come from the event's message rather than from its row. */
    private static final String SEQUENCE_NUMBER = "sequence_number";
    private static final String RECORDED_AT = "recorded_at";
    private static final Map<Class<?>, ProjectionTable> BY_ROW = new HashMap<>();

    static {
        for (ProjectionTable table : values()) {
            BY_ROW.put(table.rowType, table);
        }
    }

    /** Every row names its event by the aggregate's id (this column) and its {@code sequence_number}. */
    private final String aggregateColumn;
    private final String tableName;
    private final Class<? extends ProjectionRow> rowType;
    private final List<String> columns;
    /** The row's accessor of each column, in the columns' order; null for the message's columns. */
    private final List<Method> accessors;
    private final String placeholders;

    ProjectionTable(String tableName, String aggregateColumn, Class<? extends ProjectionRow> rowType,
                    String... columns) {
        this.tableName = tableName;
        this.aggregateColumn = aggregateColumn;
        this.rowType = rowType;
        this.columns = Arrays.stream(columns).map(column -> column.split(":")[0]).toList();
        this.accessors = accessors(rowType, this.columns);
        this.placeholders = Arrays.stream(columns)
                .map(column -> column.contains(":") ? "?::" + column.split(":")[1] : "?")
                .collect(Collectors.joining(", "));
    }

    /** The table a row belongs to. */
    public static ProjectionTable of(ProjectionRow row) {
        return BY_ROW.get(row.getClass());
    }

    public String tableName() {
        return tableName;
    }

    public String aggregateColumn() {
        return aggregateColumn;
    }

    /** Idempotent: the row of an event already applied is left as it is. */
    String insert(ProjectionSchema schema) {
        return "INSERT INTO " + schema.qualify(this) + " (" + String.join(", ", columns) + ") VALUES ("
                + placeholders + ") ON CONFLICT DO NOTHING";
    }

    /** The values of {@link #insert}: each column's from the row's component of that name, or from the message. */
    Object[] values(ProjectionRow row, long sequenceNumber, OffsetDateTime recordedAt) {
        if (row.getClass() != rowType) {
            throw new IllegalArgumentException(this + " holds " + rowType.getSimpleName() + ", not " + row);
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            Method accessor = accessors.get(i);
            try {
                values[i] = accessor != null ? accessor.invoke(row)
                        : columns.get(i).equals(SEQUENCE_NUMBER) ? sequenceNumber : recordedAt;
            } catch (ReflectiveOperationException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return values;
    }

    private static List<Method> accessors(Class<? extends ProjectionRow> rowType, List<String> columns) {
        Map<String, Method> byName = new HashMap<>();
        for (RecordComponent component : rowType.getRecordComponents()) {
            byName.put(component.getName(), component.getAccessor());
        }
        List<Method> accessors = new ArrayList<>();
        Set<String> bound = new HashSet<>();
        for (String column : columns) {
            if (column.equals(SEQUENCE_NUMBER) || column.equals(RECORDED_AT)) {
                accessors.add(null);
                continue;
            }
            String name = componentName(column);
            if (!byName.containsKey(name)) {
                throw new IllegalStateException(rowType.getSimpleName() + " has no component " + name + " for column "
                        + column);
            }
            accessors.add(byName.get(name));
            bound.add(name);
        }
        if (!bound.equals(byName.keySet())) {
            byName.keySet().removeAll(bound);
            throw new IllegalStateException(rowType.getSimpleName() + " has components without a column: "
                    + byName.keySet());
        }
        return Collections.unmodifiableList(accessors);
    }

    /** {@code baseline_fiscal_year} is {@code baselineFiscalYear}. */
    private static String componentName(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
