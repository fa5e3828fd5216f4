package jp.yumekairo.query.report;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.QueryRefused;
import jp.yumekairo.query.web.Spreadsheets;

import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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

    /**
     * Every member's latest published 効果検証 of a fiscal year in one ZIP, as the prefecture files them: each as
     * its PDF and its workbook, named as when downloaded one by one. A year without a published report is refused.
     */
    ResponseEntity<byte[]> published(List<ReportViews.Summary> ofYear, FiscalYear year) {
        List<ReportViews.Summary> published = ofYear.stream().filter(summary -> summary.latestVersion() != null).toList();
        if (published.isEmpty()) {
            throw QueryRefused.unknown("no-published-reports", "no report of fiscal year " + year.startYear()
                    + " is published");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (ReportViews.Summary summary : published) {
                PrintedReport report = print(MunicipalityCode.of(summary.municipalityCode()), year,
                        summary.latestVersion(), AsOf.LATEST);
                zip.putNextEntry(new ZipEntry(report.filename() + ".pdf"));
                zip.write(pdf.render(report));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(report.filename() + ".xlsx"));
                try (Workbook workbook = ReportWorkbook.of(report)) {
                    workbook.write(zip);
                }
                zip.closeEntry();
            }
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
        String name = "効果検証_" + year.toJapanese() + "_公表済み.zip";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(bytes.toByteArray());
    }

    /** The report as an Excel workbook, ready to print: A4 landscape, one page wide. */
    ResponseEntity<byte[]> xlsx(PrintedReport report) {
        return Spreadsheets.download(ReportWorkbook.of(report), report.filename() + ".xlsx");
    }
}
