package jp.yumekairo.query.report;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.query.project.ProjectView.EvaluationView;
import jp.yumekairo.query.project.ProjectView.KpiYear;
import jp.yumekairo.query.report.ReportView.Answer;
import jp.yumekairo.query.report.ReportView.Comment;
import jp.yumekairo.query.report.ReportView.ReportKpi;
import jp.yumekairo.query.report.ReportView.ReportProject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The field-by-field difference between two states of a report: every stored fact it shows (a project, a KPI,
 * a target, an actual and its status, a cost, the year's 事業実績, a rating and its reasons, a comment and its
 * answers) that differs. Derived figures
 * (reached, progress, totals, the suggested effect) follow from these and are not listed again.
 */
final class ReportDiff {

    /** What a difference is about: which table of the log holds its revisions, and the keys within it. */
    enum Kind { PROJECT, KPI, TARGET, ACTUAL, COST, ACTIVITIES, EVALUATION, COMMENT, ANSWER }

    /**
     * One fact shown by the report, under a stable key such as {@code projects/p/kpis/k/2021/actual}; a figure has
     * its {@code unit}, a coded value (a status, a rating, a policy) the message prefix of its labels
     * ({@code actual.}, {@code effect.}, {@code policy.}), so that the page says both in words.
     */
    record Field(String key, Kind kind, String label, String projectId, String kpiId, Integer fiscalYear,
                 String commentId, Object value, String unit, String labels) {

        Field(String key, Kind kind, String label, String projectId, String kpiId, Integer fiscalYear,
              String commentId, Object value) {
            this(key, kind, label, projectId, kpiId, fiscalYear, commentId, value, null, null);
        }
    }

    /** One changed fact: its value in each state (null where absent), how to show it, and the changes that made it. */
    record Difference(String field, Kind kind, String label, String projectId, String kpiId, Integer fiscalYear,
                      String commentId, Object from, Object to, String unit, String labels, List<Change> changes) {

        Difference withChanges(List<Change> found) {
            return new Difference(field, kind, label, projectId, kpiId, fiscalYear, commentId, from, to, unit, labels,
                    List.copyOf(found));
        }
    }

    /** An event between the two states that wrote the fact: when, who, for which member, why, which request. */
    record Change(String event, long version, Instant recordedAt, String userId, String role,
                  String municipality, String reason, String requestId) {
    }

    private ReportDiff() {
    }

    static List<Difference> between(ReportView from, ReportView to) {
        Map<String, Field> before = fields(from);
        Map<String, Field> after = fields(to);
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String key : keys) {
            Field old = before.get(key);
            Field now = after.get(key);
            Object oldValue = old == null ? null : old.value();
            Object newValue = now == null ? null : now.value();
            if (!same(oldValue, newValue)) {
                Field about = now == null ? old : now;
                differences.add(new Difference(key, about.kind(), about.label(), about.projectId(), about.kpiId(),
                        about.fiscalYear(), about.commentId(), oldValue, newValue, about.unit(), about.labels(),
                        List.of()));
            }
        }
        return differences;
    }

    private static Map<String, Field> fields(ReportView report) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (ReportProject project : report.projects()) {
            String base = "projects/" + project.projectId();
            put(fields, new Field(base, Kind.PROJECT, project.name(), project.projectId(), null, null, null,
                    project.name()));
            String year = FiscalYear.of(report.fiscalYear()).toJapanese();
            put(fields, new Field(base + "/totalCost", Kind.COST, project.name() + " / " + year + " / 総事業費",
                    project.projectId(), null, report.fiscalYear(), null, project.totalCost(), "円", null));
            put(fields, new Field(base + "/grantAmount", Kind.COST, project.name() + " / " + year + " / 交付実績",
                    project.projectId(), null, report.fiscalYear(), null, project.grantAmount(), "円", null));
            put(fields, new Field(base + "/activities", Kind.ACTIVITIES, project.name() + " / " + year + " / 事業実績",
                    project.projectId(), null, report.fiscalYear(), null,
                    project.activities() == null || project.activities().isEmpty() ? null : project.activities()));
            EvaluationView evaluation = project.evaluation();
            if (evaluation != null) {
                evaluationField(fields, project, report.fiscalYear(), "effect", "事業効果",
                        evaluation.effect() == null ? null : evaluation.effect().name(), "effect.");
                evaluationField(fields, project, report.fiscalYear(), "policy", "今後の方針",
                        evaluation.policy() == null ? null : evaluation.policy().name(), "policy.");
                evaluationField(fields, project, report.fiscalYear(), "rationale", "評価の理由", evaluation.rationale(),
                        null);
                evaluationField(fields, project, report.fiscalYear(), "policyRationale", "本事業の今後の方針の理由",
                        evaluation.policyRationale(), null);
            }
            for (ReportKpi kpi : project.kpis()) {
                String kpiBase = base + "/kpis/" + kpi.kpiId();
                String kpiLabel = project.name() + " / " + kpi.name();
                put(fields, new Field(kpiBase, Kind.KPI, kpiLabel, project.projectId(), kpi.kpiId(), null, null,
                        kpi.name() + " (" + kpi.unit() + ")"));
                for (KpiYear figures : kpi.years()) {
                    String yearBase = kpiBase + "/" + figures.fiscalYear();
                    String yearLabel = kpiLabel + " / " + figures.fiscalYearJa();
                    put(fields, new Field(yearBase + "/target", Kind.TARGET, yearLabel + " / 目標値",
                            project.projectId(), kpi.kpiId(), figures.fiscalYear(), null, figures.target(), kpi.unit(),
                            null));
                    put(fields, new Field(yearBase + "/actual", Kind.ACTUAL, yearLabel + " / 実績値",
                            project.projectId(), kpi.kpiId(), figures.fiscalYear(), null, figures.actual(), kpi.unit(),
                            null));
                    put(fields, new Field(yearBase + "/status", Kind.ACTUAL, yearLabel + " / 実績の状態",
                            project.projectId(), kpi.kpiId(), figures.fiscalYear(), null,
                            figures.status(), null, "actual."));
                }
            }
        }
        for (Comment comment : report.comments()) {
            String base = "comments/" + comment.commentId();
            String label = "審査委員の意見（" + comment.sectorJa() + "）「" + abbreviate(comment.text()) + "」";
            put(fields, new Field(base, Kind.COMMENT, label, comment.projectId(), comment.kpiId(), null,
                    comment.commentId(), comment.text()));
            if (!comment.answers().isEmpty()) {
                put(fields, new Field(base + "/answers", Kind.ANSWER, label + " への回答", comment.projectId(),
                        comment.kpiId(), null, comment.commentId(),
                        comment.answers().stream().map(Answer::text).collect(Collectors.joining("\n"))));
            }
        }
        return fields;
    }

    private static void evaluationField(Map<String, Field> fields, ReportProject project, int fiscalYear, String name,
                                        String label, Object value, String labels) {
        put(fields, new Field("projects/" + project.projectId() + "/evaluation/" + name, Kind.EVALUATION,
                project.name() + " / " + FiscalYear.of(fiscalYear).toJapanese() + " / " + label,
                project.projectId(), null, fiscalYear, null, value, null, labels));
    }

    private static String abbreviate(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return line.length() <= 20 ? line : line.substring(0, 20) + "…";
    }

    private static void put(Map<String, Field> fields, Field field) {
        if (field.value() != null) {
            fields.put(field.key(), field);
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
