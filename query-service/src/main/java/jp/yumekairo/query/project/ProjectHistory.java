package jp.yumekairo.query.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yumekairo.events.EventJson;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every revision of every target, actual, cost, year's 事業実績 and evaluation of a project, oldest first: the value before,
 * the value after, when, who, for which member, why and in which request.
 */
@Component
class ProjectHistory {

    /** Built once: building a mapper per row was a fifth of the rebuild's time. */
    private static final ObjectMapper JSON = EventJson.objectMapper();

    /** One change; {@code oldValue} is null for the first figure of its kind, KPI and fiscal year. */
    record Revision(long version, String kind, String kpiId, int fiscalYear, String fiscalYearJa,
                    Map<String, Object> oldValue, Map<String, Object> newValue, Instant recordedAt, String userId,
                    String role, String municipality, String municipalityName, String reason, String requestId) {
    }

    private interface Values {
        Map<String, Object> of(ResultSet row) throws SQLException;
    }

    private final JdbcTemplate jdbc;

    ProjectHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Revision> of(String projectId, Instant asOf) {
        List<Revision> revisions = new ArrayList<>();
        collect(revisions, "TARGET", "kpi_target", true, projectId, asOf, row -> values("target", row.getBigDecimal("target")));
        collect(revisions, "ACTUAL", "kpi_actual", true, projectId, asOf, row -> values("actual", row.getBigDecimal("actual"),
                "status", row.getString("status"), "source", row.getString("source"), "note", row.getString("note")));
        collect(revisions, "COST", "project_cost", false, projectId, asOf, row -> values(
                "totalCost", row.getLong("total_cost"), "grantAmount", row.getObject("grant_amount", Long.class)));
        collect(revisions, "ACTIVITIES", "project_activities", false, projectId, asOf, row -> values(
                "activities", row.getString("activities")));
        collect(revisions, "EVALUATION", "evaluation", false, projectId, asOf, row -> values(
                "effect", row.getString("effect"), "policy", row.getString("policy"),
                "rationale", row.getString("rationale"), "policyRationale", row.getString("policy_rationale"),
                "situation", row.getString("situation"),
                "obstacles", row.getString("obstacles"), "revisions", row.getString("revisions"),
                "shortfallReasons", reasons(row.getString("shortfall_reasons"))));
        revisions.sort(Comparator.comparingLong(Revision::version));
        return revisions;
    }

    private void collect(List<Revision> into, String kind, String table, boolean perKpi, String projectId,
                         Instant asOf, Values values) {
        Map<String, Map<String, Object>> previous = new HashMap<>();
        jdbc.query("SELECT t.*, o.user_id, o.role, o.municipality, o.reason, o.request_id FROM query." + table
                        + " t JOIN query.event_origin o ON o.aggregate_id = t.project_id AND o.sequence_number = t.sequence_number WHERE t.project_id = ? AND t.recorded_at <= ? "
                        + "ORDER BY t.sequence_number",
                (ResultSet row) -> {
                    String kpiId = perKpi ? row.getString("kpi_id") : null;
                    int year = row.getInt("fiscal_year");
                    String key = kpiId + "/" + year;
                    Map<String, Object> now = values.of(row);
                    String municipality = row.getString("municipality");
                    into.add(new Revision(row.getLong("sequence_number") + 1, kind, kpiId, year,
                            FiscalYear.of(year).toJapanese(), previous.get(key), now,
                            row.getTimestamp("recorded_at").toInstant(), row.getString("user_id"), row.getString("role"),
                            municipality, municipality == null ? null : MunicipalityCode.of(municipality).nameJa(),
                            row.getString("reason"), row.getString("request_id")));
                    previous.put(key, now);
                }, projectId, Timestamp.from(asOf));
    }

    private static Map<String, String> reasons(String json) throws SQLException {
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException corrupt) {
            throw new SQLException("unreadable shortfall reasons", corrupt);
        }
    }

    private static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }
}
