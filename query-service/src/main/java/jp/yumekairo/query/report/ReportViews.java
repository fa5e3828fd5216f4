package jp.yumekairo.query.report;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Sector;
import jp.yumekairo.query.project.ProjectView;
import jp.yumekairo.query.project.ProjectView.ActivitiesView;
import jp.yumekairo.query.project.ProjectView.CostView;
import jp.yumekairo.query.project.ProjectView.EvaluationView;
import jp.yumekairo.query.project.ProjectViews;
import jp.yumekairo.query.report.ReportView.Answer;
import jp.yumekairo.query.report.ReportView.Comment;
import jp.yumekairo.query.report.ReportView.ReportKpi;
import jp.yumekairo.query.report.ReportView.ReportProject;
import jp.yumekairo.query.report.ReportView.Version;
import jp.yumekairo.query.web.AsOf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles a yearly report from the project views as of an instant. A published version is the report as of its
 * publication event, so nothing is copied when publishing and nothing recorded later can change it.
 */
@Component
public class ReportViews {

    private final JdbcTemplate jdbc;
    private final ProjectViews projects;

    ReportViews(JdbcTemplate jdbc, ProjectViews projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    static String reportId(MunicipalityCode member, FiscalYear year) {
        return "report-" + member.code() + "-" + year.startYear();
    }

    /** The report as it stands at {@code asOf}: a draft until it is first submitted. */
    @Transactional(readOnly = true)
    public ReportView current(MunicipalityCode member, FiscalYear year, Instant asOf) {
        List<Version> versions = versions(member, year, asOf);
        Version latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        String state = jdbc.query("""
                SELECT kind FROM (
                    SELECT 'SUBMITTED' AS kind, sequence_number FROM query.report_submission
                    WHERE report_id = ? AND recorded_at <= ?
                    UNION ALL
                    SELECT 'PUBLISHED', sequence_number FROM query.report_publication
                    WHERE report_id = ? AND recorded_at <= ?) steps
                ORDER BY sequence_number DESC LIMIT 1""",
                row -> row.next() ? row.getString(1) : "DRAFT", reportId(member, year), Timestamp.from(asOf),
                reportId(member, year), Timestamp.from(asOf));
        ReportView now = assemble(member, year, asOf, state, null, latest);
        if (latest != null && !ReportDiff.between(version(member, year, latest), now).isEmpty()) {
            return withChangedSince(now, latest.version());
        }
        return now;
    }

    /** Published version {@code version}, exactly as it stood when it was published. */
    @Transactional(readOnly = true)
    public Optional<ReportView> version(MunicipalityCode member, FiscalYear year, int version) {
        return versions(member, year, AsOf.LATEST).stream().filter(v -> v.version() == version).findFirst()
                .map(published -> version(member, year, published));
    }

    ReportView version(MunicipalityCode member, FiscalYear year, Version published) {
        return assemble(member, year, published.publishedAt(), "PUBLISHED", published.version(), published);
    }

    /** The published versions up to {@code asOf}, oldest first. */
    @Transactional(readOnly = true)
    public List<Version> versions(MunicipalityCode member, FiscalYear year, Instant asOf) {
        return jdbc.query("""
                SELECT p.version, p.recorded_at, o.user_id, p.reason,
                       (SELECT s.reason FROM query.report_submission s WHERE s.report_id = p.report_id
                          AND s.sequence_number < p.sequence_number ORDER BY s.sequence_number DESC LIMIT 1) AS submitted
                FROM query.report_publication p
                JOIN query.event_origin o ON o.aggregate_id = p.report_id AND o.sequence_number = p.sequence_number
                WHERE p.report_id = ? AND p.recorded_at <= ? ORDER BY p.version""",
                (row, index) -> new Version(row.getInt("version"), row.getTimestamp("recorded_at").toInstant(),
                        row.getString("user_id"), row.getString("submitted"), row.getString("reason")),
                reportId(member, year), Timestamp.from(asOf));
    }

    /** One side of a difference: a published version, or the report at an instant (version null). */
    public record State(Integer version, Instant asOf) {
    }

    /** The differences between two states of the report, each with the events that made it. */
    public record Comparison(String reportId, State from, State to, List<ReportDiff.Difference> differences) {
    }

    /** What changed between published version {@code from} and version {@code to}, or the report at {@code asOf}. */
    @Transactional(readOnly = true)
    public Optional<Comparison> compare(MunicipalityCode member, FiscalYear year, int from, Integer to, Instant asOf) {
        Optional<ReportView> older = version(member, year, from);
        Optional<ReportView> newer = to == null ? Optional.of(current(member, year, asOf)) : version(member, year, to);
        if (older.isEmpty() || newer.isEmpty()) {
            return Optional.empty();
        }
        Instant fromAt = older.get().publishedAt();
        Instant toAt = to == null ? asOf : newer.get().publishedAt();
        String reportId = reportId(member, year);
        List<ReportDiff.Difference> explained = ReportDiff.between(older.get(), newer.get()).stream()
                .map(difference -> difference.withChanges(changes(reportId, difference, fromAt, toAt))).toList();
        return Optional.of(new Comparison(reportId, new State(from, fromAt),
                new State(to, to == null ? newer.get().asOf() : toAt), explained));
    }

    private List<ReportDiff.Change> changes(String reportId, ReportDiff.Difference difference, Instant after,
                                            Instant upTo) {
        String table;
        String source = null;
        String aggregate = "project_id";
        String id = difference.projectId();
        List<Object> keys = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        switch (difference.kind()) {
            case PROJECT -> {
                table = "project";
                source = "(SELECT project_id, sequence_number, recorded_at FROM query.project UNION ALL "
                        + "SELECT project_id, sequence_number, recorded_at FROM query.project_details)";
            }
            case KPI -> {
                table = "kpi";
                source = "(SELECT project_id, sequence_number, recorded_at, kpi_id FROM query.kpi UNION ALL "
                        + "SELECT project_id, sequence_number, recorded_at, kpi_id FROM query.kpi_name)";
            }
            case ACTIVITIES -> table = "project_activities";
            case TARGET -> table = "kpi_target";
            case ACTUAL -> table = "kpi_actual";
            case COST -> table = "project_cost";
            case EVALUATION -> table = "evaluation";
            case COMMENT -> table = "report_comment";
            case ANSWER -> table = "report_answer";
            default -> throw new IllegalStateException(difference.kind().name());
        }
        if (table.startsWith("report_")) {
            aggregate = "report_id";
            id = reportId;
            where.append(" AND t.comment_id = ?");
            keys.add(difference.commentId());
        } else {
            if (difference.kind() != ReportDiff.Kind.PROJECT && difference.kind() != ReportDiff.Kind.COST
                    && difference.kind() != ReportDiff.Kind.EVALUATION && difference.kind() != ReportDiff.Kind.ACTIVITIES) {
                where.append(" AND t.kpi_id = ?");
                keys.add(difference.kpiId());
            }
            if (difference.fiscalYear() != null) {
                where.append(" AND t.fiscal_year = ?");
                keys.add(difference.fiscalYear());
            }
        }
        List<Object> arguments = new ArrayList<>();
        arguments.add(id);
        arguments.addAll(keys);
        arguments.add(Timestamp.from(after));
        arguments.add(Timestamp.from(upTo));
        return jdbc.query("SELECT o.event_type, t.sequence_number, t.recorded_at, o.user_id, o.role, o.municipality, "
                        + "o.reason, o.request_id FROM " + (source == null ? "query." + table : source)
                        + " t JOIN query.event_origin o "
                        + "ON o.aggregate_id = t." + aggregate + " AND o.sequence_number = t.sequence_number "
                        + "WHERE t." + aggregate + " = ?" + where + " AND t.recorded_at > ? AND t.recorded_at <= ? "
                        + "ORDER BY t.sequence_number",
                (row, index) -> new ReportDiff.Change(row.getString("event_type"), row.getLong("sequence_number") + 1,
                        row.getTimestamp("recorded_at").toInstant(), row.getString("user_id"), row.getString("role"),
                        row.getString("municipality"), row.getString("reason"), row.getString("request_id")),
                arguments.toArray());
    }

    private ReportView assemble(MunicipalityCode member, FiscalYear year, Instant asOf, String state, Integer version,
                                Version latest) {
        List<ReportProject> shown = new ArrayList<>();
        long totalCost = 0;
        long grantAmount = 0;
        boolean anyGrantKnown = false;
        boolean grantAmountIncomplete = false;
        for (ProjectView project : projects.projectsOf(member, asOf)) {
            if (!project.leadMunicipality().equals(member.code()) || year.startYear() < project.firstFiscalYear()
                    || year.startYear() > project.lastFiscalYear()) {
                continue;
            }
            CostView cost = project.costs().stream().filter(c -> c.fiscalYear() == year.startYear()).findFirst()
                    .orElse(null);
            EvaluationView evaluation = project.evaluations().stream()
                    .filter(e -> e.fiscalYear() == year.startYear()).findFirst().orElse(null);
            if (cost != null) {
                totalCost += cost.totalCost();
            }
            if (cost != null && cost.grantAmount() != null) {
                grantAmount += cost.grantAmount();
                anyGrantKnown = true;
            } else if (cost != null) {
                grantAmountIncomplete = true;
            }
            String activities = project.activities().stream().filter(a -> a.fiscalYear() == year.startYear())
                    .map(ActivitiesView::activities).findFirst().orElse("");
            List<ReportKpi> kpis = project.kpis().stream().map(kpi -> new ReportKpi(kpi.kpiId(), kpi.name(),
                    kpi.unit(), kpi.direction(), kpi.baseline(), kpi.baselineFiscalYear(),
                    kpi.years().stream().filter(y -> y.fiscalYear() <= year.startYear()).toList())).toList();
            shown.add(new ReportProject(project.projectId(), project.name(), project.scope(), project.scopeJa(),
                    project.department(), cost == null ? null : cost.totalCost(),
                    cost == null ? null : cost.grantAmount(), kpis, evaluation, activities));
        }
        boolean published = version != null;
        Instant shownAsOf = AsOf.LATEST.equals(asOf) ? Instant.now() : asOf;
        return new ReportView(reportId(member, year), member.code(), member.nameJa(), year.startYear(),
                year.toJapanese(), state, statusJa(state), published ? version : null,
                latest == null ? null : latest.publishedAt(), latest == null ? null : latest.version(), null,
                shownAsOf, totalCost, anyGrantKnown || !grantAmountIncomplete ? grantAmount : null, grantAmountIncomplete,
                shown, comments(reportId(member, year), asOf));
    }

    private List<Comment> comments(String reportId, Instant asOf) {
        Map<String, List<Answer>> answers = new LinkedHashMap<>();
        jdbc.query("""
                SELECT a.comment_id, a.text, a.recorded_at, o.user_id FROM query.report_answer a
                JOIN query.event_origin o ON o.aggregate_id = a.report_id AND o.sequence_number = a.sequence_number
                WHERE a.report_id = ? AND a.recorded_at <= ? ORDER BY a.sequence_number""",
                row -> {
                    answers.computeIfAbsent(row.getString("comment_id"), id -> new ArrayList<>())
                            .add(new Answer(row.getString("text"), row.getString("user_id"),
                                    row.getTimestamp("recorded_at").toInstant()));
                }, reportId, Timestamp.from(asOf));
        return jdbc.query("""
                SELECT * FROM query.report_comment WHERE report_id = ? AND recorded_at <= ? ORDER BY sequence_number""",
                (row, index) -> {
                    Sector sector = Sector.valueOf(row.getString("sector"));
                    return new Comment(row.getString("comment_id"), sector.name(), sector.labelJa(),
                            row.getString("reviewer"), row.getString("text"), row.getString("project_id"),
                            row.getString("kpi_id"), row.getTimestamp("recorded_at").toInstant(),
                            answers.getOrDefault(row.getString("comment_id"), List.of()));
                }, reportId, Timestamp.from(asOf));
    }

    private static ReportView withChangedSince(ReportView view, int version) {
        return new ReportView(view.reportId(), view.municipalityCode(), view.municipalityName(), view.fiscalYear(),
                view.fiscalYearJa(), view.status(), view.statusJa(), view.version(), view.publishedAt(),
                view.latestVersion(), version, view.asOf(), view.totalCost(), view.grantAmount(),
                view.grantAmountIncomplete(), view.projects(),
                view.comments());
    }

    private static String statusJa(String state) {
        return switch (state) {
            case "DRAFT" -> "作成中";
            case "SUBMITTED" -> "提出済（審議中）";
            case "PUBLISHED" -> "公表済";
            default -> throw new IllegalStateException(state);
        };
    }
}
