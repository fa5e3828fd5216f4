package jp.yumekairo.query.report;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Sector;
import jp.yumekairo.events.report.ReportIds;
import jp.yumekairo.query.trace.Checkpoints;
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
import jp.yumekairo.query.projection.ProjectionTable;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.QueryRefused;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Assembles a yearly report from the project views as of an instant. A published version is the report as of its
 * publication event, so nothing is copied when publishing and nothing recorded later can change it.
 */
@Component
public class ReportViews {

    private final JdbcTemplate jdbc;
    private final ProjectViews projects;
    private final Checkpoints checkpoints;
    private final MessageSource messages;

    ReportViews(JdbcTemplate jdbc, ProjectViews projects, Checkpoints checkpoints, MessageSource messages) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.checkpoints = checkpoints;
        this.messages = messages;
    }

    /**
     * Whether the member has a report for the year at all: only when it leads or takes part in a project whose
     * period covers the year (the report-year rule, the command service's {@code report-year-without-projects}).
     */
    @Transactional(readOnly = true)
    public boolean exists(MunicipalityCode member, FiscalYear year, Instant asOf) {
        return projects.projectsOf(member, asOf).stream().anyMatch(project ->
                project.firstFiscalYear() <= year.startYear() && year.startYear() <= project.lastFiscalYear());
    }

    /**
     * One line of the reviewers' list of reports: a member's report of a fiscal year, its state at the instant
     * ({@code DRAFT}, {@code SUBMITTED} or {@code PUBLISHED}), its last published version (null when none), and how
     * many comments it has and how many of them are still without an answer.
     */
    public record Summary(String municipalityCode, String municipalityName, int fiscalYear, String status,
                          Integer latestVersion, int comments, int unanswered) {

        public boolean submitted() {
            return "SUBMITTED".equals(status);
        }
    }

    /**
     * Every report that exists at {@code asOf} (the report-year rule of {@link #exists}), whichever years they
     * are of: submitted ones first, then the newest fiscal year first, the members in the partnership's order.
     */
    @Transactional(readOnly = true)
    public List<Summary> overview(Instant asOf) {
        Timestamp at = Timestamp.from(asOf);
        Map<String, String> states = new LinkedHashMap<>();
        jdbc.query("""
                SELECT DISTINCT ON (report_id) report_id, kind FROM (
                    SELECT report_id, 'SUBMITTED' AS kind, sequence_number FROM query.report_submission
                    WHERE recorded_at <= ?
                    UNION ALL
                    SELECT report_id, 'PUBLISHED', sequence_number FROM query.report_publication
                    WHERE recorded_at <= ?) steps
                ORDER BY report_id, sequence_number DESC""",
                row -> {
                    states.put(row.getString("report_id"), row.getString("kind"));
                }, at, at);
        Map<String, Integer> latest = new LinkedHashMap<>();
        jdbc.query("SELECT report_id, max(version) AS v FROM query.report_publication WHERE recorded_at <= ? "
                + "GROUP BY report_id", row -> {
                    latest.put(row.getString("report_id"), row.getInt("v"));
                }, at);
        Map<String, int[]> counts = new LinkedHashMap<>();
        jdbc.query("""
                SELECT c.report_id, count(*) AS comments,
                       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM query.report_answer a
                           WHERE a.report_id = c.report_id AND a.comment_id = c.comment_id
                             AND a.recorded_at <= ?)) AS unanswered
                FROM query.report_comment c WHERE c.recorded_at <= ? GROUP BY c.report_id""",
                row -> {
                    counts.put(row.getString("report_id"),
                            new int[]{row.getInt("comments"), row.getInt("unanswered")});
                }, at, at);
        List<Summary> summaries = new ArrayList<>();
        for (MunicipalityCode member : MunicipalityCode.values()) {
            Set<Integer> years = new TreeSet<>();
            for (ProjectView project : projects.projectsOf(member, asOf)) {
                for (int year = project.firstFiscalYear(); year <= project.lastFiscalYear(); year++) {
                    years.add(year);
                }
            }
            for (int year : years) {
                String id = ReportIds.of(member, FiscalYear.of(year));
                int[] count = counts.getOrDefault(id, new int[]{0, 0});
                summaries.add(new Summary(member.code(), member.nameJa(), year, states.getOrDefault(id, "DRAFT"),
                        latest.get(id), count[0], count[1]));
            }
        }
        summaries.sort(Comparator.comparing((Summary s) -> !s.submitted())
                .thenComparing(Summary::fiscalYear, Comparator.reverseOrder())
                .thenComparing(s -> MunicipalityCode.of(s.municipalityCode()).ordinal()));
        return summaries;
    }

    /**
     * Refuses, as unknown (404 {@code report-year-without-projects}), a year for which the member has no report by
     * {@link #exists}: the API, the page and the printed files answer alike.
     */
    public void requireExists(MunicipalityCode member, FiscalYear year, Instant asOf) {
        if (!exists(member, year, asOf)) {
            throw withoutProjects(member, year);
        }
    }

    private static QueryRefused withoutProjects(MunicipalityCode member, FiscalYear year) {
        return QueryRefused.unknown("report-year-without-projects", member.code() + " has no project in "
                + year.toJapanese());
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
                row -> row.next() ? row.getString(1) : "DRAFT", ReportIds.of(member, year), Timestamp.from(asOf),
                ReportIds.of(member, year), Timestamp.from(asOf));
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
                ReportIds.of(member, year), Timestamp.from(asOf));
    }

    /** Every published version of a report up to an instant, oldest first. */
    public record Publications(String reportId, List<Publication> versions) {
    }

    /**
     * A published version: when, by whom, the reasons of its submission and publication, how many fields changed
     * since the version before and the reasons given for those changes, and the hash chain's checkpoint at the
     * publication (null until the chain has passed it, a few seconds).
     */
    public record Publication(int version, Instant publishedAt, String publishedBy, String submissionReason,
                              String publicationReason, int changedFields, Set<String> changeReasons,
                              Checkpoint checkpoint) {
    }

    /** The hash chain's link at a publication's event. */
    public record Checkpoint(long position, String hash) {
    }

    /** The published versions up to {@code asOf}, each with what changed since the one before and its checkpoint. */
    @Transactional(readOnly = true)
    public Publications publications(MunicipalityCode member, FiscalYear year, Instant asOf) {
        String reportId = ReportIds.of(member, year);
        List<Publication> publications = new ArrayList<>();
        for (Version version : versions(member, year, asOf)) {
            Set<String> reasons = new LinkedHashSet<>();
            int changes = 0;
            if (version.version() > 1) {
                Comparison comparison = compare(member, year, version.version() - 1, version.version(), asOf)
                        .orElseThrow();
                changes = comparison.differences().size();
                comparison.differences().stream().flatMap(difference -> difference.changes().stream())
                        .map(ReportDiff.Change::reason).filter(Objects::nonNull).filter(r -> !r.isBlank())
                        .forEach(reasons::add);
            }
            Checkpoint checkpoint = checkpoints.ofPublication(reportId, version.version())
                    .map(found -> new Checkpoint(found.position(), found.hash())).orElse(null);
            publications.add(new Publication(version.version(), version.publishedAt(), version.publishedBy(),
                    version.submissionReason(), version.publicationReason(), changes, reasons, checkpoint));
        }
        return new Publications(reportId, publications);
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
        String reportId = ReportIds.of(member, year);
        List<ReportDiff.Difference> explained = ReportDiff.between(older.get(), newer.get()).stream()
                .map(difference -> difference.withChanges(changes(reportId, difference, fromAt, toAt))).toList();
        return Optional.of(new Comparison(reportId, new State(from, fromAt),
                new State(to, to == null ? newer.get().asOf() : toAt), explained));
    }

    /**
     * The events between {@code after} and {@code upTo} that wrote the fact of {@code difference}: the rows of its
     * tables under the fact's keys, with each event's origin.
     */
    private List<ReportDiff.Change> changes(String reportId, ReportDiff.Difference difference, Instant after,
                                            Instant upTo) {
        List<ProjectionTable> tables = tablesOf(difference.kind());
        String aggregate = tables.get(0).aggregateColumn();
        boolean ofReport = "report_id".equals(aggregate);
        List<String> keyColumns = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        arguments.add(ofReport ? reportId : difference.projectId());
        if (ofReport) {
            keyColumns.add("comment_id");
            arguments.add(difference.commentId());
        } else {
            if (difference.kind() == ReportDiff.Kind.KPI || difference.kind() == ReportDiff.Kind.TARGET
                    || difference.kind() == ReportDiff.Kind.ACTUAL) {
                keyColumns.add("kpi_id");
                arguments.add(difference.kpiId());
            }
            if (difference.fiscalYear() != null) {
                keyColumns.add("fiscal_year");
                arguments.add(difference.fiscalYear());
            }
        }
        arguments.add(Timestamp.from(after));
        arguments.add(Timestamp.from(upTo));
        String columns = String.join(", ", aggregate, "sequence_number", "recorded_at")
                + keyColumns.stream().map(column -> ", " + column).collect(Collectors.joining());
        String rows = tables.size() == 1 ? "query." + tables.get(0).tableName()
                : tables.stream().map(table -> "SELECT " + columns + " FROM query." + table.tableName())
                        .collect(Collectors.joining(" UNION ALL ", "(", ")"));
        return jdbc.query("SELECT o.event_type, t.sequence_number, t.recorded_at, o.user_id, o.role, o.municipality, "
                        + "o.reason, o.request_id FROM " + rows + " t JOIN query.event_origin o "
                        + "ON o.aggregate_id = t." + aggregate + " AND o.sequence_number = t.sequence_number "
                        + "WHERE t." + aggregate + " = ?"
                        + keyColumns.stream().map(column -> " AND t." + column + " = ?").collect(Collectors.joining())
                        + " AND t.recorded_at > ? AND t.recorded_at <= ? ORDER BY t.sequence_number",
                (row, index) -> new ReportDiff.Change(row.getString("event_type"), row.getLong("sequence_number") + 1,
                        row.getTimestamp("recorded_at").toInstant(), row.getString("user_id"), row.getString("role"),
                        row.getString("municipality"), row.getString("reason"), row.getString("request_id")),
                arguments.toArray());
    }

    /** The projection tables whose rows revise a fact of this kind: a name is corrected in a table of its own. */
    private static List<ProjectionTable> tablesOf(ReportDiff.Kind kind) {
        return switch (kind) {
            case PROJECT -> List.of(ProjectionTable.PROJECT, ProjectionTable.PROJECT_DETAILS);
            case KPI -> List.of(ProjectionTable.KPI, ProjectionTable.KPI_NAME);
            case TARGET -> List.of(ProjectionTable.KPI_TARGET);
            case ACTUAL -> List.of(ProjectionTable.KPI_ACTUAL);
            case COST -> List.of(ProjectionTable.PROJECT_COST);
            case ACTIVITIES -> List.of(ProjectionTable.PROJECT_ACTIVITIES);
            case EVALUATION -> List.of(ProjectionTable.EVALUATION);
            case COMMENT -> List.of(ProjectionTable.REPORT_COMMENT);
            case ANSWER -> List.of(ProjectionTable.REPORT_ANSWER);
        };
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
        return new ReportView(ReportIds.of(member, year), member.code(), member.nameJa(), year.startYear(),
                year.toJapanese(), state, statusJa(state), published ? version : null,
                latest == null ? null : latest.publishedAt(), latest == null ? null : latest.version(), null,
                shownAsOf, totalCost, anyGrantKnown || !grantAmountIncomplete ? grantAmount : null, grantAmountIncomplete,
                shown, comments(ReportIds.of(member, year), asOf));
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

    /** The state's label as the pages show it ({@code report.status.*} of messages.properties). */
    private String statusJa(String state) {
        return messages.getMessage("report.status." + state, null, Locale.JAPANESE);
    }
}
