package jp.yumekairo.query.report;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.QueryRefused;
import jp.yumekairo.query.web.Spreadsheets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;


/**
 * A member's yearly 効果検証 printed as the published tables lay it out: as PDF (A4 landscape), as an Excel workbook
 * or as CSV. {@code ?version=n} gives published version n exactly as it was published, with the hash chain's
 * checkpoint of its publication; without it, the report as it stands (or stood at {@code asOf}).
 */
@RestController
class ReportExportController {

    private final ReportFiles files;

    ReportExportController(ReportFiles files) {
        this.files = files;
    }

    /** The report as PDF, ready to print and publish. */
    @GetMapping("/api/municipalities/{code}/reports/{fiscalYear}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable("code") MunicipalityCode member, @PathVariable FiscalYear fiscalYear,
                               @RequestParam(required = false) Integer version,
                               @RequestParam(required = false) String asOf) {
        return files.pdf(print(member, fiscalYear, version, asOf));
    }

    /** The report as an Excel workbook, ready to print: A4 landscape, one page wide. */
    @GetMapping("/api/municipalities/{code}/reports/{fiscalYear}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable("code") MunicipalityCode member, @PathVariable FiscalYear fiscalYear,
                                @RequestParam(required = false) Integer version,
                                @RequestParam(required = false) String asOf) {
        return files.xlsx(print(member, fiscalYear, version, asOf));
    }

    /** The same table as CSV (UTF-8 with a byte-order mark), one line per KPI, figures as plain numbers. */
    @GetMapping("/api/municipalities/{code}/reports/{fiscalYear}.csv")
    ResponseEntity<byte[]> csv(@PathVariable("code") MunicipalityCode member, @PathVariable FiscalYear fiscalYear,
                               @RequestParam(required = false) Integer version,
                               @RequestParam(required = false) String asOf) {
        PrintedReport report = print(member, fiscalYear, version, asOf);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(ReportWorkbook.HEADINGS);
            for (PrintedReport.Project project : report.projects()) {
                List<PrintedReport.Kpi> kpis = project.kpis().isEmpty() ? java.util.Collections.singletonList(null)
                        : project.kpis();
                boolean first = true;
                for (PrintedReport.Kpi kpi : kpis) {
                    List<String> row = new ArrayList<>();
                    row.add(first ? String.valueOf(project.no()) : "");
                    row.add(first ? Spreadsheets.csvText(project.name()) : "");
                    row.add(first ? Spreadsheets.csvText(project.activities()) : "");
                    row.add(first && project.totalCost() != null ? project.totalCost().toString() : "");
                    row.add(first ? project.grantAmount() != null ? project.grantAmount().toString()
                            : project.grantAmountText() == null ? "" : project.grantAmountText() : "");
                    row.add(kpi == null ? "" : Spreadsheets.csvText(kpi.name()));
                    row.add(kpi == null ? "" : plain(kpi.target(), kpi.targetText()));
                    row.add(kpi == null ? "" : plain(kpi.actual(), kpi.actualText()));
                    row.add(kpi == null ? "" : kpi.reached());
                    row.add(first ? project.effect() : "");
                    row.add(first ? project.policy() : "");
                    printer.printRecord(row);
                    first = false;
                }
            }
            printer.printRecord("", PrintedReport.TOTAL, "",
                    report.totalCost() == null ? "" : report.totalCost().toString(),
                    report.grantAmount() == null ? "" : report.grantAmount().toString());
            // after the table, so that the CSV still opens as one table with its headings first
            for (String line : report.footer()) {
                printer.printRecord("", line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Spreadsheets.downloadCsv(out.toString(), report.filename() + ".csv");
    }

    private PrintedReport print(MunicipalityCode member, FiscalYear year, Integer version, String asOf) {
        if (version != null && asOf != null) {
            throw QueryRefused.invalid("version-and-as-of", "give either version or asOf, not both");
        }
        return files.print(member, year, version, AsOf.parse(asOf));
    }

    private static String plain(BigDecimal value, String text) {
        return value == null ? text : value.toPlainString();
    }
}
