package jp.yumekairo.command.project;

import jp.yumekairo.command.CommandRefused;
import jp.yumekairo.command.auth.Actor;
import jp.yumekairo.command.auth.NotPermitted;
import jp.yumekairo.command.auth.Role;
import jp.yumekairo.command.project.FigureSheet.BadRow;
import jp.yumekairo.command.project.FigureSheet.Kind;
import jp.yumekairo.command.project.FigureSheet.Line;
import jp.yumekairo.command.project.FigureSheet.Table;
import jp.yumekairo.command.project.ProjectCommands.RecordActual;
import jp.yumekairo.command.project.ProjectCommands.RecordProjectCost;
import jp.yumekairo.command.project.ProjectCommands.ReviseTarget;
import jp.yumekairo.command.project.ProjectLedger.KpiFacts;
import jp.yumekairo.command.project.ProjectLedger.ProjectFacts;
import jp.yumekairo.command.web.CommandMetaData;
import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.InvalidValueException;
import jp.yumekairo.events.project.ActualRecorded;
import jp.yumekairo.events.project.ProjectCostRecorded;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Imports a sheet of targets, actuals and costs all or nothing. The person must be a member's editor before the
 * file is even read; the file names projects and KPIs by name (or by the ids the input sheet carries hidden) among
 * the projects that member leads. Every row is checked first, and every bad row is reported at once, in Japanese,
 * with its 行番号 and 列; only a file without any is sent, row by row, as the commands an editor would send, in one
 * transaction that commits only when every command was accepted and this is not a dry run. A dry run is the real
 * import rolled back, so it applies exactly the same rules, and shows each change as old → new per cell.
 */
@Component
class FigureImport {

    /** One cell a row changes: its column's Japanese heading, the value before and after, as the clerk reads them. */
    record CellChange(String column, String before, String after) {
    }

    /** What one row changes, named as the clerk knows it (the ids too, for API clients). */
    record Change(String sheet, int line, String projectId, String projectName, String kpiId, String kpiName,
                  int fiscalYear, String fiscalYearJa, List<CellChange> cells) {
    }

    record Outcome(String format, int rows, boolean dryRun, boolean stored, List<Change> changes, List<BadRow> errors) {
    }

    /** A row understood and checked: what it changes and the commands that change it. */
    private record Planned(String sheet, int line, String projectId, Change change, List<Object> commands, String reason) {
    }

    private static final String NONE = "(なし)";

    private final CommandGateway gateway;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final ProjectLedger ledger;

    FigureImport(CommandGateway gateway, TransactionTemplate transaction, JdbcTemplate jdbc, ProjectLedger ledger) {
        this.gateway = gateway;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    Outcome run(byte[] file, Actor actor, String requestId, boolean dryRun) {
        if (actor.role() != Role.EDITOR || actor.municipality() == null) {
            // before the file is read: parsing costs CPU, and only a member's editor may write figures
            throw new NotPermitted(actor.userId() + " (" + actor.role() + ") may not import figures; only a member's "
                    + "editor may");
        }
        FigureSheet.Reading sheet = FigureSheet.read(file);
        if (!sheet.bad().isEmpty()) {
            return new Outcome(sheet.format(), sheet.rows(), dryRun, false, List.of(), sheet.bad());
        }
        Map<String, ProjectFacts> projects = ledger.ledOf(actor.municipality());
        List<Planned> planned = new ArrayList<>();
        List<BadRow> errors = new ArrayList<>();
        for (Table table : sheet.tables()) {
            for (Line line : table.lines()) {
                Rows rows = new Rows(table, line, projects, actor);
                Planned row = table.kind() == Kind.COSTS ? rows.cost() : rows.kpi();
                errors.addAll(rows.errors);
                if (row != null && rows.errors.isEmpty()) {
                    planned.add(row);
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Outcome(sheet.format(), sheet.rows(), dryRun, false, List.of(), errors);
        }
        if (planned.isEmpty()) {
            return new Outcome(sheet.format(), sheet.rows(), dryRun, false, List.of(), List.of());
        }
        return transaction.execute(status -> {
            List<Change> changes = new ArrayList<>();
            List<BadRow> refused = new ArrayList<>();
            for (Planned row : planned) {
                try {
                    boolean stored = false;
                    for (Object command : row.commands()) {
                        stored |= send(command, actor, row, requestId);
                    }
                    if (stored) {
                        changes.add(row.change());
                    }
                } catch (CommandRefused | InvalidValueException rule) {
                    refused.add(new BadRow(row.sheet(), row.line(), null, japanese(rule)));
                } catch (AggregateNotFoundException unknown) {
                    refused.add(new BadRow(row.sheet(), row.line(), null, "この事業は見つかりません"));
                }
            }
            boolean store = refused.isEmpty() && !dryRun;
            if (!store) {
                status.setRollbackOnly();
            }
            return new Outcome(sheet.format(), sheet.rows(), dryRun, store, refused.isEmpty() ? changes : List.of(),
                    refused);
        });
    }

    /** The one place costs are sent: the 交付実績 as given, null when unknown. */
    private static Object recordCost(String projectId, int fiscalYear, long totalCost, Long grantAmount, String reason) {
        return new RecordProjectCost(projectId, FiscalYear.of(fiscalYear), totalCost, grantAmount, reason, null);
    }

    /** Reads one row against the member's projects, collecting every problem of the row. */
    private static final class Rows {
        private final Table table;
        private final Line line;
        private final Map<String, ProjectFacts> projects;
        private final Actor actor;
        final List<BadRow> errors = new ArrayList<>();

        Rows(Table table, Line line, Map<String, ProjectFacts> projects, Actor actor) {
            this.table = table;
            this.line = line;
            this.projects = projects;
            this.actor = actor;
        }

        private void bad(String field, String problem) {
            errors.add(new BadRow(table.sheet(), line.line(), field == null ? null : table.heading(field), problem));
        }

        private String text(String field) {
            try {
                return FigureSheet.checkedText(line.cell(field));
            } catch (IllegalArgumentException problem) {
                bad(field, problem.getMessage());
                return "";
            }
        }

        private BigDecimal figure(String field) {
            try {
                return FigureSheet.figure(line.cell(field));
            } catch (IllegalArgumentException problem) {
                bad(field, problem.getMessage());
                return null;
            }
        }

        private Integer fiscalYear(ProjectFacts project) {
            try {
                int year = FigureSheet.fiscalYear(line.cell("fiscalYear"));
                if (project != null && (year < project.first || year > project.last)) {
                    bad("fiscalYear", FiscalYear.of(year).toJapanese() + "は事業期間 (" + FiscalYear.of(project.first)
                            .toJapanese() + "〜" + FiscalYear.of(project.last).toJapanese() + ") の外です");
                    return null;
                }
                return year;
            } catch (IllegalArgumentException problem) {
                bad("fiscalYear", problem instanceof InvalidValueException ? "「" + line.cell("fiscalYear")
                        + "」は年度として読めません" : problem.getMessage());
                return null;
            }
        }

        private ProjectFacts project() {
            String id = line.cell("projectId");
            String name = FigureSheet.normalise(line.cell("projectName"));
            String member = actor.municipality().nameJa();
            if (!id.isEmpty()) {
                ProjectFacts project = projects.get(id);
                if (project == null) {
                    bad("projectId", "事業ID「" + id + "」は" + member + "が実施主体の事業にありません");
                }
                return project;
            }
            if (name.isEmpty()) {
                bad(table.headings().containsKey("projectName") ? "projectName" : "projectId",
                        "事業の名称がありません");
                return null;
            }
            List<ProjectFacts> named = projects.values().stream()
                    .filter(project -> FigureSheet.normalise(project.name).equals(name)).toList();
            if (named.isEmpty()) {
                bad("projectName", "「" + line.cell("projectName") + "」という事業は" + member
                        + "が実施主体の事業にありません (名称は登録どおりに書いてください)");
                return null;
            }
            if (named.size() > 1) {
                bad("projectName", "「" + line.cell("projectName") + "」という名称の事業が" + named.size()
                        + "件あります。入力シートをダウンロードして使ってください");
                return null;
            }
            return named.get(0);
        }

        private KpiFacts kpi(ProjectFacts project) {
            String id = line.cell("kpiId");
            String name = FigureSheet.normalise(line.cell("kpiName"));
            if (!id.isEmpty()) {
                KpiFacts kpi = project.kpis.get(id);
                if (kpi == null) {
                    bad("kpiId", "KPI ID「" + id + "」は事業「" + project.name + "」にありません");
                }
                return kpi;
            }
            if (name.isEmpty()) {
                bad(table.headings().containsKey("kpiName") ? "kpiName" : "kpiId", "KPIの名称がありません");
                return null;
            }
            List<KpiFacts> named = project.kpis.values().stream()
                    .filter(kpi -> FigureSheet.normalise(kpi.name).equals(name)).toList();
            if (named.size() != 1) {
                bad("kpiName", named.isEmpty() ? "事業「" + project.name + "」に「" + line.cell("kpiName")
                        + "」というKPIはありません" : "事業「" + project.name + "」に「" + line.cell("kpiName")
                        + "」というKPIが" + named.size() + "件あります。入力シートをダウンロードして使ってください");
                return null;
            }
            return named.get(0);
        }

        /** A row of targets and actuals; null when it asks for nothing (its figure cells are all empty). */
        Planned kpi() {
            boolean nothing = List.of("target", "actual", "status", "source", "note", "reason").stream()
                    .allMatch(field -> line.cell(field).isEmpty());
            if (line.blank() || nothing) {
                return null;
            }
            ProjectFacts project = project();
            if (project == null) {
                // not one of the member's projects: its figures are never examined
                return null;
            }
            KpiFacts kpi = kpi(project);
            Integer year = fiscalYear(project);
            BigDecimal target = figure("target");
            String actualText = line.cell("actual");
            boolean dash = FigureSheet.isDash(actualText);
            BigDecimal actual = dash ? null : figure("actual");
            String status = null;
            try {
                status = FigureSheet.status(line.cell("status"));
            } catch (IllegalArgumentException problem) {
                bad("status", problem.getMessage());
            }
            String source = text("source");
            String note = text("note");
            String reason = text("reason");
            String unit = FigureSheet.normalise(line.cell("unit"));
            if (kpi != null && !unit.isEmpty() && !unit.equals(FigureSheet.normalise(kpi.unit))) {
                bad("unit", "単位「" + line.cell("unit") + "」はこのKPIの単位「" + kpi.unit + "」と違います。"
                        + "KPIの値は換算しません。「" + kpi.unit + "」で書いてください");
            }
            boolean actualGiven = dash || !actualText.isEmpty() || status != null;
            if (!actualGiven && (!source.isEmpty() || !note.isEmpty())) {
                bad(!note.isEmpty() ? "note" : "source", "出典・備考は実績値とともに記録します。実績値、"
                        + "または状態 (確認中、ー) も書いてください");
            }
            if (dash && status != null && !status.equals("NOT_APPLICABLE")) {
                bad("status", "実績値が「ー」(該当なし) のときは、状態も「ー」にしてください");
            }
            if (dash || (status != null && status.equals("NOT_APPLICABLE") && actualText.isEmpty())) {
                status = "NOT_APPLICABLE";
            } else if (actual != null && status == null) {
                status = "CONFIRMED";
            } else if (actual != null && !ActualStatus.valueOf(status).requiresValue()) {
                bad("actual", "状態が「" + ActualStatus.valueOf(status).labelJa() + "」のときは、実績値を空欄にしてください");
            } else if (actual == null && !actualText.isEmpty()) {
                status = null; // the figure is unreadable: already reported
            } else if (actual == null && status != null && ActualStatus.valueOf(status).requiresValue()) {
                bad("actual", "状態が「" + ActualStatus.valueOf(status).labelJa() + "」ですが、実績値がありません");
            }
            if (!actualGiven && target == null && line.cell("target").isEmpty() && errors.isEmpty()) {
                if (!reason.isEmpty()) {
                    bad("reason", "修正理由だけの行です。目標値か実績値も書いてください");
                }
                return null;
            }
            if (!errors.isEmpty() || kpi == null || year == null) {
                return null;
            }
            List<CellChange> cells = new ArrayList<>();
            List<Object> commands = new ArrayList<>();
            boolean needsReason = false;
            if (target != null) {
                BigDecimal before = kpi.target(year, project.last);
                if (before == null || before.compareTo(target) != 0) {
                    cells.add(new CellChange("目標値", figureText(before, kpi.unit), figureText(target, kpi.unit)));
                    commands.add(new ReviseTarget(project.projectId, kpi.kpiId, FiscalYear.of(year), target, reason, null));
                    needsReason |= kpi.targets.get(year) != null;
                }
            }
            if (status != null) {
                ActualRecorded before = kpi.actuals.get(year);
                BigDecimal beforeValue = before == null || before.actual() == null ? null : before.actual().value();
                ActualStatus newStatus = ActualStatus.valueOf(status);
                List<CellChange> actualCells = new ArrayList<>();
                if (before == null || !Objects.equals(beforeValue == null ? null : beforeValue.stripTrailingZeros(),
                        actual == null ? null : actual.stripTrailingZeros())) {
                    actualCells.add(new CellChange("実績値", before == null ? NONE : figureText(beforeValue, kpi.unit),
                            figureText(actual, kpi.unit)));
                }
                if (before == null || before.status() != newStatus) {
                    actualCells.add(new CellChange("状態", before == null ? NONE : before.status().labelJa(),
                            newStatus.labelJa()));
                }
                if (!(before == null ? "" : before.source()).equals(source)) {
                    actualCells.add(new CellChange("出典", before == null ? NONE : orNone(before.source()), orNone(source)));
                }
                if (!(before == null ? "" : before.note()).equals(note)) {
                    actualCells.add(new CellChange("備考", before == null ? NONE : orNone(before.note()), orNone(note)));
                }
                if (!actualCells.isEmpty()) {
                    cells.addAll(actualCells);
                    commands.add(new RecordActual(project.projectId, kpi.kpiId, FiscalYear.of(year), actual, newStatus,
                            source, note, reason, null));
                    needsReason |= before != null;
                }
            }
            if (needsReason && reason.isBlank()) {
                bad("reason", "登録済みの値を変えるので、修正理由が必要です (変わる項目: "
                        + String.join("、", cells.stream().map(CellChange::column).toList()) + ")");
                return null;
            }
            if (commands.isEmpty()) {
                return null;
            }
            return new Planned(table.sheet(), line.line(), project.projectId, new Change(table.sheet(), line.line(),
                    project.projectId, project.name, kpi.kpiId, kpi.name, year, FiscalYear.of(year).toJapanese(),
                    cells), commands, reason);
        }

        /** A row of 総事業費 and 交付実績 in yen or, where the heading says so, in 千円. */
        Planned cost() {
            if (line.blank() || List.of("totalCost", "grantAmount", "reason").stream()
                    .allMatch(field -> line.cell(field).isEmpty())) {
                return null;
            }
            ProjectFacts project = project();
            if (project == null) {
                // not one of the member's projects: its figures are never examined
                return null;
            }
            Integer year = fiscalYear(project);
            Long total = yen("totalCost");
            Long grant = yen("grantAmount");
            String reason = text("reason");
            if (total == null && line.cell("totalCost").isEmpty()) {
                bad("totalCost", "総事業費がありません");
            }
            if (total != null && grant != null && grant > total) {
                bad("grantAmount", "交付実績 (" + yenText(grant) + ") が総事業費 (" + yenText(total) + ") を超えています");
            }
            if (!errors.isEmpty() || project == null || year == null || total == null) {
                return null;
            }
            ProjectCostRecorded before = project.costs.get(year);
            Long beforeGrant = before == null ? null : before.grantAmount();
            List<CellChange> cells = new ArrayList<>();
            if (before == null || before.totalCost() != total) {
                cells.add(new CellChange("総事業費", before == null ? NONE : yenText(before.totalCost()), yenText(total)));
            }
            if (before == null || !Objects.equals(beforeGrant, grant)) {
                cells.add(new CellChange("交付実績", before == null ? NONE : yenText(beforeGrant), yenText(grant)));
            }
            if (cells.isEmpty()) {
                return null;
            }
            if (before != null && reason.isBlank()) {
                bad("reason", "登録済みの事業費を変えるので、修正理由が必要です");
                return null;
            }
            return new Planned(table.sheet(), line.line(), project.projectId, new Change(table.sheet(), line.line(),
                    project.projectId, project.name, null, null, year, FiscalYear.of(year).toJapanese(), cells),
                    List.of(recordCost(project.projectId, year, total, grant, reason)), reason);
        }

        /** An amount of the column in whole yen: 千円 where the heading says so, times 1,000; empty is unknown. */
        private Long yen(String field) {
            BigDecimal amount = figure(field);
            if (amount == null) {
                return null;
            }
            if (table.thousandYen() && table.heading(field).contains("千円")) {
                amount = amount.multiply(BigDecimal.valueOf(1000));
            }
            if (amount.signum() < 0) {
                bad(field, "金額にマイナスは書けません");
                return null;
            }
            if (amount.stripTrailingZeros().scale() > 0) {
                bad(field, table.heading(field).contains("千円") ? "千円の金額は小数第3位 (1円) までです"
                        : "円の金額に小数は書けません (千円で書くときは見出しを「…(千円)」にしてください)");
                return null;
            }
            try {
                return amount.longValueExact();
            } catch (ArithmeticException tooLarge) {
                bad(field, "金額が大きすぎます");
                return null;
            }
        }
    }

    private static String orNone(String text) {
        return text == null || text.isEmpty() ? NONE : text;
    }

    /** A figure as the reports write it: separators, ▲ for minus, its unit; "—" for none. */
    static String figureText(BigDecimal value, String unit) {
        if (value == null) {
            return "—";
        }
        DecimalFormat format = new DecimalFormat("#,##0.##########");
        return (value.signum() < 0 ? "▲" : "") + format.format(value.abs()) + (unit == null ? "" : unit);
    }

    private static String yenText(Long yen) {
        return yen == null ? "不明" : figureText(BigDecimal.valueOf(yen), "円");
    }

    /** A refusal of the domain, in Japanese (the rules are checked before, so these are rare). */
    private static String japanese(RuntimeException refused) {
        String code = refused instanceof CommandRefused rule ? rule.code()
                : ((InvalidValueException) refused).code();
        return switch (code) {
            case "not-permitted" -> "この事業に書き込む権限がありません";
            case "reason-required" -> "登録済みの値を変えるので、修正理由が必要です";
            case "value-does-not-match-status" -> "状態と実績値が合っていません";
            case "fiscal-year-outside-project-period" -> "年度が事業期間の外です";
            case "unknown-kpi" -> "このKPIは見つかりません";
            case "invalid-cost" -> "事業費が正しくありません (交付実績が総事業費を超えているか、マイナスです)";
            default -> "この行は登録できません (" + code + ")";
        };
    }

    /** Sends one command in the import's transaction; true when it stored an event. */
    private boolean send(Object command, Actor actor, Planned row, String requestId) {
        long before = eventsOf(row.projectId());
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CommandMetaData.of(actor, row.reason(), requestId)));
        return eventsOf(row.projectId()) > before;
    }

    private long eventsOf(String projectId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, projectId);
        return count == null ? 0 : count;
    }
}
