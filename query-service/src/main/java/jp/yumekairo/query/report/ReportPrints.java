package jp.yumekairo.query.report;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Policy;
import jp.yumekairo.query.trace.Checkpoints;
import jp.yumekairo.events.report.ReportIds;
import jp.yumekairo.query.project.ProjectView;
import jp.yumekairo.query.project.ProjectView.EvaluationView;
import jp.yumekairo.query.project.ProjectView.KpiYear;
import jp.yumekairo.query.project.ProjectViews;
import jp.yumekairo.query.report.PrintedReport.Checkpoint;
import jp.yumekairo.query.report.ReportView.ReportKpi;
import jp.yumekairo.query.report.ReportView.ReportProject;
import jp.yumekairo.query.web.AsOf;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The printed 効果検証 of a member's year: published version n exactly as it was published (with the checkpoint
 * of its publication), or the report as it stands. The PDF and the workbook are both made from this.
 */
@Component
class ReportPrints {

    private static final DateTimeFormatter ERA_DATE = DateTimeFormatter.ofPattern("GGGG", Locale.JAPAN)
            .withChronology(JapaneseChronology.INSTANCE);

    private final ReportViews reports;
    private final ProjectViews projects;
    private final Checkpoints checkpoints;

    ReportPrints(ReportViews reports, ProjectViews projects, Checkpoints checkpoints) {
        this.reports = reports;
        this.projects = projects;
        this.checkpoints = checkpoints;
    }

    /** Published version {@code version}, or (null) the report at {@code asOf}; empty when no such version. */
    Optional<PrintedReport> print(MunicipalityCode member, FiscalYear year, Integer version, Instant asOf) {
        if (version != null) {
            return reports.version(member, year, version).map(view -> print(member, year, view, version, null));
        }
        ReportView now = reports.current(member, year, asOf);
        if (now.latestVersion() != null && now.changedSinceVersion() == null && "PUBLISHED".equals(now.status())) {
            // nothing has changed since the latest publication: this is that version, and it says so
            return reports.version(member, year, now.latestVersion())
                    .map(view -> print(member, year, view, view.version(), null));
        }
        return Optional.of(print(member, year, now, null, now));
    }

    private PrintedReport print(MunicipalityCode member, FiscalYear year, ReportView view, Integer version,
                                ReportView current) {
        Map<String, ProjectView> periods = projects.projectsOf(member, AsOf.LATEST).stream()
                .collect(Collectors.toMap(ProjectView::projectId, Function.identity(), (a, b) -> a));
        List<PrintedReport.Project> printed = new ArrayList<>();
        int no = 0;
        long totalCost = 0;
        long grantAmount = 0;
        boolean anyCost = false;
        boolean grantIncomplete = false;
        for (ReportProject project : view.projects()) {
            no++;
            ProjectView registered = periods.get(project.projectId());
            Long grant = project.grantAmount();
            if (project.totalCost() != null) {
                anyCost = true;
                totalCost += project.totalCost();
                if (grant == null) {
                    grantIncomplete = true;
                } else {
                    grantAmount += grant;
                }
            }
            EvaluationView evaluation = project.evaluation();
            printed.add(new PrintedReport.Project(no, project.name(),
                    "WIDE_AREA".equals(project.scope()) ? "<広域>" : "<単独>",
                    registered == null ? "" : "(" + era(registered.firstFiscalYear()) + "-"
                            + era(registered.lastFiscalYear()) + ")",
                    text(project.department()), text(project.activities()), project.totalCost(), grant,
                    project.totalCost() != null && grant == null ? PrintedReport.UNKNOWN_AMOUNT : null,
                    project.kpis().stream().map(kpi -> kpi(kpi, view.fiscalYear())).toList(),
                    evaluation == null || evaluation.effect() == null ? "" : evaluation.effectJa(),
                    evaluation == null ? "" : text(evaluation.rationale()),
                    evaluation == null || evaluation.suggestedEffect() == null ? "" : evaluation.suggestedEffectJa(),
                    evaluation == null ? "" : policy(evaluation.policy()),
                    evaluation == null ? "" : text(evaluation.policyRationale()),
                    evaluation == null ? "" : text(evaluation.situation()),
                    evaluation == null ? "" : text(evaluation.obstacles()),
                    evaluation == null ? "" : text(evaluation.revisions())));
        }
        List<String> footer = new ArrayList<>();
        Checkpoint checkpoint = null;
        String edition;
        String file;
        if (version != null) {
            edition = "第" + version + "版 公表";
            file = "第" + version + "版";
            footer.add(edition + "（" + dateTime(view.publishedAt()) + " 公表）");
            checkpoint = checkpoints.ofPublication(ReportIds.of(member, year), version)
                    .map(found -> new Checkpoint(found.position(), found.hash())).orElse(null);
            footer.add(checkpoint == null ? "改ざん検知チェックポイント: 記録待ち（公表の直後のため。しばらくして出力し直してください）"
                    : "改ざん検知チェックポイント: 位置 " + checkpoint.position() + " / SHA-256 " + checkpoint.hash());
        } else {
            edition = "未公表の現行版";
            file = "現行版";
            footer.add(edition + "（" + dateTime(current.asOf()) + " 時点の内容。公表された版ではありません）");
            footer.add(current.latestVersion() == null ? "公表された版はまだありません（改ざん検知チェックポイントなし）"
                    : "最新の公表版は第" + current.latestVersion() + "版（" + dateTime(current.publishedAt())
                    + " 公表）" + (current.changedSinceVersion() != null ? "。この現行版にはその後の変更が含まれます" : ""));
        }
        footer.add("出力 " + dateTime(Instant.now()));
        String title = view.fiscalYearJa() + " " + view.municipalityName() + " 地方創生関係交付金事業 効果検証";
        return new PrintedReport(title, view.municipalityName(), view.fiscalYearJa(), edition, footer, checkpoint,
                printed, anyCost ? totalCost : null, anyCost ? grantAmount : null, grantIncomplete,
                "効果検証_" + view.municipalityName() + "_" + view.fiscalYearJa() + "_" + file);
    }

    private static PrintedReport.Kpi kpi(ReportKpi kpi, int fiscalYear) {
        KpiYear figures = kpi.years().stream().filter(y -> y.fiscalYear() == fiscalYear).findFirst().orElse(null);
        String unit = text(kpi.unit());
        if (figures == null) {
            return new PrintedReport.Kpi(kpi.name(), unit, null, null, "—", "—", "", List.of());
        }
        String actual;
        if (figures.actual() != null) {
            actual = figure(figures.actual(), unit)
                    + ("PROVISIONAL".equals(figures.status()) ? "（" + figures.statusJa() + "）" : "");
        } else {
            actual = figures.statusJa() == null || figures.statusJa().isEmpty() ? "—" : figures.statusJa();
        }
        String reached = figures.reached() == null ? "" : figures.reached() ? "達成" : "未達成";
        return new PrintedReport.Kpi(kpi.name(), unit, figures.target(), figures.actual(),
                figures.target() == null ? "—" : figure(figures.target(), unit), actual, reached,
                figures.checks() == null ? List.of() : figures.checks());
    }

    /** A figure as the published tables write it: thousands separators, its own decimals, ▲ when negative, the unit. */
    static String figure(BigDecimal value, String unit) {
        int scale = Math.max(0, value.scale());
        DecimalFormat format = new DecimalFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale),
                DecimalFormatSymbols.getInstance(Locale.JAPAN));
        return (value.signum() < 0 ? "▲" : "") + format.format(value.abs()) + unit;
    }

    /** 事業を継続 / 事業を発展 / 事業の改善 / 事業の縮小 / 事業の中止 / 事業の終了, as the published tables write them. */
    private static String policy(Policy policy) {
        if (policy == null) {
            return "";
        }
        return (policy == Policy.CONTINUE || policy == Policy.EXPAND ? "事業を" : "事業の") + policy.labelJa();
    }

    /** R4 for 2022, as the tables write a project's period. */
    private static String era(int fiscalYear) {
        return "R" + (fiscalYear - 2018);
    }

    /** 令和8年12月2日 9時30分, in Japan's time. */
    static String dateTime(Instant instant) {
        JapaneseDate date = JapaneseDate.from(instant.atZone(AsOf.JAPAN).toLocalDate());
        int ofEra = date.get(ChronoField.YEAR_OF_ERA);
        var local = instant.atZone(AsOf.JAPAN);
        return ERA_DATE.format(date) + (ofEra == 1 ? "元" : String.valueOf(ofEra)) + "年" + local.getMonthValue() + "月"
                + local.getDayOfMonth() + "日 " + local.getHour() + "時" + String.format("%02d", local.getMinute()) + "分";
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

}
