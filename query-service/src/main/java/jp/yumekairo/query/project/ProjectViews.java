package jp.yumekairo.query.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.Direction;
import jp.yumekairo.events.EffectRating;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yumekairo.events.EventJson;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.GrantProgram;
import jp.yumekairo.events.Measure;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Policy;
import jp.yumekairo.events.ProjectScope;
import jp.yumekairo.query.trace.TraceLinks;
import jp.yumekairo.query.project.ProjectView.ActivitiesView;
import jp.yumekairo.query.project.ProjectView.CostView;
import jp.yumekairo.query.project.ProjectView.EvaluationView;
import jp.yumekairo.query.project.ProjectView.KpiView;
import jp.yumekairo.query.project.ProjectView.KpiYear;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projects as they stood at an instant, from the append-only rows: the latest revision of each target, actual,
 * cost, evaluation, year's activities, the project's details and each KPI's name recorded at or before it (one
 * index range per key, never a replay of the log).
 */
@Component
public class ProjectViews {

    /** Built once: building a mapper per row was a fifth of the rebuild's time. */
    private static final ObjectMapper JSON = EventJson.objectMapper();

    private static final TypeReference<Map<String, String>> REASONS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    ProjectViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record ProjectRow(String projectId, String lead, List<String> participants, String name, String summary,
                              ProjectScope scope, GrantProgram grantProgram, String department, int first, int last) {
    }

    private record KpiRow(String projectId, String kpiId, String name, String unit, Direction direction,
                          Measure measure, BigDecimal baseline, Integer baselineFiscalYear, BigDecimal finalTarget) {
    }

    private record Actual(BigDecimal value, ActualStatus status, String source, String note) {
    }

    private record Key(String projectId, String kpiId, int fiscalYear) {
    }

    @Transactional(readOnly = true)
    public Optional<ProjectView> project(String projectId, Instant asOf) {
        List<ProjectView> found = assemble(projectRows("project_id = ?", asOf, projectId), asOf);
        return found.stream().findFirst();
    }

    /** Whether the project was registered at or before the instant, without assembling its view. */
    public boolean exists(String projectId, Instant asOf) {
        Boolean registered = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM query.project WHERE project_id = ? "
                + "AND recorded_at <= ?)", Boolean.class, projectId, Timestamp.from(asOf));
        return Boolean.TRUE.equals(registered);
    }

    /** The projects a member leads or takes part in (広域, as the participants stood then), ordered by id. */
    @Transactional(readOnly = true)
    public List<ProjectView> projectsOf(MunicipalityCode member, Instant asOf) {
        return assemble(projectRows("(lead_municipality = ? OR ? = ANY (participants))", asOf, member.code(),
                member.code()), asOf);
    }

    /**
     * The registration of each project with its descriptive fields as last corrected at or before the instant, in
     * the order the projects were registered (the order of the member's published tables, whose No follows it).
     * {@code condition} is on the columns of {@code query.project}, participants as corrected.
     */
    private List<ProjectRow> projectRows(String condition, Instant asOf, Object... arguments) {
        Timestamp at = Timestamp.from(asOf);
        Object[] all = new Object[arguments.length + 2];
        all[0] = at;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        all[arguments.length + 1] = at;
        return jdbc.query("SELECT * FROM (SELECT p.project_id, p.lead_municipality, p.scope, p.grant_program, "
                        + "p.first_fiscal_year, p.last_fiscal_year, p.recorded_at, "
                        + "coalesce(d.participants, p.participants) AS participants, coalesce(d.name, p.name) AS name, "
                        + "coalesce(d.summary, p.summary) AS summary, coalesce(d.department, p.department) AS department "
                        + "FROM query.project p LEFT JOIN LATERAL (SELECT * FROM query.project_details c "
                        + "WHERE c.project_id = p.project_id AND c.recorded_at <= ? ORDER BY c.sequence_number DESC "
                        + "LIMIT 1) d ON true) project WHERE " + condition + " AND recorded_at <= ? ORDER BY recorded_at, project_id",
                (row, index) -> new ProjectRow(row.getString("project_id"), row.getString("lead_municipality"),
                        texts(row.getArray("participants")), row.getString("name"), row.getString("summary"),
                        ProjectScope.valueOf(row.getString("scope")), GrantProgram.valueOf(row.getString("grant_program")),
                        row.getString("department"), row.getInt("first_fiscal_year"), row.getInt("last_fiscal_year")),
                all);
    }

    private List<ProjectView> assemble(List<ProjectRow> projects, Instant asOf) {
        if (projects.isEmpty()) {
            return List.of();
        }
        String[] ids = projects.stream().map(ProjectRow::projectId).toArray(String[]::new);
        Timestamp at = Timestamp.from(asOf);
        Map<String, List<KpiRow>> kpis = new HashMap<>();
        jdbc.query("SELECT k.project_id, k.kpi_id, coalesce(n.name, k.name) AS name, k.unit, k.direction, k.measure, "
                        + "k.baseline, k.baseline_fiscal_year, k.final_target FROM query.kpi k LEFT JOIN LATERAL "
                        + "(SELECT r.name FROM query.kpi_name r WHERE r.project_id = k.project_id AND r.kpi_id = k.kpi_id "
                        + "AND r.recorded_at <= ? ORDER BY r.sequence_number DESC LIMIT 1) n ON true "
                        + "WHERE k.project_id = ANY (?) AND k.recorded_at <= ? ORDER BY k.sequence_number",
                (ResultSet row) -> {
                    kpis.computeIfAbsent(row.getString("project_id"), id -> new ArrayList<>()).add(new KpiRow(
                            row.getString("project_id"), row.getString("kpi_id"), row.getString("name"),
                            row.getString("unit"), Direction.valueOf(row.getString("direction")),
                            Measure.valueOf(row.getString("measure")), row.getBigDecimal("baseline"),
                            row.getObject("baseline_fiscal_year", Integer.class), row.getBigDecimal("final_target")));
                }, at, ids, at);
        Map<Key, BigDecimal> targets = new HashMap<>();
        jdbc.query(latest("kpi_target", "kpi_id, fiscal_year", false), (ResultSet row) -> {
            targets.put(key(row), row.getBigDecimal("target"));
        }, ids, at);
        Map<Key, Actual> actuals = new HashMap<>();
        jdbc.query(latest("kpi_actual", "kpi_id, fiscal_year", false), (ResultSet row) -> {
            actuals.put(key(row), new Actual(row.getBigDecimal("actual"), ActualStatus.valueOf(row.getString("status")),
                    row.getString("source"), row.getString("note")));
        }, ids, at);
        Map<String, List<CostView>> costs = new HashMap<>();
        jdbc.query(latest("project_cost", "fiscal_year", false), (ResultSet row) -> {
            int year = row.getInt("fiscal_year");
            costs.computeIfAbsent(row.getString("project_id"), id -> new ArrayList<>()).add(new CostView(year,
                    FiscalYear.of(year).toJapanese(), row.getLong("total_cost"), row.getObject("grant_amount", Long.class),
                    TraceLinks.projectFigure(row.getString("project_id"), "cost", year, asOf)));
        }, ids, at);
        Map<String, List<ActivitiesView>> activities = new HashMap<>();
        jdbc.query(latest("project_activities", "fiscal_year", false), (ResultSet row) -> {
            int year = row.getInt("fiscal_year");
            activities.computeIfAbsent(row.getString("project_id"), id -> new ArrayList<>()).add(new ActivitiesView(
                    year, FiscalYear.of(year).toJapanese(), row.getString("activities"),
                    TraceLinks.projectFigure(row.getString("project_id"), "activities", year, asOf)));
        }, ids, at);
        Map<String, Map<Integer, ResultRow>> evaluations = new HashMap<>();
        jdbc.query(latest("evaluation", "fiscal_year", true), (ResultSet row) -> {
            evaluations.computeIfAbsent(row.getString("project_id"), id -> new HashMap<>())
                    .put(row.getInt("fiscal_year"), ResultRow.of(row));
        }, ids, at);
        Map<String, Long> versions = new HashMap<>();
        jdbc.query("SELECT aggregate_id, max(sequence_number) + 1 AS version FROM query.event_origin "
                        + "WHERE aggregate_id = ANY (?) AND recorded_at <= ? GROUP BY aggregate_id",
                (ResultSet row) -> {
                    versions.put(row.getString("aggregate_id"), row.getLong("version"));
                }, ids, at);

        List<ProjectView> views = new ArrayList<>();
        for (ProjectRow project : projects) {
            List<KpiView> kpiViews = new ArrayList<>();
            Map<Integer, List<SuggestedEffect.Kpi>> achievementsByYear = new LinkedHashMap<>();
            for (KpiRow kpi : kpis.getOrDefault(project.projectId(), List.of())) {
                List<KpiYear> years = new ArrayList<>();
                for (int year = project.first(); year <= project.last(); year++) {
                    Key key = new Key(project.projectId(), kpi.kpiId(), year);
                    BigDecimal target = targets.get(key);
                    if (target == null && year == project.last()) {
                        target = kpi.finalTarget();
                    }
                    Actual actual = actuals.get(key);
                    BigDecimal value = actual == null ? null : actual.value();
                    Achievement achievement = Achievement.of(kpi.direction(), kpi.measure(), kpi.unit(), kpi.baseline(),
                            target, value);
                    achievementsByYear.computeIfAbsent(year, y -> new ArrayList<>())
                            .add(new SuggestedEffect.Kpi(kpi.name(), achievement));
                    years.add(new KpiYear(year, FiscalYear.of(year).toJapanese(), target, value,
                            actual == null ? null : actual.status().name(),
                            actual == null ? null : actual.status().labelJa(), achievement.reached(),
                            achievement.progress(), actual == null ? null : actual.source(),
                            actual == null ? null : actual.note(),
                            TraceLinks.kpiYear(project.projectId(), kpi.kpiId(), year, asOf), achievement.checksJa()));
                }
                kpiViews.add(new KpiView(kpi.kpiId(), kpi.name(), kpi.unit(), kpi.direction().name(),
                        kpi.measure().name(), kpi.baseline(), kpi.baselineFiscalYear(), kpi.finalTarget(), years));
            }
            List<EvaluationView> evaluationViews = new ArrayList<>();
            Map<Integer, ResultRow> submitted = evaluations.getOrDefault(project.projectId(), Map.of());
            for (int year = project.first(); year <= project.last(); year++) {
                SuggestedEffect suggestion = SuggestedEffect.ofNamed(achievementsByYear.getOrDefault(year, List.of()));
                ResultRow evaluation = submitted.get(year);
                if (evaluation == null && suggestion.rating() == null) {
                    continue;
                }
                evaluationViews.add(evaluationView(year, evaluation, suggestion,
                        TraceLinks.projectFigure(project.projectId(), "evaluation", year, asOf)));
            }
            List<CostView> costViews = new ArrayList<>(costs.getOrDefault(project.projectId(), List.of()));
            costViews.sort((a, b) -> Integer.compare(a.fiscalYear(), b.fiscalYear()));
            List<ActivitiesView> activitiesViews = new ArrayList<>(activities.getOrDefault(project.projectId(), List.of()));
            activitiesViews.sort((a, b) -> Integer.compare(a.fiscalYear(), b.fiscalYear()));
            MunicipalityCode lead = MunicipalityCode.of(project.lead());
            views.add(new ProjectView(project.projectId(), lead.code(), lead.nameJa(), project.participants(),
                    project.name(), project.summary(), project.scope().name(), project.scope().labelJa(),
                    project.grantProgram().name(), project.grantProgram().labelJa(), project.department(),
                    project.first(), project.last(), versions.getOrDefault(project.projectId(), 0L), kpiViews,
                    costViews, evaluationViews, activitiesViews));
        }
        return views;
    }

    private static EvaluationView evaluationView(int year, ResultRow evaluation, SuggestedEffect suggestion,
                                                 String trace) {
        EffectRating suggested = suggestion.rating();
        String yearJa = FiscalYear.of(year).toJapanese();
        if (evaluation == null) {
            return new EvaluationView(year, yearJa, null, null, suggested, suggested.labelJa(), suggestion.reason(),
                    suggestion.reasonJa(), false, null, null, "", "", "", "", "", Map.of(), false, trace);
        }
        return new EvaluationView(year, yearJa, evaluation.effect(), evaluation.effect().labelJa(), suggested,
                suggested == null ? null : suggested.labelJa(), suggestion.reason(), suggestion.reasonJa(),
                suggested != null && suggested != evaluation.effect(), evaluation.policy(),
                evaluation.policy().labelJa(), evaluation.rationale(), evaluation.policyRationale(),
                evaluation.situation(), evaluation.obstacles(),
                evaluation.revisions(), evaluation.shortfallReasons(), evaluation.revised(), trace);
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

    private static Key key(ResultSet row) throws SQLException {
        return new Key(row.getString("project_id"), row.getString("kpi_id"), row.getInt("fiscal_year"));
    }

    static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private record ResultRow(EffectRating effect, Policy policy, String rationale, String policyRationale,
                             String situation, String obstacles, String revisions, Map<String, String> shortfallReasons, boolean revised) {

        static ResultRow of(ResultSet row) throws SQLException {
            try {
                return new ResultRow(EffectRating.valueOf(row.getString("effect")), Policy.valueOf(row.getString("policy")),
                        row.getString("rationale"), row.getString("policy_rationale"), row.getString("situation"),
                        row.getString("obstacles"),
                        row.getString("revisions"),
                        JSON.readValue(row.getString("shortfall_reasons"), REASONS),
                        row.getInt("revision_count") > 1);
            } catch (JsonProcessingException corrupt) {
                throw new SQLException("unreadable shortfall reasons", corrupt);
            }
        }
    }
}
