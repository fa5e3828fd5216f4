package jp.yumekairo.query.project;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.audit.Checkpoints;
import jp.yumekairo.query.project.ProjectView.CostView;
import jp.yumekairo.query.project.ProjectView.EvaluationView;
import jp.yumekairo.query.project.ProjectView.KpiView;
import jp.yumekairo.query.project.ProjectView.KpiYear;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.PathValues;
import jp.yumekairo.query.web.Spreadsheets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static jp.yumekairo.query.web.PathValues.member;

/**
 * A member's yearly effect-verification report (効果検証) as the published tables lay it out: per project its
 * name, 総事業費 and 交付実績, then per KPI 目標値 and 実績値, then 事業効果 and 今後の方針; as .xlsx or CSV.
 */
@RestController
class ReportExportController {

    static final String[] HEADINGS = {"No", "事業の名称", "区分", "所管課", "総事業費(円)", "交付実績(円)",
            "重要業績評価指標(KPI)", "単位", "目標値", "実績値", "状態", "達成", "事業効果", "事業効果(KPIからの目安)",
            "今後の方針"};

    static final String CHECKPOINT_HEADING = "改ざん検知";
    static final String NOT_PUBLISHED = "未公表（公表されていないため、改ざん検知チェックポイントはありません）";

    private final ProjectViews views;
    private final Checkpoints checkpoints;

    ReportExportController(ProjectViews views, Checkpoints checkpoints) {
        this.views = views;
        this.checkpoints = checkpoints;
    }

    /** The report as an Excel workbook. */
    @GetMapping("/api/municipalities/{code}/reports/{fiscalYear}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String code, @PathVariable int fiscalYear,
                                @RequestParam(required = false) String asOf) {
        MunicipalityCode member = member(code);
        FiscalYear year = PathValues.fiscalYear(fiscalYear);
        Instant at = AsOf.parse(asOf);
        List<List<Object>> rows = rows(member, year, at);
        Workbook workbook = Spreadsheets.workbook();
        Sheet sheet = workbook.createSheet(year.toJapanese());
        Spreadsheets.text(sheet.createRow(0), 0, year.toJapanese() + " " + member.nameJa() + " 地方創生関係交付金事業 効果検証");
        Row checkpoint = sheet.createRow(1);
        Spreadsheets.text(checkpoint, 0, CHECKPOINT_HEADING);
        Spreadsheets.text(checkpoint, 1, checkpoint(member, year, at));
        Spreadsheets.headings(sheet, 2, HEADINGS);
        int index = 3;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(index++);
            for (int column = 0; column < values.size(); column++) {
                Object value = values.get(column);
                if (value instanceof BigDecimal number) {
                    Spreadsheets.number(row, column, number);
                } else if (value instanceof Long number) {
                    Spreadsheets.number(row, column, number);
                } else {
                    Spreadsheets.text(row, column, value == null ? null : value.toString());
                }
            }
        }
        for (int column = 0; column < HEADINGS.length; column++) {
            sheet.setColumnWidth(column, column == 1 || column == 6 ? 40 * 256 : 14 * 256);
        }
        return Spreadsheets.download(workbook, filename(member, year) + ".xlsx");
    }

    /** The same report as CSV (UTF-8 with a byte-order mark). */
    @GetMapping("/api/municipalities/{code}/reports/{fiscalYear}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String code, @PathVariable int fiscalYear,
                               @RequestParam(required = false) String asOf) {
        MunicipalityCode member = member(code);
        FiscalYear year = PathValues.fiscalYear(fiscalYear);
        Instant at = AsOf.parse(asOf);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord((Object[]) HEADINGS);
            for (List<Object> values : rows(member, year, at)) {
                printer.printRecord(values.stream().map(value -> value instanceof BigDecimal number
                        ? number.toPlainString() : value instanceof Long number ? number.toString()
                        : Spreadsheets.csvText(value == null ? null : value.toString())).toList());
            }
            // after the table, so that the CSV still opens as one table with its headings first
            printer.printRecord("", CHECKPOINT_HEADING, checkpoint(member, year, at));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Spreadsheets.downloadCsv(out.toString(), filename(member, year) + ".csv");
    }

    /**
     * The hash chain's checkpoint of the report's latest publication (as of the export's instant), which anyone
     * holding the printed report can check the log against, or that it has not been published.
     */
    private String checkpoint(MunicipalityCode member, FiscalYear year, Instant asOf) {
        return checkpoints.latestPublication(member, year, asOf).map(Checkpoints.Publication::describe)
                .orElse(NOT_PUBLISHED);
    }

    /** One row per KPI; the project's own cells on its first row, as in the published tables; a total last. */
    private List<List<Object>> rows(MunicipalityCode member, FiscalYear year, Instant asOf) {
        List<List<Object>> rows = new ArrayList<>();
        long totalCost = 0;
        long grantAmount = 0;
        boolean grantUnknown = false;
        int no = 0;
        for (ProjectView project : views.projectsOf(member, asOf)) {
            if (!project.leadMunicipality().equals(member.code()) || year.startYear() < project.firstFiscalYear()
                    || year.startYear() > project.lastFiscalYear()) {
                continue;
            }
            no++;
            CostView cost = project.costs().stream().filter(c -> c.fiscalYear() == year.startYear()).findFirst()
                    .orElse(null);
            EvaluationView evaluation = project.evaluations().stream()
                    .filter(e -> e.fiscalYear() == year.startYear()).findFirst().orElse(null);
            if (cost != null) {
                totalCost += cost.totalCost();
            }
            if (cost != null && cost.grantAmount() != null) {
                grantAmount += cost.grantAmount();
            } else if (cost != null) {
                grantUnknown = true;
            }
            List<KpiView> kpis = project.kpis().isEmpty() ? Collections.singletonList(null) : project.kpis();
            boolean first = true;
            for (KpiView kpi : kpis) {
                KpiYear figures = kpi == null ? null : kpi.years().stream()
                        .filter(y -> y.fiscalYear() == year.startYear()).findFirst().orElse(null);
                List<Object> row = new ArrayList<>();
                row.add(first ? String.valueOf(no) : null);
                row.add(first ? project.name() : null);
                row.add(first ? project.scopeJa() : null);
                row.add(first ? project.department() : null);
                row.add(first && cost != null ? (Object) cost.totalCost() : null);
                row.add(first && cost != null ? (Object) cost.grantAmount() : null);
                row.add(kpi == null ? null : kpi.name());
                row.add(kpi == null ? null : kpi.unit());
                row.add(figures == null ? null : figures.target());
                row.add(figures == null ? null : figures.actual());
                row.add(figures == null ? null : figures.statusJa());
                row.add(figures == null || figures.reached() == null ? "—" : figures.reached() ? "達成" : "未達成");
                row.add(first && evaluation != null ? evaluation.effectJa() : null);
                row.add(first && evaluation != null ? evaluation.suggestedEffectJa() : null);
                row.add(first && evaluation != null ? evaluation.policyJa() : null);
                rows.add(row);
                first = false;
            }
        }
        List<Object> total = new ArrayList<>(Collections.nCopies(HEADINGS.length, null));
        total.set(1, "合計");
        total.set(4, totalCost);
        // an unknown 交付実績 leaves the total unknown rather than understated
        total.set(5, grantUnknown ? null : grantAmount);
        rows.add(total);
        return rows;
    }



    private static String filename(MunicipalityCode member, FiscalYear year) {
        return "効果検証_" + member.nameJa() + "_" + year.toJapanese();
    }
}
