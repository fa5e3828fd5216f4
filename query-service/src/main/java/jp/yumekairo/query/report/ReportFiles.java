package jp.yumekairo.query.report;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.web.QueryRefused;
import jp.yumekairo.query.web.Spreadsheets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The printed report as the files the API and the report page hand out: the same bytes and the same
 * Content-Disposition whichever of the two is asked.
 */
@Component
class ReportFiles {

    private final ReportPrints prints;
    private final ReportPdf pdf;
    private final ReportViews reports;

    ReportFiles(ReportPrints prints, ReportPdf pdf, ReportViews reports) {
        this.prints = prints;
        this.pdf = pdf;
        this.reports = reports;
    }

    /**
     * Published version {@code version}, or (null) the report at {@code asOf}; an unknown version is refused, and so
     * is the report at {@code asOf} of a year for which the member has no report (the page's 404).
     */
    PrintedReport print(MunicipalityCode member, FiscalYear year, Integer version, Instant asOf) {
        if (version == null) {
            reports.requireExists(member, year, asOf);
        }
        return prints.print(member, year, version, asOf)
                .orElseThrow(() -> QueryRefused.unknown("unknown-report-version",
                        "the report has no published version " + version));
    }

    /** The report as PDF, ready to print and publish. */
    ResponseEntity<byte[]> pdf(PrintedReport report) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.filename() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf.render(report));
    }

    /** The report as an Excel workbook, ready to print: A4 landscape, one page wide. */
    ResponseEntity<byte[]> xlsx(PrintedReport report) {
        return Spreadsheets.download(ReportWorkbook.of(report), report.filename() + ".xlsx");
    }
}
