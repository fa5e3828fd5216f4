package jp.yumekairo.query.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.Direction;
import jp.yumekairo.events.EffectRating;
import jp.yumekairo.events.EventJson;
import jp.yumekairo.events.GrantProgram;
import jp.yumekairo.events.Measure;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Policy;
import jp.yumekairo.events.ProjectScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The stored rows of projects as they stood at an instant, typed and nothing derived: each project's registration
 * with its details as last corrected, its KPIs with their names as corrected, and the latest revision of each
 * target, actual, cost, year's activities and evaluation recorded at or before the instant (one index range per
 * key, never a replay of the log).
 */
@Component
class ProjectRows {

    /** One mapper for every evaluation row, reading its shortfall reasons (jsonb) as the events wrote them. */
    private static final ObjectMapper JSON = EventJson.objectMapper();

    private static final TypeReference<Map<String, String>> REASONS = new TypeReference<>() {
    };

    /** A project's registration, its name, summary, department and participants as corrected. */
    record Project(String projectId, MunicipalityCode lead, List<String> participants, String name, String summary,
                   ProjectScope scope, GrantProgram grantProgram, String department, int firstFiscalYear,
                   int lastFiscalYear) {
    }

    /** A KPI as registered, its name as corrected. */
    record Kpi(String kpiId, String name, String unit, Direction direction, Measure measure, BigDecimal baseline,
               Integer baselineFiscalYear, BigDecimal finalTarget) {
    }

    /** A KPI's fiscal year. */
    record Key(String kpiId, int fiscalYear) {
    }

    record Actual(BigDecimal value, ActualStatus status, String source, String note) {
    }

    record Cost(int fiscalYear, long totalCost, Long grantAmount) {
    }

    record Activities(int fiscalYear, String activities) {
    }

    /** A fiscal year's evaluation; {@code revised} when it has been revised since its submission. */
    record Evaluation(EffectRating effect, Policy policy, String rationale, String policyRationale, String situation,
                      String obstacles, String revisions, Map<String, String> shortfallReasons, boolean revised) {
    }

    /**
     * One project's rows at the instant: its version (events so far), KPIs in the order they were added, the
     * latest target and actual per KPI and year, the costs and activities by year, the evaluations per year.
     */
    record Rows(Project project, long version, List<Kpi> kpis, Map<Key, BigDecimal> targets, Map<Key, Actual> actuals,
                List<Cost> costs, List<Activities> activities, Map<Integer, Evaluation> evaluations) {
    }

    private final JdbcTemplate jdbc;

    ProjectRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the project was registered at or before the instant. */
    boolean exists(String projectId, Instant asOf) {
        Boolean registered = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM query.project WHERE project_id = ? "
                + "AND recorded_at <= ?)", Boolean.class, projectId, Timestamp.from(asOf));
        return Boolean.TRUE.equals(registered);
    }

    /** The project's rows, if it was registered at or before the instant. */
    List<Rows> project(String projectId, Instant asOf) {
        return rows(projects("p.project_id = ?", List.of(projectId), "true", List.of(), asOf), asOf);
    }

    /** The rows of the projects a member leads or takes part in (participants as they stood then). */
    List<Rows> projectsOf(MunicipalityCode member, Instant asOf) {
        String code = member.code();
        return rows(projects("p.project_id IN (SELECT project_id FROM query.project WHERE lead_municipality = ? "
                        + "UNION SELECT project_id FROM query.project WHERE participants @> ARRAY[?::text] "
                        + "UNION SELECT project_id FROM query.project_details WHERE participants @> ARRAY[?::text])",
                List.of(code, code, code), "(lead_municipality = ? OR ? = ANY (participants))", List.of(code, code),
                asOf), asOf);
    }

    /**
     * The registration of each project with its descriptive fields as last corrected at or before the instant, in
     * the order the projects were registered (the order of the member's published tables, whose No follows it).
     * {@code candidates} narrows {@code query.project p} by its indexes to the projects that may qualify (a member's:
     * every project it ever led or took part in); {@code condition} is on the columns of {@code query.project},
     * participants as corrected at the instant. The corrections are looked up for the candidates only.
     */
    private List<Project> projects(String candidates, List<Object> candidateArguments, String condition,
                                   List<Object> arguments, Instant asOf) {
        Timestamp at = Timestamp.from(asOf);
        List<Object> all = new ArrayList<>();
        all.add(at);
        all.add(at);
        all.addAll(candidateArguments);
        all.addAll(arguments);
        return jdbc.query("SELECT * FROM (SELECT p.project_id, p.lead_municipality, p.scope, p.grant_program, "
                        + "p.first_fiscal_year, p.last_fiscal_year, p.recorded_at, "
                        + "coalesce(d.participants, p.participants) AS participants, coalesce(d.name, p.name) AS name, "
                        + "coalesce(d.summary, p.summary) AS summary, coalesce(d.department, p.department) AS department "
                        + "FROM query.project p LEFT JOIN LATERAL (SELECT * FROM query.project_details c "
                        + "WHERE c.project_id = p.project_id AND c.recorded_at <= ? ORDER BY c.sequence_number DESC "
                        + "LIMIT 1) d ON true WHERE p.recorded_at <= ? AND " + candidates + ") project WHERE "
                        + condition + " ORDER BY recorded_at, project_id",
                (row, index) -> new Project(row.getString("project_id"),
                        MunicipalityCode.of(row.getString("lead_municipality")), texts(row.getArray("participants")),
                        row.getString("name"), row.getString("summary"), ProjectScope.valueOf(row.getString("scope")),
                        GrantProgram.valueOf(row.getString("grant_program")), row.getString("department"),
                        row.getInt("first_fiscal_year"), row.getInt("last_fiscal_year")),
                all.toArray());
    }

    private List<Rows> rows(List<Project> projects, Instant asOf) {
        if (projects.isEmpty()) {
            return List.of();
        }
        String[] ids = projects.stream().map(Project::projectId).toArray(String[]::new);
        Timestamp at = Timestamp.from(asOf);
        Map<String, List<Kpi>> kpis = new HashMap<>();
        jdbc.query("SELECT k.project_id, k.kpi_id, coalesce(n.name, k.name) AS name, k.unit, k.direction, k.measure, "
                        + "k.baseline, k.baseline_fiscal_year, k.final_target FROM query.kpi k LEFT JOIN LATERAL "
                        + "(SELECT r.name FROM query.kpi_name r WHERE r.project_id = k.project_id AND r.kpi_id = k.kpi_id "
                        + "AND r.recorded_at <= ? ORDER BY r.sequence_number DESC LIMIT 1) n ON true "
                        + "WHERE k.project_id = ANY (?) AND k.recorded_at <= ? ORDER BY k.sequence_number",
                (ResultSet row) -> {
                    kpis.computeIfAbsent(row.getString("project_id"), id -> new ArrayList<>()).add(new Kpi(
                            row.getString("kpi_id"), row.getString("name"), row.getString("unit"),
                            Direction.valueOf(row.getString("direction")), Measure.valueOf(row.getString("measure")),
                            row.getBigDecimal("baseline"), row.getObject("baseline_fiscal_year", Integer.class),
                            row.getBigDecimal("final_target")));
                }, at, ids, at);
        Map<String, Map<Key, BigDecimal>> targets = new HashMap<>();
        jdbc.query(latest("kpi_target", "kpi_id, fiscal_year", false), (ResultSet row) -> {
            byProject(targets, row).put(key(row), row.getBigDecimal("target"));
        }, ids, at);
        Map<String, Map<Key, Actual>> actuals = new HashMap<>();
        jdbc.query(latest("kpi_actual", "kpi_id, fiscal_year", false), (ResultSet row) -> {
            byProject(actuals, row).put(key(row), new Actual(row.getBigDecimal("actual"),
                    ActualStatus.valueOf(row.getString("status")), row.getString("source"), row.getString("note")));
        }, ids, at);
        Map<String, List<Cost>> costs = new HashMap<>();
        jdbc.query(latest("project_cost", "fiscal_year", false), (ResultSet row) -> {
            costs.computeIfAbsent(row.getString("project_id"), id -> new ArrayList<>()).add(new Cost(
                    row.getInt("fiscal_year"), row.getLong("total_cost"), row.getObject("grant_amount", Long.class)));
        }, ids, at);
        Map<String, List<Activities>> activities = new HashMap<>();
        jdbc.query(latest("project_activities", "fiscal_year", false), (ResultSet row) -> {
            activities.computeIfAbsent(row.getString("project_id"), id -> new ArrayList<>()).add(new Activities(
                    row.getInt("fiscal_year"), row.getString("activities")));
        }, ids, at);
        Map<String, Map<Integer, Evaluation>> evaluations = new HashMap<>();
        jdbc.query(latest("evaluation", "fiscal_year", true), (ResultSet row) -> {
            evaluations.computeIfAbsent(row.getString("project_id"), id -> new HashMap<>())
                    .put(row.getInt("fiscal_year"), evaluation(row));
        }, ids, at);
        Map<String, Long> versions = new HashMap<>();
        jdbc.query("SELECT aggregate_id, max(sequence_number) + 1 AS version FROM query.event_origin "
                        + "WHERE aggregate_id = ANY (?) AND recorded_at <= ? GROUP BY aggregate_id",
                (ResultSet row) -> {
                    versions.put(row.getString("aggregate_id"), row.getLong("version"));
                }, ids, at);
        return projects.stream().map(project -> {
            String id = project.projectId();
            return new Rows(project, versions.getOrDefault(id, 0L), kpis.getOrDefault(id, List.of()),
                    targets.getOrDefault(id, Map.of()), actuals.getOrDefault(id, Map.of()),
                    byYear(costs.getOrDefault(id, List.of()), Cost::fiscalYear),
                    byYear(activities.getOrDefault(id, List.of()), Activities::fiscalYear),
                    evaluations.getOrDefault(id, Map.of()));
        }).toList();
    }

    /**
     * The latest revision per key recorded at or before the instant, for the given projects; with
     * {@code countRevisions}, also how many revisions the key has had by then ({@code revision_count}).
     */
    private static String latest(String table, String keyColumns, boolean countRevisions) {
        return "SELECT DISTINCT ON (project_id, " + keyColumns + ") *"
                + (countRevisions ? ", count(*) OVER (PARTITION BY project_id, " + keyColumns + ") AS revision_count" : "")
                + " FROM query." + table
                + " WHERE project_id = ANY (?) AND recorded_at <= ? ORDER BY project_id, " + keyColumns
                + ", sequence_number DESC";
    }

    private static <V> Map<Key, V> byProject(Map<String, Map<Key, V>> values, ResultSet row) throws SQLException {
        return values.computeIfAbsent(row.getString("project_id"), id -> new HashMap<>());
    }

    private static Key key(ResultSet row) throws SQLException {
        return new Key(row.getString("kpi_id"), row.getInt("fiscal_year"));
    }

    private static <T> List<T> byYear(List<T> rows, ToIntFunction<T> year) {
        return rows.stream().sorted(Comparator.comparingInt(year)).toList();
    }

    private static Evaluation evaluation(ResultSet row) throws SQLException {
        try {
            return new Evaluation(EffectRating.valueOf(row.getString("effect")), Policy.valueOf(row.getString("policy")),
                    row.getString("rationale"), row.getString("policy_rationale"), row.getString("situation"),
                    row.getString("obstacles"), row.getString("revisions"),
                    JSON.readValue(row.getString("shortfall_reasons"), REASONS), row.getInt("revision_count") > 1);
        } catch (JsonProcessingException corrupt) {
            throw new SQLException("unreadable shortfall reasons", corrupt);
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
