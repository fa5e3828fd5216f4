package jp.yumekairo.query.dashboard;

import jp.yumekairo.events.Aggregation;
import jp.yumekairo.events.Direction;
import jp.yumekairo.events.Measure;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.trace.TraceLinks;
import jp.yumekairo.query.project.Achievement;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.CurrentViews;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Builds the {@link Dashboard} from the latest plan targets and member figures recorded at or before an instant. */
@Component
class DashboardViews {

    static final String NOT_REPORTED = "NOT_REPORTED";
    static final String MEMBERS = "MEMBERS";
    static final String PARTNERSHIP = "PARTNERSHIP";
    /** A member's status for a year whose figure is published only for the partnership as a whole. */
    static final String PARTNERSHIP_ONLY = "PARTNERSHIP_ONLY";

    private final JdbcTemplate jdbc;
    private final CurrentViews current;
    private final TransactionTemplate reading;

    DashboardViews(JdbcTemplate jdbc, CurrentViews current, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.current = current;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** What a current dashboard is kept under: the plan and the year asked for (null: each KGI's latest). */
    private record Current(String planId, Integer year) {
    }

    private record PlanRow(String planId, String name, List<String> members, int first, int last) {
    }

    private record KgiRow(String kgiId, String name, String unit, Direction direction, Aggregation aggregation,
                          BigDecimal baseline, int baselineYear) {
    }

    private record Reported(BigDecimal value, String status, String source) {
    }

    /** The dashboard as of the instant; the current one is assembled once per change of the views. */
    public Optional<Dashboard> of(String planId, Integer year, Instant asOf) {
        return of(planId, year, asOf, 0);
    }

    /** As {@link #of(String, Integer, Instant)}; the current dashboard at least of the plan's {@code minVersion}. */
    Optional<Dashboard> of(String planId, Integer year, Instant asOf, long minVersion) {
        Supplier<Optional<Dashboard>> assemble = () -> reading.execute(status -> assemble(planId, year, asOf));
        return AsOf.LATEST.equals(asOf)
                ? current.get(new Current(planId, year), minVersion, assemble,
                        dashboard -> dashboard.map(Dashboard::version).orElse(0L))
                : assemble.get();
    }

    private Optional<Dashboard> assemble(String planId, Integer year, Instant asOf) {
        Timestamp at = Timestamp.from(asOf);
        List<PlanRow> plans = jdbc.query("SELECT * FROM query.plan WHERE plan_id = ? AND recorded_at <= ?",
                (row, index) -> new PlanRow(row.getString("plan_id"), row.getString("name"),
                        List.of((String[]) row.getArray("members").getArray()), row.getInt("first_fiscal_year"),
                        row.getInt("last_fiscal_year")), planId, at);
        if (plans.isEmpty()) {
            return Optional.empty();
        }
        PlanRow plan = plans.get(0);
        List<KgiRow> kgis = jdbc.query("SELECT * FROM query.kgi WHERE plan_id = ? AND recorded_at <= ? ORDER BY sequence_number",
                (row, index) -> new KgiRow(row.getString("kgi_id"), row.getString("name"), row.getString("unit"),
                        Direction.valueOf(row.getString("direction")), Aggregation.valueOf(row.getString("aggregation")),
                        row.getBigDecimal("baseline"), row.getInt("baseline_year")), planId, at);
        // kgi id → year → target
        Map<String, TreeMap<Integer, BigDecimal>> targets = new HashMap<>();
        jdbc.query("SELECT DISTINCT ON (kgi_id, year) kgi_id, year, target FROM query.plan_target "
                        + "WHERE plan_id = ? AND recorded_at <= ? ORDER BY kgi_id, year, sequence_number DESC",
                (ResultSet row) -> {
                    targets.computeIfAbsent(row.getString("kgi_id"), k -> new TreeMap<>())
                            .put(row.getInt("year"), row.getBigDecimal("target"));
                }, planId, at);
        // kgi id → year → member → figure
        Map<String, TreeMap<Integer, Map<String, Reported>>> figures = new HashMap<>();
        jdbc.query("SELECT DISTINCT ON (kgi_id, year, municipality) kgi_id, year, municipality, value, status, source "
                        + "FROM query.kgi_figure WHERE plan_id = ? AND recorded_at <= ? "
                        + "ORDER BY kgi_id, year, municipality, sequence_number DESC",
                (ResultSet row) -> {
                    figures.computeIfAbsent(row.getString("kgi_id"), k -> new TreeMap<>())
                            .computeIfAbsent(row.getInt("year"), y -> new HashMap<>())
                            .put(row.getString("municipality"), new Reported(row.getBigDecimal("value"),
                                    row.getString("status"), row.getString("source")));
                }, planId, at);
        // kgi id → year → the partnership's own figure
        Map<String, Map<Integer, Reported>> partnership = new HashMap<>();
        jdbc.query("SELECT DISTINCT ON (kgi_id, year) kgi_id, year, value, status, source "
                        + "FROM query.partnership_figure WHERE plan_id = ? AND recorded_at <= ? "
                        + "ORDER BY kgi_id, year, sequence_number DESC",
                (ResultSet row) -> {
                    partnership.computeIfAbsent(row.getString("kgi_id"), k -> new HashMap<>())
                            .put(row.getInt("year"), new Reported(row.getBigDecimal("value"), row.getString("status"),
                                    row.getString("source")));
                }, planId, at);
        Long version = jdbc.queryForObject("SELECT coalesce(max(sequence_number) + 1, 0) FROM query.event_origin "
                + "WHERE aggregate_id = ? AND recorded_at <= ?", Long.class, planId, at);

        List<Dashboard.Kgi> views = new ArrayList<>();
        for (KgiRow kgi : kgis) {
            TreeMap<Integer, BigDecimal> kgiTargets = targets.getOrDefault(kgi.kgiId(), new TreeMap<>());
            TreeMap<Integer, Map<String, Reported>> kgiFigures = figures.getOrDefault(kgi.kgiId(), new TreeMap<>());
            Map<Integer, Reported> kgiPartnership = partnership.getOrDefault(kgi.kgiId(), Map.of());
            TreeSet<Integer> reportedYears = new TreeSet<>(kgiFigures.keySet());
            reportedYears.addAll(kgiPartnership.keySet());
            int shown = year != null ? year
                    : !reportedYears.isEmpty() ? reportedYears.last() : kgi.baselineYear();
            Total total = total(plan.members(), kgi.aggregation(), kgiFigures.getOrDefault(shown, Map.of()),
                    kgiPartnership.get(shown));
            BigDecimal target = kgiTargets.get(shown);
            Achievement achievement = total.complete() && total.sum() != null
                    ? Achievement.of(kgi.direction(), Measure.ABSOLUTE, kgi.baseline(), target, total.sum())
                    : Achievement.of(kgi.direction(), Measure.ABSOLUTE, kgi.baseline(), null, null);
            List<Dashboard.Member> members = new ArrayList<>();
            for (String code : plan.members()) {
                Reported reported = kgiFigures.getOrDefault(shown, Map.of()).get(code);
                String none = PARTNERSHIP.equals(total.basis()) ? PARTNERSHIP_ONLY : NOT_REPORTED;
                members.add(new Dashboard.Member(code, MunicipalityCode.of(code).nameJa(),
                        reported == null ? null : reported.value(), reported == null ? none : reported.status(),
                        reported == null ? null : reported.source(),
                        TraceLinks.kgiFigure(plan.planId(), kgi.kgiId(), code, shown, asOf)));
            }
            TreeSet<Integer> years = new TreeSet<>(reportedYears);
            years.addAll(kgiTargets.keySet());
            List<Dashboard.Point> series = new ArrayList<>();
            for (int point : years) {
                Total pointTotal = total(plan.members(), kgi.aggregation(), kgiFigures.getOrDefault(point, Map.of()),
                        kgiPartnership.get(point));
                series.add(new Dashboard.Point(point, pointTotal.sum(), pointTotal.complete(), kgiTargets.get(point),
                        pointTotal.basis(), pointTotal.missing()));
            }
            views.add(new Dashboard.Kgi(kgi.kgiId(), kgi.name(), kgi.unit(), kgi.direction().name(),
                    kgi.aggregation().name(), kgi.baseline(), kgi.baselineYear(), shown, total.sum(),
                    total.complete(), total.missing(), target, achievement.reached(), achievement.progress(), members,
                    series, total.basis(), total.source(),
                    TraceLinks.kgiFigure(plan.planId(), kgi.kgiId(), null, shown, asOf),
                    TraceLinks.planTarget(plan.planId(), kgi.kgiId(), shown, asOf)));
        }
        return Optional.of(new Dashboard(plan.planId(), plan.name(), plan.first(), plan.last(),
                version == null ? 0 : version, views));
    }

    /** How much a member has recorded (events in its name) and when it last did, as of an instant. */
    record Activity(long records, Instant lastRecordedAt) {
    }

    /** Per member code, its {@link Activity}; members that recorded nothing are absent. */
    @Transactional(readOnly = true)
    public Map<String, Activity> activity(Instant asOf) {
        Map<String, Activity> activity = new HashMap<>();
        jdbc.query("SELECT municipality, count(*) AS records, max(recorded_at) AS last FROM query.event_origin "
                        + "WHERE municipality IS NOT NULL AND recorded_at <= ? GROUP BY municipality",
                (ResultSet row) -> {
                    activity.put(row.getString("municipality"), new Activity(row.getLong("records"),
                            row.getTimestamp("last").toInstant()));
                }, Timestamp.from(asOf));
        return activity;
    }

    /**
     * One cell of the status board: a member's report of a fiscal year ({@code DRAFT}, {@code SUBMITTED} or
     * {@code PUBLISHED} with its latest version) and how many of the projects it leads or takes part in that year
     * have an evaluation (効果検証) submitted.
     */
    record ReportStatus(String municipalityCode, int fiscalYear, String state, Integer version,
                        int evaluations, int projects) {
    }

    /**
     * The status board as of an instant: per member and fiscal year of the plan, only the years for which the member
     * has a project (a report exists only then).
     */
    @Transactional(readOnly = true)
    public List<ReportStatus> reportStatuses(int firstYear, int lastYear, Instant asOf) {
        Timestamp at = Timestamp.from(asOf);
        return jdbc.query("""
                SELECT m.code, y.year,
                       (SELECT count(*) FROM query.project p WHERE p.recorded_at <= ?
                          AND (p.lead_municipality = m.code OR m.code = ANY (p.participants))
                          AND p.first_fiscal_year <= y.year AND y.year <= p.last_fiscal_year) AS projects,
                       (SELECT count(DISTINCT e.project_id) FROM query.evaluation e JOIN query.project p USING (project_id)
                         WHERE e.recorded_at <= ? AND p.recorded_at <= ? AND e.fiscal_year = y.year
                           AND (p.lead_municipality = m.code OR m.code = ANY (p.participants))) AS evaluations,
                       (SELECT max(version) FROM query.report_publication r
                         WHERE r.municipality = m.code AND r.fiscal_year = y.year AND r.recorded_at <= ?) AS version,
                       (SELECT kind FROM (
                            SELECT 'SUBMITTED' AS kind, recorded_at, sequence_number FROM query.report_submission s
                             WHERE s.municipality = m.code AND s.fiscal_year = y.year AND s.recorded_at <= ?
                            UNION ALL
                            SELECT 'PUBLISHED', recorded_at, sequence_number FROM query.report_publication r
                             WHERE r.municipality = m.code AND r.fiscal_year = y.year AND r.recorded_at <= ?) steps
                         ORDER BY recorded_at DESC, sequence_number DESC LIMIT 1) AS state
                FROM unnest(?::text[]) WITH ORDINALITY AS m(code, n), generate_series(?, ?) AS y(year)
                ORDER BY m.n, y.year""",
                (row, index) -> new ReportStatus(row.getString("code"), row.getInt("year"),
                        row.getString("state") == null ? "DRAFT" : row.getString("state"),
                        (Integer) row.getObject("version"), row.getInt("evaluations"), row.getInt("projects")),
                at, at, at, at, at, at,
                java.util.Arrays.stream(MunicipalityCode.values()).map(MunicipalityCode::code).toArray(String[]::new),
                firstYear, lastYear).stream().filter(status -> status.projects() > 0).toList();
    }

    private record Total(BigDecimal sum, boolean complete, List<String> missing, String basis, String source) {
    }

    /**
     * The partnership's own figure where one is published for the year; otherwise the members' figures summed
     * (for a SUM KGI), any member without a figure making the total incomplete.
     */
    private static Total total(List<String> members, Aggregation aggregation, Map<String, Reported> reported,
                               Reported partnership) {
        if (partnership != null && partnership.value() != null) {
            return new Total(partnership.value(), true, List.of(), PARTNERSHIP, partnership.source());
        }
        BigDecimal sum = aggregation == Aggregation.SUM ? BigDecimal.ZERO : null;
        List<String> missing = new ArrayList<>();
        for (String member : members) {
            Reported figure = reported.get(member);
            if (figure == null || figure.value() == null) {
                missing.add(member);
            } else if (sum != null) {
                sum = sum.add(figure.value());
            }
        }
        if (sum != null && missing.size() == members.size()) {
            sum = null;
        }
        return new Total(sum, missing.isEmpty(), missing, MEMBERS, null);
    }
}
